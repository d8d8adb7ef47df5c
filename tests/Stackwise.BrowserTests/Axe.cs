using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Stackwise.BrowserTests;

/// <summary>axe-core run in the page for every WCAG 2.2 A and AA rule.</summary>
public static class Axe
{
    private static readonly AxeRunOptions WcagAA = new()
    {
        RunOnly = new RunOnlyOptions
        {
            Type = "tag",
            Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"],
        },
    };

    /// <summary>Each violation with the markup and the checks that failed; asserts axe passed something, so an empty page cannot pass.</summary>
    public static async Task<List<string>> ViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(WcagAA);
        Assert.NotEmpty(result.Passes);
        return [.. result.Violations.Select(v => $"{v.Id}: {v.Help} at {string.Join(" | ", v.Nodes.Select(n => $"{n.Html} ({string.Join("; ", n.Any.Concat(n.All).Concat(n.None).Select(check => check.Message))})"))}")];
    }

    /// <summary>Opens <paramref name="path"/> in a fresh context and fails with every violation axe finds there.</summary>
    public static async Task AssertNoViolationsAsync(SiteFixture site, string path, ColorScheme scheme)
    {
        var page = await site.OpenAsync(path, colorScheme: scheme);
        var violations = await ViolationsAsync(page);
        Assert.True(violations.Count == 0, $"axe found on {path} ({scheme}):\n{string.Join("\n", violations)}");
        await page.Context.CloseAsync();
    }

    public static TheoryData<string, ColorScheme> InBothSchemes(IEnumerable<string> paths)
    {
        var data = new TheoryData<string, ColorScheme>();
        foreach (var path in paths)
        {
            data.Add(path, ColorScheme.Light);
            data.Add(path, ColorScheme.Dark);
        }
        return data;
    }
}
