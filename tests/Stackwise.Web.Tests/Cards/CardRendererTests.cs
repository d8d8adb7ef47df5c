using SkiaSharp;
using Stackwise.Web.Cards;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Cards;

/// <summary>The share card drawing: a PNG of the right size for any title, including hostile ones.</summary>
public sealed class CardRendererTests : IDisposable
{
    internal static readonly string BundledFonts = Path.Combine(RepositoryPaths.Root, "src", "Stackwise.Web", "Cards", "Fonts");

    private readonly CardRenderer _renderer = new(new CardFonts(BundledFonts, CardServices.DefaultFontFolders));

    public void Dispose() => _renderer.Dispose();

    public static TheoryData<string> HostileTitles =>
    [
        "Ketamine-Assisted Therapy",
        new string('W', 1000),
        string.Join(' ', Enumerable.Repeat("Supercalifragilistic", 60)),
        "Sleep 😴 and 🧠 health 👍🏽 with 👨‍👩‍👧",
        "טיפול בעזרת קטמין",
        "العلاج بمساعدة الكيتامين",
        "Mixed עברית and English العربية 日本語の記事 한국어",
        "<script>alert(1)</script> & \"quotes\"",
        "\u200F\u202Eevil\u202C\u200D\u0000\t\n",
        "😴😴😴",
        "",
        "\uD800 lone surrogate",
    ];

    [Theory]
    [MemberData(nameof(HostileTitles))]
    public void EveryTitleDrawsA1200By630Png(string title)
    {
        var png = _renderer.Draw(new ShareCard(title, "Psychedelic Therapy", new RiskBadge(RiskLevel.Moderate, "Moderate Risk")));

        using var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        Assert.Equal((CardRenderer.Width, CardRenderer.Height), (bitmap.Width, bitmap.Height));
        Directory.CreateDirectory(Path.Combine(RepositoryPaths.Root, "tests", "Stackwise.Web.Tests", "TestResults", "cards"));
        File.WriteAllBytes(Path.Combine(RepositoryPaths.Root, "tests", "Stackwise.Web.Tests", "TestResults", "cards", $"card-{Math.Abs(title.GetHashCode(StringComparison.Ordinal))}.png"), png);
    }

    [Fact]
    public void ADifferentTitleOrRiskDrawsADifferentCardAndTheSameInputTheSameBytes()
    {
        var card = new ShareCard("Synthetic Title", "Synthetic Category", new RiskBadge(RiskLevel.Low, "Low Risk"));

        var first = _renderer.Draw(card);

        Assert.Equal(first, _renderer.Draw(card));
        Assert.NotEqual(first, _renderer.Draw(card with { Title = "Synthetic Title 2" }));
        Assert.NotEqual(first, _renderer.Draw(card with { Risk = new RiskBadge(RiskLevel.High, "High Risk") }));
        Assert.NotEqual(first, _renderer.Draw(card with { Risk = null }));
        Assert.NotEqual(first, _renderer.Draw(card with { Risk = new RiskBadge(RiskLevel.Low, "Riesgo bajo") }));
    }

    [Fact]
    public async Task TheStoreKeepsAtMostItsLimitAndDrawsEachCardOnce()
    {
        using var store = new CardStore(_renderer, maxCards: 8);
        var cards = Enumerable.Range(0, 12).Select(i => new ShareCard($"Synthetic {i}", null, null)).ToList();

        foreach (var card in cards)
        {
            await store.PngAsync(card, CardStore.EntityTag(card), CancellationToken.None);
        }
        var last = cards[^1];

        Assert.Equal(8, store.Count);
        Assert.Same(await store.PngAsync(last, CardStore.EntityTag(last), CancellationToken.None), await store.PngAsync(last, CardStore.EntityTag(last), CancellationToken.None));
        Assert.NotEqual(CardStore.EntityTag(cards[0]), CardStore.EntityTag(cards[1]));
        Assert.Equal(CardStore.EntityTag(new ShareCard("Synthetic 0", null, null)), CardStore.EntityTag(cards[0]));
    }

    [Fact]
    public async Task AtMostOneCardIsDrawnAtOnceAndRequestsPastTheQueueGetNoCard()
    {
        using var gate = new ManualResetEventSlim();
        var drawing = 0;
        var mostAtOnce = 0;
        using var store = new CardStore(card =>
        {
            var now = Interlocked.Increment(ref drawing);
            InterlockedMax(ref mostAtOnce, now);
            gate.Wait(TimeSpan.FromSeconds(10));
            Interlocked.Decrement(ref drawing);
            return [1, 2, 3];
        }, maxCards: 1_000);
        var cards = Enumerable.Range(0, CardStore.MaxDrawing + CardStore.MaxWaiting + 5).Select(i => new ShareCard($"Synthetic {i}", null, null)).ToList();

        var first = Task.Run(async () => await store.PngAsync(cards[0], CardStore.EntityTag(cards[0]), CancellationToken.None));
        while (Volatile.Read(ref drawing) == 0)
        {
            await Task.Yield();
        }
        var waiting = cards.Skip(1).Take(CardStore.MaxWaiting).Select(card => store.PngAsync(card, CardStore.EntityTag(card), CancellationToken.None).AsTask()).ToList();
        Assert.Equal(CardStore.MaxWaiting, store.Waiting);
        var refused = await Task.WhenAll(cards.Skip(1 + CardStore.MaxWaiting).Select(card => store.PngAsync(card, CardStore.EntityTag(card), CancellationToken.None).AsTask()));
        gate.Set();
        var drawn = await Task.WhenAll(waiting.Prepend(first));

        Assert.All(refused, Assert.Null);
        Assert.All(drawn, Assert.NotNull);
        Assert.Equal(CardStore.MaxDrawing, mostAtOnce);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, seen) == seen)
            {
                return;
            }
        }
    }

    [Fact]
    public void AMissingFontStopsWithAMessageSayingWhatIsMissing()
    {
        var folder = Path.Combine(Path.GetTempPath(), "no-such-font-folder");

        var atStart = Assert.Throws<InvalidOperationException>(() => CardFonts.CheckBundled(folder));
        var atFirstCard = Assert.Throws<InvalidOperationException>(() => new CardFonts(folder, []));

        Assert.Contains("DejaVuSans.ttf", atStart.Message, StringComparison.Ordinal);
        Assert.Contains("DejaVuSans.ttf", atFirstCard.Message, StringComparison.Ordinal);
        CardFonts.CheckBundled(BundledFonts);
    }
}
