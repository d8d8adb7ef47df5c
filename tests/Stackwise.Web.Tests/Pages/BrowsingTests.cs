using System.Net;
using AngleSharp.Html.Dom;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Pages;

public sealed class BrowsingTests(TestContentFactory factory) : IClassFixture<TestContentFactory>
{
    private async Task<IHtmlDocument> GetOkAsync(string url)
    {
        var (response, document) = await factory.CreateClient().GetPageAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return document;
    }

    [Fact]
    public async Task HomeSaysWhatStackwiseIsAndOffersCategoriesAndRiskLevels()
    {
        var document = await GetOkAsync("/");

        Assert.StartsWith("Stackwise explains therapies, supplements and health practices", document.QuerySelector(".site-intro")?.NormalizedText(), StringComparison.Ordinal);
        var categories = document.QuerySelectorAll("nav[aria-labelledby=categories-heading] li a");
        Assert.Equal(["/categories/test-category-a", "/categories/test-category-b"], categories.Select(a => a.GetAttribute("href")));
        var risks = document.QuerySelectorAll("nav[aria-labelledby=risk-heading] li");
        Assert.Equal(["Low Risk (1)", "Moderate Risk (1)", "High Risk (1)"], risks.Select(li => li.NormalizedText()));
    }

    [Fact]
    public async Task CategoryPageListsItsArticlesNewestFirst()
    {
        var document = await GetOkAsync("/categories/test-category-a");

        Assert.Equal("Test Category A", Assert.Single(document.QuerySelectorAll("h1")).NormalizedText());
        Assert.Equal(["Gamma Test Therapy", "Alpha Test Therapy"], document.QuerySelectorAll(".article-card-title").Select(h => h.NormalizedText()));
        Assert.Equal(["Home", "Test Category A"], document.QuerySelectorAll("nav.breadcrumbs li").Select(li => li.NormalizedText()));
    }

    [Theory]
    [InlineData("/categories/no-such-category")]
    [InlineData("/risk/medium")]
    public async Task UnknownCategoryOrRiskLevelAnswers404(string url)
    {
        var (response, _) = await factory.CreateClient().GetPageAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("low", "Alpha Test Therapy")]
    [InlineData("moderate", "Gamma Test Therapy")]
    [InlineData("high", "Beta Test Supplement")]
    public async Task RiskLevelPageListsItsArticlesAndLinksToTheExplanation(string level, string title)
    {
        var document = await GetOkAsync($"/risk/{level}");

        Assert.Equal([title], document.QuerySelectorAll(".article-card-title").Select(h => h.NormalizedText()));
        Assert.NotNull(document.QuerySelector($"main a[href='/risk-levels#{level}-risk']"));
    }

    [Fact]
    public async Task EveryRiskBadgeLinksToItsExplanation()
    {
        var document = await GetOkAsync("/");
        var explanations = await GetOkAsync("/risk-levels");

        var badges = document.QuerySelectorAll(".risk-badge");

        Assert.NotEmpty(badges);
        Assert.All(badges, badge =>
        {
            Assert.Equal("A", badge.TagName);
            var href = badge.GetAttribute("href") ?? "";
            Assert.Equal($"/risk-levels#{badge.NormalizedText().ToLowerInvariant().Replace(' ', '-')}", href);
            Assert.NotNull(explanations.GetElementById(href.Split('#')[1]));
        });
    }

    [Fact]
    public async Task ArticleHasBreadcrumbsHomeCategoryArticle()
    {
        var document = await GetOkAsync("/therapies/gamma-test-therapy");

        var crumbs = document.QuerySelectorAll("nav.breadcrumbs[aria-label=Breadcrumb] li a");

        Assert.Equal(["Home", "Test Category A", "Gamma Test Therapy"], crumbs.Select(a => a.NormalizedText()));
        Assert.Equal(["/", "/categories/test-category-a", "/therapies/gamma-test-therapy"], crumbs.Select(a => a.GetAttribute("href")));
        Assert.Equal("page", crumbs[^1].GetAttribute("aria-current"));
    }

    [Fact]
    public async Task TableOfContentsLinksToEverySectionAndTheHealthRisks()
    {
        var document = await GetOkAsync("/therapies/gamma-test-therapy");

        var links = document.QuerySelectorAll("nav.toc a");

        Assert.Equal(["#gamma-section-one", "#gamma-section-two", "#health-risks"], links.Select(a => a.GetAttribute("href")));
        Assert.Equal(["Gamma Section One", "Gamma Section Two", "Health Risks"], links.Select(a => a.NormalizedText()));
        Assert.All(links, link => Assert.Equal("H2", document.GetElementById((link.GetAttribute("href") ?? "#")[1..])?.TagName));
    }

    [Fact]
    public async Task ArticleShowsItsReadingTime()
    {
        var document = await GetOkAsync("/therapies/alpha-test-therapy");

        Assert.Equal("1 min read", document.QuerySelector(".reading-time")?.NormalizedText());
    }

    [Fact]
    public async Task RelatedArticlesShareACategoryOrTags()
    {
        var document = await GetOkAsync("/therapies/alpha-test-therapy");

        var related = document.QuerySelectorAll("aside.related .article-card-title");

        Assert.Equal(["Gamma Test Therapy"], related.Select(h => h.NormalizedText()));
        Assert.Equal("Related articles", document.QuerySelector("aside.related h2")?.NormalizedText());
    }

    [Fact]
    public async Task ArticleWithNothingRelatedShowsNoRelatedBox()
    {
        var document = await GetOkAsync("/supplements/beta-test-supplement");

        Assert.Null(document.QuerySelector("aside.related"));
        Assert.Null(document.QuerySelector(".article-review"));
    }

    [Fact]
    public async Task AboutPageIsLinkedFromTheFooter()
    {
        var document = await GetOkAsync("/");

        Assert.NotNull(document.QuerySelector("footer a[href='/about']"));
        Assert.Equal("Test About", (await GetOkAsync("/about")).QuerySelector("h1")?.NormalizedText());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/therapies/gamma-test-therapy")]
    [InlineData("/categories/test-category-a")]
    [InlineData("/risk/moderate")]
    [InlineData("/risk-levels")]
    [InlineData("/about")]
    [InlineData("/no-such-page")]
    public async Task EveryPageHasOneH1AndHeadingsInOrder(string url)
    {
        var (_, document) = await factory.CreateClient().GetPageAsync(url);

        var levels = document.QuerySelectorAll("h1, h2, h3, h4, h5, h6").Select(h => h.TagName[1] - '0').ToList();

        Assert.Equal(1, levels.Count(level => level == 1));
        Assert.Equal(1, levels[0]);
        Assert.All(levels.Zip(levels.Skip(1)), pair => Assert.True(pair.Second <= pair.First + 1, $"h{pair.First} is followed by h{pair.Second} on {url}"));
        Assert.NotNull(document.QuerySelector("header"));
        Assert.NotNull(document.QuerySelector("nav"));
        Assert.NotNull(document.QuerySelector("main#main"));
        Assert.NotNull(document.QuerySelector("footer"));
        Assert.Equal("#main", document.QuerySelector("body > a.skip-link")?.GetAttribute("href"));
    }
}
