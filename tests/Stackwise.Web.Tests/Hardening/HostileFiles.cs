using System.Diagnostics;
using System.Text;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Hardening;

/// <summary>
/// Every hostile content file the tests try, each with the problem code it is rejected with or none when it must be
/// served inert, and the folder that holds them all beside good pages (also opened in Chromium by the browser tests).
/// </summary>
public static class HostileFiles
{
    /// <summary>A hostile file, and the problem code it is rejected with, or null when it is served inert.</summary>
    public sealed record HostileFile(string Path, byte[] Bytes, string? RejectedWith);

    public static readonly IReadOnlyDictionary<string, HostileFile> Files = new[]
    {
        // Raw HTML of every kind is disabled: it must come out as text.
        Article("script-and-style", "<script>alert(1)</script>\n\n<style>body { display: none }</style>\n\nText <script>alert(2)</script> inline.\n"),
        Article("event-handlers", "<img src=x onerror=alert(1)>\n\n<a href=\"#\" onclick=\"alert(1)\">click</a>\n\n<div onmouseover=\"alert(1)\">hover</div>\n"),
        Article("iframes-and-objects", "<iframe src=\"https://attacker.example\"></iframe>\n\n<object data=\"x.swf\"></object>\n\n<embed src=\"x.swf\">\n"),
        Article("svg-with-script", "<svg onload=\"alert(1)\"><script>alert(2)</script></svg>\n\n<math><mtext><script>alert(3)</script></mtext></math>\n"),
        Article("attribute-breakout", "[link](/terms \"title\\\" onmouseover=\\\"alert(1)\") and ![alt\" onerror=\"alert(1)](/images/x.png)\n"),
        Article("html-comment-and-cdata", "<!-- <script>alert(1)</script> -->\n\n<![CDATA[<script>alert(2)</script>]]>\n"),

        // Links that would run script: rejected in every spelling.
        Article("javascript-link", "[a](javascript:alert(1))\n", ProblemCodes.UnsafeLink),
        Article("javascript-mixed-case", "[a](JaVaScRiPt:alert(1))\n", ProblemCodes.UnsafeLink),
        Article("javascript-hex-entity", "[a](jav&#x61;script:alert(1))\n", ProblemCodes.UnsafeLink),
        Article("javascript-decimal-entity", "[a](&#106;avascript:alert(1))\n", ProblemCodes.UnsafeLink),
        Article("javascript-tab-inside", "[a](<java\tscript:alert(1)>)\n", ProblemCodes.UnsafeLink),
        Article("javascript-newline-entity", "[a](java&#10;script:alert(1))\n", ProblemCodes.UnsafeLink),
        Article("javascript-autolink", "<javascript:alert(1)>\n", ProblemCodes.UnsafeLink),
        Article("javascript-reference", "[a][x]\n\n[x]: javascript:alert(1)\n", ProblemCodes.UnsafeLink),
        Article("javascript-image", "![a](javascript:alert(1))\n", ProblemCodes.UnsafeLink),
        Article("vbscript-link", "[a](vbscript:msgbox(1))\n", ProblemCodes.UnsafeLink),
        Article("data-link", "[a](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)\n", ProblemCodes.UnsafeLink),
        Article("data-svg-image", "![a](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)\n", ProblemCodes.UnsafeLink),
        // A browser would read this as a relative path, but a colon before any slash is refused all the same.
        Article("javascript-percent-encoded", "[a](%6Aavascript:alert(1))\n", ProblemCodes.UnsafeLink),

        // Size and shape.
        Article("ten-megabytes", new string('x', 10 * 1024 * 1024), ProblemCodes.TooLarge),
        Article("ten-thousand-nested-quotes", new string('>', 10_000) + " deep\n", ProblemCodes.TooComplex),
        Article("ten-thousand-nested-lists", string.Concat(Enumerable.Repeat("- ", 10_000)) + "deep\n", ProblemCodes.TooComplex),
        Article("ten-thousand-nested-emphasis", new string('*', 10_000) + "deep" + new string('*', 10_000) + "\n", ProblemCodes.TooComplex),
        Article("forty-thousand-open-links", string.Concat(Enumerable.Repeat("[a](b", 40_000)) + "\n", ProblemCodes.TooComplex),
        // Markdig builds objects for every cell: ten such files took 39 s and 3.4 GB to load.
        Article("one-row-of-170-thousand-columns", "|" + string.Concat(Enumerable.Repeat("a|", 170_000)) + "\n|" + string.Concat(Enumerable.Repeat("-|", 170_000)) + "\n", ProblemCodes.TooComplex),
        Article("one-megabyte-line", string.Concat(Enumerable.Repeat("word ", 200_000)) + "\n"),
        Article("twenty-thousand-identical-headings", string.Concat(Enumerable.Repeat("## Same\n\nText.\n\n", 20_000))),

        // Encodings and line endings.
        new HostileFile("therapies/invalid-utf8.md", [.. Encoding.UTF8.GetBytes(Front("invalid-utf8")), 0xC3, 0x28, 0xFF, (byte)'\n'], ProblemCodes.InvalidUtf8),
        new HostileFile("therapies/byte-order-mark.md", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Front("byte-order-mark") + "Text.\n")], null),
        new HostileFile("therapies/crlf-lines.md", Encoding.UTF8.GetBytes((Front("crlf-lines") + "## Section\n\nText.\n").Replace("\n", "\r\n", StringComparison.Ordinal)), null),
        new HostileFile("therapies/empty.md", [], ProblemCodes.Unreadable),

        // Front matter.
        Raw("tabs-in-yaml", "---\ntitle: Tabs\ncategory: Hostile Fixture\nrisk: low\nsummary: Synthetic.\npublished: 2026-01-01\ntags:\n\t- one\n---\nText.\n", ProblemCodes.YamlSyntax),
        Raw("billion-laughs", "---\ntitle: &a lol\ncategory: Hostile Fixture\nrisk: low\nsummary: Synthetic.\npublished: 2026-01-01\ntags: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\naliases: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n---\nText.\n", ProblemCodes.AnchorOrAlias),
        Raw("duplicate-keys", "---\ntitle: One\ntitle: Two\ncategory: Hostile Fixture\nrisk: low\nsummary: Synthetic.\npublished: 2026-01-01\n---\nText.\n", ProblemCodes.DuplicateField),
        Raw("front-matter-list", "---\n- title\n- risk\n---\nText.\n", ProblemCodes.NotAMapping),
        Raw("front-matter-scalar", "---\njust some words\n---\nText.\n", ProblemCodes.NotAMapping),
        // Nesting past what YamlDotNet's loader can recurse through aborted the whole process, on every start after.
        Article("sixty-thousand-nested-flow-lists", "", ProblemCodes.NestedTooDeep, "tags: " + new string('[', 60_000) + "a" + new string(']', 60_000) + "\n"),
        Article("sixty-thousand-nested-flow-maps", "", ProblemCodes.NestedTooDeep, "tags: " + string.Concat(Enumerable.Repeat("{a: ", 60_000)) + "b" + new string('}', 60_000) + "\n"),
        Article("sixty-thousand-nested-block-lists", "", ProblemCodes.NestedTooDeep, "tags:\n  " + string.Concat(Enumerable.Repeat("- ", 60_000)) + "a\n"),
        // A closing line YAML or Markdig reads as something else dropped the fields after it: a draft was published.
        Article("comment-on-closing-line", "", ProblemCodes.DocumentMarker, "--- # end\ndraft: true\n"),
        Article("dots-closing-line", "", ProblemCodes.DocumentMarker, "...\ndraft: true\n"),
        Article("tagged-duplicate-key", "", ProblemCodes.YamlTag, "draft: true\n!x draft: false\n"),

        // Names that are not slugs.
        new HostileFile("therapies/With Spaces.md", Encoding.UTF8.GetBytes(Front("spaces") + "Text.\n"), ProblemCodes.BadSlug),
        new HostileFile("therapies/UpperCase.md", Encoding.UTF8.GetBytes(Front("uppercase") + "Text.\n"), ProblemCodes.BadSlug),
        new HostileFile("therapies/café-au-lait.md", Encoding.UTF8.GetBytes(Front("non-ascii") + "Text.\n"), ProblemCodes.BadSlug),
    }.ToDictionary(file => file.Path);

    public static IEnumerable<string> InertPaths => Files.Values.Where(file => file.RejectedWith is null).Select(file => file.Path);

    public static string Front(string name, string moreFields = "") =>
        $"---\ntitle: Hostile {name}\ncategory: Hostile Fixture\nrisk: low\nsummary: Synthetic hostile input for a test.\npublished: 2026-01-01\n{moreFields}---\n";

    public static HostileFile Article(string name, string body, string? rejectedWith = null, string moreFields = "") =>
        new($"therapies/{name}.md", Encoding.UTF8.GetBytes(Front(name, moreFields) + body), rejectedWith);

    public static HostileFile Raw(string name, string text, string rejectedWith) =>
        new($"therapies/{name}.md", Encoding.UTF8.GetBytes(text), rejectedWith);

    /// <summary>A content folder with every hostile file, a hostile SVG image, a named pipe, a good article and a site page.</summary>
    public static TempContentFolder WriteFolder()
    {
        var folder = new TempContentFolder()
            .Write("therapies/good-neighbour.md", Front("good neighbour").Replace("Hostile good neighbour", "Good neighbour", StringComparison.Ordinal) + "A good page next to hostile ones.\n")
            .Write("images/hostile.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><script>alert(2)</script></svg>")
            .Write("pages/terms.md", "---\ntitle: Terms\nsummary: Synthetic terms.\n---\nSynthetic terms.\n");
        foreach (var file in Files.Values)
        {
            folder.WriteBytes(file.Path, file.Bytes);
        }
        using (var mkfifo = Process.Start("mkfifo", System.IO.Path.Combine(folder.Root, "therapies", "named-pipe.md")))
        {
            mkfifo.WaitForExit();
        }
        return folder;
    }
}
