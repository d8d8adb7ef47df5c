using Microsoft.Playwright;
using Stackwise.Web.Tests.Support;

namespace Stackwise.BrowserTests;

/// <summary>An article with references, a byline and a reviewer, and the people's pages, in Chromium (the evidence fixture).</summary>
[Collection(SharedSite.Name)]
public sealed class EvidenceBrowserTests(EvidenceBrowserTests.EvidenceSite site) : IClassFixture<EvidenceBrowserTests.EvidenceSite>
{
    private const string Article = "/therapies/evidence-test-therapy";

    private static readonly string[] Paths = [Article, "/therapies/co-written-test-therapy", "/people", "/people/test-reviewer", "/people/test-writer"];

    public static TheoryData<string, ColorScheme> PagesInBothSchemes() => Axe.InBothSchemes(Paths);

    [BrowserTheory]
    [MemberData(nameof(PagesInBothSchemes))]
    public async Task AxeFindsNoWcag22AAViolations(string path, ColorScheme scheme) => await Axe.AssertNoViolationsAsync(site, path, scheme);

    [BrowserFact]
    public async Task ArticleWithReferencesAndBylineStaysUnder40Kilobytes() => await PageWeightTests.AssertLightAsync(site, Article);

    [BrowserFact]
    public async Task ACitationTakesTheReaderToItsSourceAndTheSourceIsHighlighted()
    {
        var page = await site.OpenAsync(Article, width: 390);

        await page.Locator(".article-body sup.citation a").First.ClickAsync();

        Assert.EndsWith("#ref-synthetic-paper", page.Url, StringComparison.Ordinal);
        var target = page.Locator("#ref-synthetic-paper");
        Assert.True(await target.IsVisibleAsync());
        Assert.NotEqual("rgba(0, 0, 0, 0)", await target.EvaluateAsync<string>("element => getComputedStyle(element).backgroundColor"));
        Directory.CreateDirectory(SiteFixture.ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SiteFixture.ScreenshotFolder, "evidence-references-phone.png") });
        site.Release(page);
    }

    [BrowserFact]
    public async Task BylineAndPersonPageAreScreenshotted()
    {
        var article = await site.OpenAsync(Article);
        var person = await site.OpenAsync("/people/test-reviewer");

        Directory.CreateDirectory(SiteFixture.ScreenshotFolder);
        await article.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SiteFixture.ScreenshotFolder, "evidence-article.png"), FullPage = true });
        await person.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SiteFixture.ScreenshotFolder, "evidence-person.png"), FullPage = true });

        Assert.True(await article.Locator(".article-credit").First.IsVisibleAsync());
        Assert.Equal("Test Reviewer", await person.Locator("main h1").TextContentAsync());
        site.Release(article);
        site.Release(person);
    }

    public sealed class EvidenceSite() : SiteFixture(RepositoryPaths.EvidenceContent);
}
