using System.Net;
using System.Xml.Linq;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Content;

public sealed class DraftsTests : IDisposable
{
    private readonly TempContentFolder _folder = new TempContentFolder()
        .Write("therapies/public.md", Article("Public Synthetic", "published: 2026-01-01"))
        .Write("therapies/draft.md", Article("Draft Synthetic", "published: 2026-01-01\ndraft: true"))
        .Write("therapies/scheduled.md", Article("Scheduled Synthetic", "published: 2026-07-01"))
        .Write("pages/draft-page.md", "---\ntitle: Draft Page\nsummary: Synthetic.\ndraft: true\n---\nText.\n");

    public void Dispose() => _folder.Dispose();

    private static string Article(string title, string dates) =>
        $"---\ntitle: {title}\ncategory: Test\nrisk: low\nsummary: Synthetic.\n{dates}\n---\nText.\n";

    private StackwiseFactory Site(string environment, int month = 6, int day = 30) =>
        new(_folder.Root, environment) { Time = FixedTimeProvider.On(2026, month, day) };

    private static async Task<IReadOnlyList<string>> ListedAsync(HttpClient client, string url)
    {
        var body = await client.GetStringAsync(new Uri(url, UriKind.Relative));
        return url.EndsWith(".xml", StringComparison.Ordinal)
            ? [.. XDocument.Parse(body).Descendants().Where(e => e.Name.LocalName is "loc" or "id" or "link" or "guid").Select(e => e.Value + (string?)e.Attribute("href"))]
            : [.. new AngleSharp.Html.Parser.HtmlParser().ParseDocument(body).QuerySelectorAll("a").Select(a => a.GetAttribute("href") ?? "")];
    }

    [Theory]
    [InlineData("/therapies/draft")]
    [InlineData("/therapies/scheduled")]
    [InlineData("/draft-page")]
    public async Task DraftsAndScheduledArticlesAreNotServedInProduction(string url)
    {
        await using var site = Site("Production");

        var (response, _) = await site.CreateClient().GetPageAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/categories/test")]
    [InlineData("/risk/low")]
    [InlineData("/sitemap.xml")]
    [InlineData("/feed.xml")]
    [InlineData("/rss.xml")]
    public async Task DraftsAndScheduledArticlesAreNotListedAnywhereInProduction(string url)
    {
        await using var site = Site("Production");

        var listed = string.Join(' ', await ListedAsync(site.CreateClient(), url));

        Assert.Contains("/therapies/public", listed, StringComparison.Ordinal);
        Assert.DoesNotContain("/therapies/draft", listed, StringComparison.Ordinal);
        Assert.DoesNotContain("/therapies/scheduled", listed, StringComparison.Ordinal);
        Assert.DoesNotContain("/draft-page", listed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScheduledArticleGoesLiveOnItsDate()
    {
        await using var site = Site("Production", month: 7, day: 1);

        var (response, _) = await site.CreateClient().GetPageAsync("/therapies/scheduled");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/therapies/draft", "Draft.")]
    [InlineData("/draft-page", "Draft.")]
    [InlineData("/therapies/scheduled", "Scheduled.")]
    public async Task DevelopmentPreviewsUnpublishedPagesWithABannerAndNoindex(string url, string banner)
    {
        await using var site = Site("Development");

        var (response, document) = await site.CreateClient().GetPageAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith(banner, document.QuerySelector(".preview-banner")?.NormalizedText(), StringComparison.Ordinal);
        Assert.Equal("noindex", document.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
        Assert.Null(document.QuerySelector("link[rel=canonical]"));
    }

    [Theory]
    [InlineData("/sitemap.xml")]
    [InlineData("/feed.xml")]
    public async Task DevelopmentKeepsDraftsOutOfSitemapAndFeeds(string url)
    {
        await using var site = Site("Development");

        var client = site.CreateClient();
        var listed = string.Join(' ', await ListedAsync(client, url));
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.DoesNotContain("/therapies/draft", listed, StringComparison.Ordinal);
        Assert.DoesNotContain("/therapies/scheduled", listed, StringComparison.Ordinal);
        // Dated by what is listed and when it was first sent (the site's clock: noon of 2026-06-30), never by the
        // scheduled article's later date (2026-07-01).
        Assert.Equal(new DateTimeOffset(2026, 6, 30, 12, 0, 0, TimeSpan.Zero), response.Content.Headers.LastModified);
    }

    [Fact]
    public async Task PublicPageHasNoBanner()
    {
        await using var site = Site("Development");

        var (_, document) = await site.CreateClient().GetPageAsync("/therapies/public");

        Assert.Null(document.QuerySelector(".preview-banner"));
    }
}
