using Microsoft.Playwright;
using Stackwise.Web.Tests.Site;
using Stackwise.Web.Tests.Support;

namespace Stackwise.BrowserTests;

/// <summary>
/// An article written in each script family (<see cref="AnyScriptTests"/>), opened in Chromium: the words editors write
/// (title, category, body, lists) read right to left in Arabic and Hebrew and left to right in every other script, inside
/// the site's own English frame, and the page has no accessibility violation.
/// </summary>
[Collection(SharedSite.Name)]
public sealed class ScriptDirectionBrowserTests(ScriptDirectionBrowserTests.ScriptsSite site) : IClassFixture<ScriptDirectionBrowserTests.ScriptsSite>
{
    public static TheoryData<string> Names => [.. AnyScriptTests.All.Select(script => script.Name)];

    private static readonly string[] WrittenByEditors = ["main h1", ".article-body", ".article-meta .category", ".breadcrumbs [aria-current=page]", ".article-credit a"];

    [BrowserTheory]
    [MemberData(nameof(Names))]
    public async Task EditorsWordsReadInTheirScriptsDirectionInsideTheSitesFrame(string name)
    {
        var (script, expected, context, page) = await OpenAsync(name);

        var response = await page.GotoAsync(AnyScriptTests.UrlOf(script));

        Assert.Equal(200, response?.Status);
        foreach (var selector in WrittenByEditors)
        {
            Assert.Equal((selector, expected), (selector, await page.EvalOnSelectorAsync<string>(selector, "element => getComputedStyle(element).direction")));
        }
        // The frame stays the site's: the disclaimer and the health-risks heading are English, left to right.
        Assert.Equal("ltr", await page.EvalOnSelectorAsync<string>("footer", "element => getComputedStyle(element).direction"));
        Assert.Equal("ltr", await page.EvalOnSelectorAsync<string>(".health-risks h2", "element => getComputedStyle(element).direction"));
        Assert.Empty(await Axe.ViolationsAsync(page));
        Directory.CreateDirectory(SiteFixture.ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SiteFixture.ScreenshotFolder, $"script-{name.ToLowerInvariant()}.png"), FullPage = true });
        await context.CloseAsync();
    }

    [BrowserTheory]
    [MemberData(nameof(Names))]
    public async Task ListsShowEachTitleInItsScriptsDirection(string name)
    {
        var (script, expected, context, page) = await OpenAsync(name);

        await page.GotoAsync($"/categories/{Stackwise.Web.Content.Model.Slugs.FromText(script.Category)}");
        var link = page.Locator($".article-card-title a[href='{AnyScriptTests.UrlOf(script)}']");

        Assert.Equal(expected, await link.EvaluateAsync<string>("element => getComputedStyle(element).direction"));
        Assert.Equal(expected, await link.Locator("xpath=ancestor::li[1]//p[contains(@class,'article-summary')]").EvaluateAsync<string>("element => getComputedStyle(element).direction"));
        await context.CloseAsync();
    }

    /// <summary>The script named, the direction its words read in, and a new page of a context of its own.</summary>
    private async Task<(AnyScriptTests.Script Script, string Expected, IBrowserContext Context, IPage Page)> OpenAsync(string name)
    {
        var script = AnyScriptTests.All.Single(one => one.Name == name);
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseAddress.ToString() });
        return (script, name is "Arabic" or "Hebrew" ? "rtl" : "ltr", context, await context.NewPageAsync());
    }

    /// <summary>The site on a folder holding an article, category and writer in each script family.</summary>
    public sealed class ScriptsSite() : FolderSiteFixture(AnyScriptTests.WriteFolder(new TempContentFolder()));
}
