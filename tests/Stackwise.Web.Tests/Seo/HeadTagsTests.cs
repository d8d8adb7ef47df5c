using System.Net;
using AngleSharp.Html.Dom;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Seo;

public sealed class HeadTagsTests(TestContentFactory factory) : IClassFixture<TestContentFactory>
{
    private const string Base = StackwiseFactory.BaseUrl;

    private async Task<IHtmlDocument> GetAsync(string url)
    {
        var (_, document) = await factory.CreateClient().GetPageAsync(url);
        return document;
    }

    private static string? Meta(IHtmlDocument document, string attribute, string name) =>
        document.QuerySelector($"head meta[{attribute}='{name}']")?.GetAttribute("content");

    [Fact]
    public async Task HomeHasTheSiteNameAloneAndWebsiteTags()
    {
        var document = await GetAsync("/");

        Assert.Equal("Stackwise", document.Title);
        Assert.Equal("en", document.DocumentElement.GetAttribute("lang"));
        Assert.Equal($"{Base}/", document.QuerySelector("head link[rel=canonical]")?.GetAttribute("href"));
        Assert.StartsWith("Stackwise explains", Meta(document, "name", "description"), StringComparison.Ordinal);
        Assert.Equal("website", Meta(document, "property", "og:type"));
        Assert.Equal($"{Base}/", Meta(document, "property", "og:url"));
        Assert.Null(document.QuerySelector("meta[name=robots]"));
    }

    [Fact]
    public async Task ArticleHasTitleDescriptionCanonicalOpenGraphAndTwitterCard()
    {
        var document = await GetAsync("/supplements/beta-test-supplement");
        var url = $"{Base}/supplements/beta-test-supplement";

        Assert.Equal("Beta Test Supplement | Stackwise", document.Title);
        Assert.Equal("A synthetic high-risk article used by the automated tests.", Meta(document, "name", "description"));
        Assert.Single(document.QuerySelectorAll("head link[rel=canonical]"));
        Assert.Equal(url, document.QuerySelector("head link[rel=canonical]")?.GetAttribute("href"));
        Assert.Equal("Beta Test Supplement", Meta(document, "property", "og:title"));
        Assert.Equal("A synthetic high-risk article used by the automated tests.", Meta(document, "property", "og:description"));
        Assert.Equal(url, Meta(document, "property", "og:url"));
        Assert.Equal("article", Meta(document, "property", "og:type"));
        Assert.Equal("2026-02-20", Meta(document, "property", "article:published_time"));
        Assert.Equal("2026-03-01", Meta(document, "property", "article:modified_time"));
        Assert.Equal("Test Category B", Meta(document, "property", "article:section"));
        Assert.Equal("summary_large_image", Meta(document, "name", "twitter:card"));
        Assert.Equal("Beta Test Supplement", Meta(document, "name", "twitter:title"));
    }

    [Fact]
    public async Task ContentPageHasItsOwnCanonicalAndDescription()
    {
        var document = await GetAsync("/terms");

        Assert.Equal("Test Terms | Stackwise", document.Title);
        Assert.Equal($"{Base}/terms", document.QuerySelector("head link[rel=canonical]")?.GetAttribute("href"));
        Assert.Equal("Synthetic terms page for the automated tests.", Meta(document, "name", "description"));
        Assert.Equal("website", Meta(document, "property", "og:type"));
    }

    [Fact]
    public async Task NotFoundPageIsNoindexWithoutCanonical()
    {
        var (response, document) = await factory.CreateClient().GetPageAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found | Stackwise", document.Title);
        Assert.Equal("noindex", Meta(document, "name", "robots"));
        Assert.Null(document.QuerySelector("link[rel=canonical]"));
        Assert.Null(document.QuerySelector("meta[property='og:url']"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/therapies/alpha-test-therapy")]
    [InlineData("/terms")]
    [InlineData("/no-such-page")]
    public async Task EveryPageLinksItsFeeds(string url)
    {
        var document = await GetAsync(url);

        Assert.Equal("/feed.xml", document.QuerySelector("head link[rel=alternate][type='application/atom+xml']")?.GetAttribute("href"));
        Assert.Equal("/rss.xml", document.QuerySelector("head link[rel=alternate][type='application/rss+xml']")?.GetAttribute("href"));
    }

    [Fact]
    public async Task CanonicalComesFromTheConfiguredBaseUrlNeverFromTheHostHeader()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/terms");
        // An allowed host that is not the base URL's (other hosts are refused: TransportTests).
        request.Headers.Host = "127.0.0.1:8080";

        var response = await factory.CreateClient().SendAsync(request);
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.Equal($"{Base}/terms", document.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.DoesNotContain("127.0.0.1", document.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }
}
