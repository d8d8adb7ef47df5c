using System.Diagnostics;
using System.Globalization;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Content.Parsing;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Rendering;

namespace Stackwise.Benchmarks;

/// <summary>
/// Times the content parser on the worst shapes a file can take within the limits (1 MiB, 32 levels, 5,000 links)
/// and just past them, citations included, so docs/reliability.md can say how long the slowest legal file holds up a reload.
/// </summary>
public static class HostileParse
{
    private const int Size = ContentLoader.MaxFileBytes - 512;

    public static void Run()
    {
        var parser = new ContentParser(new MarkdownRenderer());
        if (!ContentPath.TryParse("therapies/hostile.md", out var path, out _))
        {
            throw new InvalidOperationException("the benchmark's path is not a content path");
        }
        var front = "---\ntitle: Synthetic hostile shape\ncategory: Benchmark\nrisk: low\nsummary: Synthetic.\npublished: 2026-01-01\n---\n";
        (string Name, string Body)[] shapes =
        [
            ("plain paragraphs, 1 MiB", Fill("Synthetic words in a paragraph of plain text.\n\n")),
            ("one line of 1 MiB", Fill("word ")),
            ("identical headings, 1 MiB", Fill("## Same\n\n")),
            ("unclosed links at the limit (5,000) in one paragraph", Repeat("[a](b", MarkdownLimits.MaxLinks) + Fill("x ")),
            ("unclosed links past the limit (200,000)", Repeat("[a](b", 200_000)),
            ("quotes 32 deep, repeated to 1 MiB", Fill(new string('>', 32) + " deep\n")),
            ("lists 32 deep, repeated to 1 MiB", Fill(Repeat("- ", 32) + "deep\n\n")),
            ("emphasis 32 deep, repeated to 1 MiB", Fill(new string('*', 32) + "x" + new string('*', 32) + " ")),
            ("nesting past the limit (10,000 quotes)", new string('>', 10_000) + " deep\n"),
            ("a pipe table of 1 MiB", "|a|b|c|d|\n|-|-|-|-|\n" + Fill("|1|2|3|4|\n")),
            ("backticks of every length", Fill(string.Concat(Enumerable.Range(1, 60).Select(n => new string('`', n) + "a ")))),
            ("raw HTML, 1 MiB", Fill("<div onclick=\"alert(1)\"><script>alert(2)</script></div>\n")),
            ("citations of one unknown id, 1 MiB", Fill("[@synthetic] ")),
            ("citations of distinct unknown ids, 1 MiB", string.Concat(Enumerable.Range(0, Size / 16).Select(i => $"[@id-{i:000000}] "))),
            ("citations of 20 ids each, 1 MiB", Fill("[" + string.Join("; ", Enumerable.Range(0, 20).Select(i => $"@a{i}")) + "] ")),
            ("unclosed citations, 1 MiB", Fill("[@a; @b ")),
        ];

        Console.WriteLine("| shape | bytes | result | parse time (best of 3) |");
        Console.WriteLine("| --- | --- | --- | --- |");
        foreach (var (name, body) in shapes)
        {
            var text = front + body;
            ParseResult? result = null;
            var best = double.MaxValue;
            for (var round = 0; round < 3; round++)
            {
                var watch = Stopwatch.StartNew();
                result = parser.Parse(path, text, DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime));
                best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
            }
            var outcome = result?.Document is not null ? "served"
                : string.Join(", ", result?.Problems.Where(p => p.Severity == ProblemSeverity.Error).Select(p => p.Code).Distinct() ?? []);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {text.Length:N0} | {outcome} | {best:N0} ms |"));
        }
    }

    private static string Fill(string unit) => Repeat(unit, Math.Max(1, Size / unit.Length));

    private static string Repeat(string unit, int count) => string.Concat(Enumerable.Repeat(unit, count));
}
