using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Stackwise.BrowserTests;

[Collection(SharedSite.Name)]
public sealed class AccessibilityTests(SiteFixture site)
{
    private static readonly AxeRunOptions WcagAA = new()
    {
        RunOnly = new RunOnlyOptions
        {
            Type = "tag",
            Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"],
        },
    };

    public static TheoryData<string, ColorScheme> PagesInBothSchemes()
    {
        var data = new TheoryData<string, ColorScheme>();
        foreach (var path in SitePages.Paths)
        {
            data.Add(path, ColorScheme.Light);
            data.Add(path, ColorScheme.Dark);
        }
        return data;
    }

    [BrowserTheory]
    [MemberData(nameof(PagesInBothSchemes))]
    public async Task AxeFindsNoWcag22AAViolations(string path, ColorScheme scheme)
    {
        var page = await site.OpenAsync(path, colorScheme: scheme);

        var result = await page.RunAxe(WcagAA);

        var violations = result.Violations.Select(v => $"{v.Id}: {v.Help} at {string.Join(" | ", v.Nodes.Select(n => $"{n.Html} ({string.Join("; ", n.Any.Concat(n.All).Concat(n.None).Select(check => check.Message))})"))}").ToList();
        Assert.True(violations.Count == 0, $"axe found on {path} ({scheme}):\n{string.Join("\n", violations)}");
        Assert.NotEmpty(result.Passes);
        await page.Context.CloseAsync();
    }
}
