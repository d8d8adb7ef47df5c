using System.Net;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Pages;

public sealed class SitePagesTests(TestContentFactory factory) : IClassFixture<TestContentFactory>
{
    [Fact]
    public async Task HomeListsEveryArticleNewestFirstWithCategoryBadgeAndSummary()
    {
        var (response, document) = await factory.CreateClient().GetPageAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Stackwise", document.Title);
        var cards = document.QuerySelectorAll(".article-card");
        Assert.Equal(["Gamma Test Therapy", "Beta Test Supplement", "Alpha Test Therapy"], cards.Select(card => card.QuerySelector(".article-card-title a")?.NormalizedText()));
        var beta = cards[1];
        Assert.Equal("/supplements/beta-test-supplement", beta.QuerySelector(".article-card-title a")?.GetAttribute("href"));
        Assert.Equal("Test Category B", beta.QuerySelector(".category")?.NormalizedText());
        Assert.Equal("High Risk", beta.QuerySelector(".risk-badge")?.NormalizedText());
        Assert.Equal("A synthetic high-risk article used by the automated tests.", beta.QuerySelector(".article-summary")?.NormalizedText());
        Assert.Equal("Low Risk", cards[2].QuerySelector(".risk-badge")?.NormalizedText());
    }

    [Fact]
    public async Task ContentPageIsServedAtTheRootWithItsTitleAsTheOneHeading()
    {
        var (response, document) = await factory.CreateClient().GetPageAsync("/privacy");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Test Privacy", Assert.Single(document.QuerySelectorAll("h1")).NormalizedText());
        Assert.Equal("Synthetic privacy text.", document.QuerySelector("main p")?.NormalizedText());
        Assert.Equal("2026-01-01", document.QuerySelector(".page-dates time")?.GetAttribute("datetime"));
        Assert.Equal("Test Privacy | Stackwise", document.Title);
        Assert.Equal("Synthetic privacy page for the automated tests.", document.QuerySelector("meta[name=description]")?.GetAttribute("content"));
    }

    [Fact]
    public async Task RawHtmlInContentIsShownAsTextNeverAsMarkup()
    {
        var (_, document) = await factory.CreateClient().GetPageAsync("/supplements/beta-test-supplement");

        var body = document.QuerySelector(".article-body");
        Assert.NotNull(body);
        Assert.Empty(document.QuerySelectorAll("script:not([type='application/ld+json'])"));
        Assert.DoesNotContain("<script>", document.QuerySelector("script[type='application/ld+json']")?.TextContent, StringComparison.Ordinal);
        Assert.Empty(document.QuerySelectorAll("[onclick]"));
        Assert.Empty(body.QuerySelectorAll("b"));
        Assert.Contains("<script>alert('x')</script>", body.NormalizedText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LowRiskArticleWithoutHealthRisksShowsNoEmptyHealthRisksSection()
    {
        var (_, document) = await factory.CreateClient().GetPageAsync("/therapies/alpha-test-therapy");

        Assert.Equal("Low Risk", document.QuerySelector("article .risk-badge")?.NormalizedText());
        Assert.Null(document.QuerySelector(".health-risks"));
    }

    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/therapies/no-such-article")]
    [InlineData("/no-such-section/alpha-test-therapy")]
    [InlineData("/pages/terms")]
    [InlineData("/therapies/alpha-test-therapy/extra")]
    [InlineData("/error")]
    [InlineData("/error/200")]
    public async Task UnknownPathAnswers404WithTheLayoutAndDisclaimer(string url)
    {
        var (response, document) = await factory.CreateClient().GetPageAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", Assert.Single(document.QuerySelectorAll("h1")).NormalizedText());
        Assert.NotNull(document.QuerySelector("header.site-header a[href='/']"));
        Assert.StartsWith("The information provided by Stackwise", document.QuerySelector("footer .disclaimer")?.NormalizedText(), StringComparison.Ordinal);
        Assert.Equal("noindex", document.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
    }

    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/therapies/alpha-test-therapy", HttpStatusCode.OK)]
    [InlineData("/terms", HttpStatusCode.OK)]
    [InlineData("/no-such-page", HttpStatusCode.NotFound)]
    public async Task HeadAnswersWithTheSameStatusAndTypeAsGet(string url, HttpStatusCode status)
    {
        // The in-memory test server passes the body through; Kestrel drops it from HEAD responses.
        using var request = new HttpRequestMessage(HttpMethod.Head, url);

        var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ArticleImagesAreServedFromTheContentImagesFolder()
    {
        var (_, document) = await factory.CreateClient().GetPageAsync("/therapies/alpha-test-therapy");
        var image = document.QuerySelector(".article-body img");

        var response = await factory.CreateClient().GetAsync(new Uri(image?.GetAttribute("src") ?? "", UriKind.Relative));

        Assert.Equal("A synthetic blue rectangle", image?.GetAttribute("alt"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync(new Uri("/images/missing.png", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task StylesheetIsServed()
    {
        var (_, document) = await factory.CreateClient().GetPageAsync("/");
        var href = document.QuerySelector("link[rel=stylesheet]")?.GetAttribute("href");

        var response = await factory.CreateClient().GetAsync(new Uri(href ?? "", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(".risk-badge--moderate", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
