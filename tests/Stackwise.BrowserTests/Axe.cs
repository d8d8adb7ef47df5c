using System.Text.Json;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace Stackwise.BrowserTests;

/// <summary>
/// axe-core (the copy Deque.AxeCore ships) run in the page for every WCAG 2.2 A and AA rule. It runs as
/// <c>axe.run(document)</c> in the page itself: the pages have no frames, and Deque.AxeCore.Playwright's
/// <c>RunAxe</c> opens a second, blank page for every run to combine the results of frames, which doubled each
/// test (3.6 s to about 1.5 s an axe test; its frame-less mode is marked obsolete).
/// </summary>
public static class Axe
{
    private static readonly string Source = new BundledAxeScriptProvider().GetScript();

    // Passes are listed by rule only; violations with their markup and the messages of the checks that failed.
    private const string Run = """
        () => axe.run(document, {
            runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"] },
            resultTypes: ["violations"],
        }).then(result => JSON.stringify({
            passes: result.passes.map(rule => rule.id),
            violations: result.violations.map(rule => ({
                id: rule.id,
                help: rule.help,
                nodes: rule.nodes.map(node => ({
                    html: node.html,
                    messages: [...node.any, ...node.all, ...node.none].map(check => check.message),
                })),
            })),
        }))
        """;

    /// <summary>
    /// Each violation with the markup and the checks that failed. Asserts that the rules which need the whole
    /// document passed, so an empty page, or a run that saw only part of one, cannot pass.
    /// </summary>
    public static async Task<List<string>> ViolationsAsync(IPage page)
    {
        await page.EvaluateAsync(Source);
        var result = JsonSerializer.Deserialize<AxeRun>(await page.EvaluateAsync<string>(Run), JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("axe returned nothing.");
        Assert.Contains("document-title", result.Passes);
        Assert.Contains("html-has-lang", result.Passes);
        return [.. result.Violations.Select(v => $"{v.Id}: {v.Help} at {string.Join(" | ", v.Nodes.Select(n => $"{n.Html} ({string.Join("; ", n.Messages)})"))}")];
    }

    /// <summary>Opens <paramref name="path"/> in the scheme given and fails with every violation axe finds there.</summary>
    public static async Task AssertNoViolationsAsync(SiteFixture site, string path, ColorScheme scheme)
    {
        var page = await site.OpenAsync(path, colorScheme: scheme);
        var violations = await ViolationsAsync(page);
        Assert.True(violations.Count == 0, $"axe found on {path} ({scheme}):\n{string.Join("\n", violations)}");
        site.Release(page);
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

    private sealed record AxeRun(List<string> Passes, List<AxeViolation> Violations);

    private sealed record AxeViolation(string Id, string Help, List<AxeNode> Nodes);

    private sealed record AxeNode(string Html, List<string> Messages);
}
