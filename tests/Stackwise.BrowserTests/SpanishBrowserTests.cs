using Microsoft.Playwright;
using Stackwise.Web.Tests.Localization;
using Stackwise.Web.Tests.Support;

namespace Stackwise.BrowserTests;

/// <summary>
/// The Spanish site of <see cref="SpanishSiteTests"/> in Chromium: every kind of page declares Spanish, has no
/// accessibility violation in either colour scheme, and its article is kept as a screenshot to look at.
/// </summary>
[Collection(SharedSite.Name)]
public sealed class SpanishBrowserTests(SpanishBrowserTests.SpanishSite site) : IClassFixture<SpanishBrowserTests.SpanishSite>
{
    public static TheoryData<string, ColorScheme> Pages => Axe.InBothSchemes(
    [
        "/", "/terapias/revision-sintetica", "/categories/terapia-sintetica/page/2", "/risk/moderate", "/people", "/people/luis-ejemplo",
        "/search?q=sint%C3%A9tica", "/search?q=zzqqxx", "/terapias/no-existe", "/risk-levels",
    ]);

    [BrowserTheory]
    [MemberData(nameof(Pages))]
    public async Task EveryKindOfPageIsSpanishAndHasNoAccessibilityViolation(string path, ColorScheme scheme)
    {
        var page = await site.OpenAsync(path, colorScheme: scheme);

        Assert.Equal("es", await page.EvaluateAsync<string>("document.documentElement.lang"));
        Assert.Empty(await Axe.ViolationsAsync(page));
        site.Release(page);
    }

    [BrowserFact]
    public async Task TheArticleReadsInSpanish()
    {
        var page = await site.OpenAsync("/terapias/revision-sintetica");

        Assert.Equal("Saltar al contenido", (await page.InnerTextAsync(".skip-link")).Trim());
        Assert.Contains("Revisión médica de", await page.InnerTextAsync(".article-header"), StringComparison.Ordinal);
        Directory.CreateDirectory(SiteFixture.ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SiteFixture.ScreenshotFolder, "spanish-article.png"), FullPage = true });
        site.Release(page);
    }

    /// <summary>The site written in Spanish (<c>Site:Languages</c> = <c>es</c>).</summary>
    public sealed class SpanishSite() : FolderSiteFixture(SpanishSiteTests.WriteFolder(new TempContentFolder()), new Dictionary<string, string> { ["Site:Languages:0"] = "es" });
}
