using System.Text;
using SkiaSharp;
using Stackwise.Web.Cards;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Tests.Site;

namespace Stackwise.Web.Tests.Cards;

/// <summary>
/// Share cards in every script family: each title is drawn whole with a font that has its letters (the bundled one or
/// Debian's Noto fonts), shaped (Arabic letters joined, Devanagari conjuncts formed), and placed from the left margin
/// or, for Hebrew and Arabic, up to the right one. Needs <c>fonts-noto-core</c> and <c>fonts-noto-cjk</c>, which
/// <c>.ci/run</c> installs; skipped without them, except in CI.
/// </summary>
public sealed class CardScriptsTests : IDisposable
{
    private readonly CardFonts _fonts = new(CardRendererTests.BundledFonts, CardServices.DefaultFontFolders);
    private readonly CardRenderer _renderer;

    public CardScriptsTests() => _renderer = new CardRenderer(new CardFonts(CardRendererTests.BundledFonts, CardServices.DefaultFontFolders));

    public void Dispose()
    {
        _renderer.Dispose();
        _fonts.Dispose();
    }

    public static TheoryData<string> Names => [.. AnyScriptTests.All.Select(script => script.Name)];

    private static AnyScriptTests.Script Named(string name) => AnyScriptTests.All.Single(script => script.Name == name);

    [CardFontsTheory]
    [MemberData(nameof(Names))]
    public void EveryLetterOfTheTitleHasAFont(string name)
    {
        var title = Named(name).Title;

        var missing = title.EnumerateRunes().Where(Rune.IsLetter).Where(rune => _fonts.For(rune, bold: true) is null).Select(rune => $"U+{rune.Value:X4}").ToList();

        Assert.True(missing.Count == 0, $"{name}: no font for {string.Join(", ", missing)}");
    }

    [CardFontsTheory]
    [MemberData(nameof(Names))]
    public void TheTitleIsDrawnFromTheMarginItsScriptStartsAt(string name)
    {
        var script = Named(name);
        using var card = SKBitmap.Decode(_renderer.Draw(new ShareCard(script.Title, script.Category, new RiskBadge(RiskLevel.Moderate, "Moderate Risk"))));
        using var fallback = SKBitmap.Decode(_renderer.Draw(new ShareCard("", script.Category, new RiskBadge(RiskLevel.Moderate, "Moderate Risk"))));

        var (left, right, inked) = TitleInk(card);

        Assert.True(inked > 2_000, $"{name}: {inked} title pixels");
        Assert.NotEqual(TitleInk(fallback), (left, right, inked));
        if (name is "Arabic" or "Hebrew")
        {
            Assert.InRange(right, CardRenderer.Width - 80 - 12, CardRenderer.Width - 80);
            Assert.True(left > 200, $"{name}: a short right-to-left title starts at x {left}, not near the left margin");
        }
        else
        {
            Assert.InRange(left, 80, 80 + 12);
        }
    }

    [CardFontsTheory]
    [InlineData("العلاج بالنوم")]
    [InlineData("क्षमा निद्रा")]
    public void TextIsShapedNotDrawnCharacterByCharacter(string text)
    {
        var typeface = _fonts.For(text.EnumerateRunes().First(), bold: true)!;
        using var font = new SKFont(typeface, 68);
        using var paint = new SKPaint { IsAntialias = true, Color = SKColors.Black };
        var line = ShapedLine.Of(text, _fonts, bold: true, 68);

        using var shaped = Drawn(canvas => line.Draw(canvas, 10, 10 + line.Width, 100, paint));
        using var characterByCharacter = Drawn(canvas => canvas.DrawText(text, 10, 100, SKTextAlign.Left, font, paint));

        // Joined Arabic letters take other forms than isolated ones and run right to left; a Devanagari conjunct is one
        // glyph for several letters. Character by character, neither happens.
        var differing = 0;
        for (var y = 0; y < shaped.Height; y++)
        {
            for (var x = 0; x < shaped.Width; x++)
            {
                differing += shaped.GetPixel(x, y) != characterByCharacter.GetPixel(x, y) ? 1 : 0;
            }
        }
        Assert.True(differing > 1_000, $"{differing} pixels differ between the shaped line and the text drawn character by character");
    }

    private static SKBitmap Drawn(Action<SKCanvas> draw)
    {
        var bitmap = new SKBitmap(1000, 140);
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.White);
        draw(canvas);
        return bitmap;
    }

    /// <summary>The leftmost and rightmost columns of the title's dark text colour below the label, and how many pixels.</summary>
    private static (int Left, int Right, int Inked) TitleInk(SKBitmap card)
    {
        var (left, right, inked) = (int.MaxValue, -1, 0);
        for (var y = 240; y < CardRenderer.Height - 40; y++)
        {
            for (var x = 20; x < CardRenderer.Width; x++)
            {
                var pixel = card.GetPixel(x, y);
                if (pixel.Red < 90 && pixel.Green < 90 && pixel.Blue < 90)
                {
                    (left, right, inked) = (Math.Min(left, x), Math.Max(right, x), inked + 1);
                }
            }
        }
        return (left, right, inked);
    }
}

/// <summary>A theory that needs Debian's Noto fonts: skipped locally when they are missing, never in CI.</summary>
public sealed class CardFontsTheoryAttribute : TheoryAttribute
{
    public CardFontsTheoryAttribute() =>
        Skip = File.Exists("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc") && File.Exists("/usr/share/fonts/truetype/noto/NotoSansThai-Regular.ttf")
            || string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
            ? null
            : "Debian's Noto fonts are missing: `sudo apt-get install -y fonts-noto-core fonts-noto-cjk` (.ci/run installs them).";
}
