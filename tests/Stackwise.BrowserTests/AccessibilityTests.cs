using Microsoft.Playwright;

namespace Stackwise.BrowserTests;

[Collection(SharedSite.Name)]
public sealed class AccessibilityTests(SiteFixture site)
{
    public static TheoryData<string, ColorScheme> PagesInBothSchemes() => Axe.InBothSchemes(SitePages.Paths);

    [BrowserTheory]
    [MemberData(nameof(PagesInBothSchemes))]
    public async Task AxeFindsNoWcag22AAViolations(string path, ColorScheme scheme) => await Axe.AssertNoViolationsAsync(site, path, scheme);

    /// <summary>The detector itself: a synthetic page with an image without alt text and grey-on-grey text.</summary>
    [BrowserFact]
    public async Task AxeReportsTheViolationsOfAPageThatHasThem()
    {
        var context = await site.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetContentAsync("""
            <!DOCTYPE html><html lang="en"><head><title>Synthetic page</title></head>
            <body><main><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
            <p style="color: #999; background: #aaa">Synthetic text of too little contrast.</p></main></body></html>
            """);

        var violations = await Axe.ViolationsAsync(page);

        Assert.Contains(violations, violation => violation.StartsWith("image-alt:", StringComparison.Ordinal));
        Assert.Contains(violations, violation => violation.StartsWith("color-contrast:", StringComparison.Ordinal));
        await context.CloseAsync();
    }
}
