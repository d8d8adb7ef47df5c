using Microsoft.Playwright;

namespace Stackwise.BrowserTests;

[Collection(SharedSite.Name)]
public sealed class AccessibilityTests(SiteFixture site)
{
    public static TheoryData<string, ColorScheme> PagesInBothSchemes() => Axe.InBothSchemes(SitePages.Paths);

    [BrowserTheory]
    [MemberData(nameof(PagesInBothSchemes))]
    public async Task AxeFindsNoWcag22AAViolations(string path, ColorScheme scheme) => await Axe.AssertNoViolationsAsync(site, path, scheme);
}
