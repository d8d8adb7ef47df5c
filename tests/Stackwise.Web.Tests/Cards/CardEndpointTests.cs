using System.Net;
using System.Net.Http.Headers;
using SkiaSharp;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Cards;

/// <summary>Share cards through HTTP: every kind of page has one, cards behave like pages (ETag, 304, HEAD), and pages name them.</summary>
public sealed class CardEndpointTests : IClassFixture<RealContentFactory>
{
    private readonly HttpClient _client;

    public CardEndpointTests(RealContentFactory factory) => _client = factory.CreateClient();

    public static TheoryData<string, string> PagesAndCards => new()
    {
        { "/therapies/ketamine-assisted-therapy", "/cards/therapies/ketamine-assisted-therapy.png" },
        { "/", "/cards.png" },
        { "/categories/psychedelic-therapy", "/cards/categories/psychedelic-therapy.png" },
        { "/risk/moderate", "/cards/risk/moderate.png" },
        { "/terms", "/cards/terms.png" },
        { "/people", "/cards/people.png" },
    };

    [Theory]
    [MemberData(nameof(PagesAndCards))]
    public async Task EveryKindOfPageNamesItsCardAbsolutelyAndTheCardIsA1200By630Png(string page, string card)
    {
        var (_, document) = await _client.GetPageAsync(page);
        string? Meta(string attribute, string name) => document.QuerySelector($"meta[{attribute}='{name}']")?.GetAttribute("content");

        var url = $"{StackwiseFactory.BaseUrl}{card}";
        Assert.Equal(url, Meta("property", "og:image"));
        Assert.Equal(url, Meta("name", "twitter:image"));
        Assert.Equal(("1200", "630", "image/png", "summary_large_image"),
            (Meta("property", "og:image:width"), Meta("property", "og:image:height"), Meta("property", "og:image:type"), Meta("name", "twitter:card")));
        Assert.False(string.IsNullOrWhiteSpace(Meta("property", "og:image:alt")));
        Assert.Equal(Meta("property", "og:image:alt"), Meta("name", "twitter:image:alt"));

        var response = await _client.GetAsync(new Uri(card, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        using var bitmap = SKBitmap.Decode(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal((1200, 630), (bitmap.Width, bitmap.Height));
    }

    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/search?q=ketamine")]
    public async Task PagesWithoutACardOfTheirOwnAreSharedWithTheHomeCard(string path)
    {
        var (_, document) = await _client.GetPageAsync(path);

        Assert.Equal($"{StackwiseFactory.BaseUrl}/cards.png", document.QuerySelector("meta[property='og:image']")?.GetAttribute("content"));
        Assert.Equal("summary_large_image", document.QuerySelector("meta[name='twitter:card']")?.GetAttribute("content"));
    }

    [Fact]
    public async Task TheArticlesAltTextSaysTitleCategoryAndRiskInWords()
    {
        var (_, document) = await _client.GetPageAsync("/therapies/ketamine-assisted-therapy");

        Assert.Equal("Ketamine-Assisted Therapy, Psychedelic Therapy, Moderate Risk",
            document.QuerySelector("meta[property='og:image:alt']")?.GetAttribute("content"));
    }

    [Fact]
    public async Task ACardHasAStrongETagAnswers304AndHeadAndIsNeverCompressed()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/cards/therapies/ketamine-assisted-therapy.png");
        request.Headers.AcceptEncoding.ParseAdd("br, gzip");
        var first = await _client.SendAsync(request);
        var tag = first.Headers.ETag;

        var again = new HttpRequestMessage(HttpMethod.Get, "/cards/therapies/ketamine-assisted-therapy.png");
        again.Headers.IfNoneMatch.Add(tag ?? EntityTagHeaderValue.Any);
        var notModified = await _client.SendAsync(again);
        var head = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/cards/therapies/ketamine-assisted-therapy.png"));

        Assert.NotNull(tag);
        Assert.False(tag.IsWeak);
        Assert.Empty(first.Content.Headers.ContentEncoding);
        Assert.NotNull(first.Headers.CacheControl);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(tag, head.Headers.ETag);
        Assert.Equal(first.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("If-Match: this", HttpStatusCode.OK)]
    [InlineData("If-Match: *", HttpStatusCode.OK)]
    [InlineData("If-Match: other", HttpStatusCode.PreconditionFailed)]
    [InlineData("If-Match: other; If-None-Match: this", HttpStatusCode.PreconditionFailed)]
    [InlineData("If-Unmodified-Since: a year ago", HttpStatusCode.OK)]
    [InlineData("If-Modified-Since: a year from now", HttpStatusCode.OK)]
    public async Task ACardAnswersPreconditionsByItsTagAloneForItHasNoDate(string condition, HttpStatusCode expected)
    {
        const string card = "/cards/therapies/ketamine-assisted-therapy.png";
        var tag = (await _client.GetAsync(new Uri(card, UriKind.Relative))).Headers.ETag ?? throw new InvalidOperationException("no ETag");
        using var request = new HttpRequestMessage(HttpMethod.Get, card);
        foreach (var part in condition.Split("; "))
        {
            var value = part[(part.IndexOf(':', StringComparison.Ordinal) + 2)..];
            var tagValue = value switch { "this" => tag, "*" => EntityTagHeaderValue.Any, _ => new EntityTagHeaderValue("\"something-else\"") };
            switch (part[..part.IndexOf(':', StringComparison.Ordinal)])
            {
                case "If-Match": request.Headers.IfMatch.Add(tagValue); break;
                case "If-None-Match": request.Headers.IfNoneMatch.Add(tagValue); break;
                case "If-Unmodified-Since": request.Headers.IfUnmodifiedSince = DateTimeOffset.UtcNow.AddYears(-1); break;
                default: request.Headers.IfModifiedSince = DateTimeOffset.UtcNow.AddYears(1); break;
            }
        }

        var response = await _client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK, (await response.Content.ReadAsByteArrayAsync()).Length > 0);
    }

    [Theory]
    [InlineData("/cards/therapies/no-such-article.png")]
    [InlineData("/cards/therapies/ketamine-assisted-therapy")]
    [InlineData("/cards/therapies/ketamine-assisted-therapy.jpg")]
    [InlineData("/cards/search.png")]
    [InlineData("/cards/error/404.png")]
    [InlineData("/cards/../etc/passwd.png")]
    [InlineData("/cards/categories/no-such-category.png")]
    public async Task APathThatIsNoPublicPageHasNoCard(string path)
    {
        var response = await _client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task TheSocialHandleIsNamedOnlyWhenSet()
    {
        await using var withHandle = new HandleFactory();
        var (_, document) = await withHandle.CreateClient().GetPageAsync("/");
        var (_, without) = await _client.GetPageAsync("/");

        Assert.Equal("@stackwise_test", document.QuerySelector("meta[name='twitter:site']")?.GetAttribute("content"));
        Assert.Null(without.QuerySelector("meta[name='twitter:site']"));
    }

    private sealed class HandleFactory() : StackwiseFactory(RepositoryPaths.TestContent)
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Site:SocialHandle", "@stackwise_test");
        }
    }

    [Fact]
    public async Task AChangedTitleChangesTheCardAndItsETag()
    {
        using var folder = new TempContentFolder().Write("therapies/card.md", SyntheticContent.LowRiskArticle);
        await using var site = new StackwiseFactory(folder.Root) { Watch = true };
        var client = site.CreateClient();
        var before = await client.GetAsync(new Uri("/cards/therapies/card.png", UriKind.Relative));

        folder.Write("therapies/card.md", SyntheticContent.LowRiskArticle.Replace("title: Good", "title: Better", StringComparison.Ordinal));
        await site.UntilAsync(async () => (await client.GetStringAsync(new Uri("/therapies/card", UriKind.Relative))).Contains("Better", StringComparison.Ordinal), "the new title is served");
        var after = await client.GetAsync(new Uri("/cards/therapies/card.png", UriKind.Relative));

        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        Assert.NotEqual(await before.Content.ReadAsByteArrayAsync(), await after.Content.ReadAsByteArrayAsync());
    }
}
