using Microsoft.Playwright;
using Stackwise.Web.Tests.Localization;
using Stackwise.Web.Tests.Support;

namespace Stackwise.BrowserTests;

/// <summary>
/// The English and Spanish site of <see cref="TwoLanguageSiteTests"/> in Chromium: each part's pages declare their
/// language and have no accessibility violation, and the language switcher takes a reader from one version to the other.
/// </summary>
[Collection(SharedSite.Name)]
public sealed class TwoLanguageBrowserTests(TwoLanguageBrowserTests.TwoLanguageSite site) : IClassFixture<TwoLanguageBrowserTests.TwoLanguageSite>
{
    public static TheoryData<string, string> Pages => new()
    {
        { "/", "en" },
        { "/therapies/alpha-test-therapy", "en" },
        { "/es", "es" },
        { "/es/therapies/alpha-test-therapy", "es" },
        { "/es/terapias/solo-en-espanol", "es" },
        { "/es/people/test-writer", "es" },
        { "/es/search?q=sint%C3%A9tico", "es" },
        { "/es/טיפולים/טיפול-לדוגמה", "es" },
        { "/疗法/睡眠疗法示例", "en" },
    };

    [BrowserTheory]
    [MemberData(nameof(Pages))]
    public async Task EachPartsPagesAreInTheirLanguageWithNoAccessibilityViolation(string path, string language)
    {
        var page = await site.OpenAsync(path);

        Assert.Equal(language, await page.EvaluateAsync<string>("document.documentElement.lang"));
        Assert.Empty(await Axe.ViolationsAsync(page));
        site.Release(page);
    }

    [BrowserFact]
    public async Task AHebrewTitleReadsRightToLeftInTheSpanishFrame()
    {
        var page = await site.OpenAsync("/es/טיפולים/טיפול-לדוגמה");

        Assert.Equal("rtl", await page.EvalOnSelectorAsync<string>("main h1", "element => getComputedStyle(element).direction"));
        Assert.Equal("ltr", await page.EvalOnSelectorAsync<string>("footer", "element => getComputedStyle(element).direction"));
        Assert.Equal("English", (await page.InnerTextAsync(".site-languages a")).Trim());
        site.Release(page);
    }

    [BrowserFact]
    public async Task TheSwitcherTakesAReaderToTheOtherVersionAndBack()
    {
        var page = await site.OpenAsync("/therapies/alpha-test-therapy");

        await page.ClickAsync(".site-languages a[hreflang=es]");
        await page.WaitForURLAsync("**/es/therapies/alpha-test-therapy");
        Assert.Equal("es", await page.EvaluateAsync<string>("document.documentElement.lang"));
        Directory.CreateDirectory(SiteFixture.ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SiteFixture.ScreenshotFolder, "two-languages-spanish.png"), FullPage = true });
        await page.ClickAsync(".site-languages a[hreflang=en]");
        await page.WaitForURLAsync("**/therapies/alpha-test-therapy");
        Assert.Equal("en", await page.EvaluateAsync<string>("document.documentElement.lang"));
        site.Release(page);
    }

    /// <summary>The site in English and Spanish (<c>Site:Languages</c> = <c>en</c>, <c>es</c>).</summary>
    public sealed class TwoLanguageSite() : FolderSiteFixture(TwoLanguageSiteTests.WriteFolder(new TempContentFolder()),
        new Dictionary<string, string> { ["Site:Languages:0"] = "en", ["Site:Languages:1"] = "es" });
}
