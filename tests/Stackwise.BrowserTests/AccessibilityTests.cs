using Microsoft.Playwright;

namespace Stackwise.BrowserTests;

[Collection(SharedSite.Name)]
public sealed class AccessibilityTests(SiteFixture site)
{
    public static TheoryData<string, ColorScheme> PagesInBothSchemes() => Axe.InBothSchemes(SitePages.Paths);

    [BrowserTheory]
    [MemberData(nameof(PagesInBothSchemes))]
    public async Task AxeFindsNoWcag22AAViolations(string path, ColorScheme scheme)
    {
        var page = await site.OpenAsync(path, colorScheme: scheme);

        var violations = await Axe.ViolationsAsync(page);

        Assert.True(violations.Count == 0, $"axe found on {path} ({scheme}):\n{string.Join("\n", violations)}");
        await page.Context.CloseAsync();
    }
}
