using System.Globalization;
using Stackwise.Web.Content.Parsing;
using Stackwise.Web.Rendering;
using Stackwise.Web.Tests.Support;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Stackwise.Web.Tests.Content;

/// <summary>
/// The front matter shortcut must read every text it accepts exactly as YamlDotNet's parser does, event for event with
/// every property and mark, and must accept the shapes editors write (or it would never be used). Inputs are classes:
/// every content file, every pair of a catalogue of lines (the shapes and the ways out of them), and every UTF-16 code
/// unit in each place a character can stand.
/// </summary>
public sealed class SimpleYamlParserTests
{
    private const string ArticleShape = """
        title: Synthetic Fjord Delta 00010
        category: Synthetic Category Three
        risk: moderate
        summary: A synthetic benchmark article about upland and basket, number 10.
        healthRisks:
          - Synthetic risk thistle copper
          - "Synthetic risk, quoted"
          - text: Synthetic contraindication while
            kind: contraindication
        tags:
          - jigsaw
        published: 2020-01-11
        author: [synthetic-writer-10, synthetic-writer-11]
        reviewedBy: synthetic-reviewer-0
        lastReviewed: 2020-02-10
        references:
          - id: paper-10
            title: Synthetic paper about obsidian on
            authors: [Synthetic A, Synthetic B]
            year: 2020
            doi: 10.5555/synthetic.10
            url: https://example.org/synthetic/10
        aliases:
        - /old/synthetic-path
        draft: false
        """;

    // Lines in the shapes, and lines just outside them: each must be read as YamlDotNet reads it, or declined.
    private static readonly string[] Lines =
    [
        "title: Synthetic Title", "title:  two spaces before", "title: trailing spaces  ", "summary: commas, - dashes, 'single' and \"double\" inside",
        "summary: colon: inside", "summary: ends with a colon:", "summary: https://example.org/a?b=c", "summary: 10:30",
        "quoted: \"double quoted\"", "quoted: 'single quoted'", "quoted: 'it''s'", "quoted: \"unclosed", "quoted: \"a\" then more",
        "quoted: \"a\"  ", "quoted: ''", "empty:", "empty:  ", "author: [a, b c]", "author: [a,b]", "author: [ a , b ]", "author: []",
        "author: [a, ]", "author: [a, [b]]", "author: [a: b]", "author: [a] then more", "author: [-a]", "author: [unclosed",
        "list:\n  - one\n  - two", "list:\n- one\n- two", "list:\n    - deep", "list:\n  - text: t\n    kind: k\n  - plain",
        "list:\n- text: t\n  kind: k", "list:\n  - id: x\n    authors: [A, B]\n    year: 2020",
        "list:\n  - id: x\n    authors:\n      - A\n      - B", "list:\n  - id: x\n    authors:\n    - A", "list:\n  -   spaced",
        "list:\n  -", "list:\n  - 'q'\n  - \"d\"", "list:\n  - [a]", "list:\n  - - nested", "list:\n  - one\n   - misaligned",
        "list:\n  - one\n  two", "list:\n  - text: t\n     kind: k", "list:\n  - text: t\n   kind: k", "list:\n  - a: b: c",
        "nested:\n  inner: x", "multi: line one\n  continued", "- top item", "plain text", "a:b", "Key_with-dash: v", "1key: v",
        "key : v", "", " ", "# comment", "k: v # comment", "k: &a v", "k: *a", "k: !tag v", "k: |\n  block", "---", "...",
        "k:\tv", "k: v\r", "k: -5", "k: ? x", "k: yes", "k: ~", "k: :x", "k: x:y", "  indented: v",
    ];

    [Fact]
    public void TheShapesEditorsWriteAreAccepted()
    {
        Assert.True(ReadsAsYamlDotNet(ArticleShape));
        Assert.True(ReadsAsYamlDotNet(ArticleShape + "\n"));
        Assert.True(ReadsAsYamlDotNet("name: Synthetic Reviewer 0\ncredentials: MD\nrole: Synthetic reviewer"));
    }

    [Fact]
    public void EveryContentFileIsReadAsYamlDotNetReadsIt()
    {
        var renderer = new MarkdownRenderer();
        var folders = new[] { RepositoryPaths.Content, RepositoryPaths.TestContent, RepositoryPaths.EvidenceContent };
        var files = folders.SelectMany(folder => Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories)).ToList();
        var accepted = files.Count(file => renderer.Render(File.ReadAllText(file)).FrontMatter is { } yaml && ReadsAsYamlDotNet(yaml));

        // The real content folder is written in the shapes: every file of it takes the shortcut.
        Assert.All(Directory.EnumerateFiles(RepositoryPaths.Content, "*.md", SearchOption.AllDirectories),
            file => Assert.NotNull(SimpleYamlParser.TryRead(renderer.Render(File.ReadAllText(file)).FrontMatter!)));
        Assert.True(accepted > files.Count / 2, $"{accepted} of {files.Count} content files accepted");
    }

    [Fact]
    public void EveryPairOfLinesIsReadAsYamlDotNetReadsItOrDeclined()
    {
        var (accepted, declined) = (0, 0);
        foreach (var first in Lines)
        {
            foreach (var second in Lines)
            {
                foreach (var ending in new[] { "", "\n", "\n\n" })
                {
                    _ = ReadsAsYamlDotNet($"{first}\n{second}{ending}") ? accepted++ : declined++;
                }
            }
        }
        Assert.True(accepted > 1000 && declined > 1000, $"{accepted} accepted, {declined} declined");
    }

    [Fact]
    public void LinesInsideAnArticleAreReadAsYamlDotNetReadsThemOrDeclined()
    {
        var article = ArticleShape.Split('\n');
        var accepted = 0;
        for (var at = 0; at <= article.Length; at++)
        {
            foreach (var line in Lines)
            {
                accepted += ReadsAsYamlDotNet(string.Join('\n', article[..at].Append(line).Concat(article[at..]))) ? 1 : 0;
            }
        }
        Assert.True(accepted > 400, $"{accepted} accepted");
    }

    [Fact]
    public void EveryCharacterIsReadAsYamlDotNetReadsItOrDeclined()
    {
        string[] places = ["a: x{0}y", "a: {0}", "a: {0}x", "a: x{0}", "a: [x{0}y]", "a: [{0}]", "a:\n  - x{0}", "a:\n  - {0}", "a: \"x{0}\"",
            "a: 'x{0}'", "{0}: x", "a{0}: x", "a:{0}x", "a: x\n{0}", "a:\n  - b: {0}x"];
        var accepted = 0;
        foreach (var place in places)
        {
            for (var c = 0; c <= char.MaxValue; c++)
            {
                accepted += ReadsAsYamlDotNet(string.Format(CultureInfo.InvariantCulture, place, (char)c)) ? 1 : 0;
            }
            foreach (var pair in new[] { "\U0001F600", "\U00010000", "\U0010FFFD", "\uD800", "\uDC00x", "x\uD800" })
            {
                accepted += ReadsAsYamlDotNet(string.Format(CultureInfo.InvariantCulture, place, pair)) ? 1 : 0;
            }
        }
        Assert.True(accepted > 100_000, $"{accepted} accepted");
    }

    [Fact]
    public void KeysAndValuesOfEveryLengthAreReadAsYamlDotNetReadsThemOrDeclined()
    {
        var accepted = 0;
        for (var length = 1; length <= 1100; length++)
        {
            var word = new string('k', length);
            accepted += ReadsAsYamlDotNet($"{word}: x") ? 1 : 0;
            accepted += ReadsAsYamlDotNet($"list:\n  - {word}: x\n    kind: y") ? 1 : 0;
            accepted += ReadsAsYamlDotNet($"title: {word}\nauthor: [{word}, b]\nlist:\n  - \"{word}\"\n  - {word}") ? 1 : 0;
        }
        Assert.True(accepted > 1100, $"{accepted} accepted");
    }

    [Fact]
    public void ListsAtEveryIndentAreReadAsYamlDotNetReadsThemOrDeclined()
    {
        var accepted = 0;
        for (var indent = 0; indent <= 6; indent++)
        {
            for (var gap = 1; gap <= 4; gap++)
            {
                for (var shift = -2; shift <= 2; shift++)
                {
                    var dash = new string(' ', indent) + "-" + new string(' ', gap);
                    var next = new string(' ', Math.Max(0, indent + 1 + gap + shift));
                    foreach (var yaml in new[]
                    {
                        $"list:\n{dash}text: t\n{next}kind: k\n{dash}plain\nafter: x",
                        $"list:\n{dash}one\n{next}- two",
                        $"list:\n{dash}id: x\n{next}authors:\n{next}{dash}A\n{next}{dash}B\n{dash}id: y",
                        $"title: t\nlist:\n{dash}\"q\"\n\n{dash}'s'\n",
                    })
                    {
                        accepted += ReadsAsYamlDotNet(yaml) ? 1 : 0;
                    }
                }
            }
        }
        Assert.True(accepted > 50, $"{accepted} accepted");
    }

    [Fact]
    public void ADuplicateFieldReadByTheShortcutIsRefusedAsYamlDotNetRefusesIt()
    {
        const string yaml = "title: One\nsummary: S\ntitle: Two";
        Assert.NotNull(SimpleYamlParser.TryRead(yaml));

        var ours = Assert.Throws<YamlException>(() => new YamlDotNet.RepresentationModel.YamlStream().Load(SimpleYamlParser.For(yaml)));
        var theirs = Assert.Throws<YamlException>(() => new YamlDotNet.RepresentationModel.YamlStream().Load(new StringReader(yaml)));
        Assert.Equal((theirs.Message, theirs.Start, theirs.End), (ours.Message, ours.Start, ours.End));
    }

    /// <summary>True when the shortcut accepted the text, after asserting its events are YamlDotNet's.</summary>
    private static bool ReadsAsYamlDotNet(string yaml)
    {
        var ours = SimpleYamlParser.TryRead(yaml);
        if (ours is null)
        {
            return false;
        }
        Assert.Equal(YamlDotNetEvents(yaml), ours.Select(Describe).ToList());
        return true;
    }

    private static List<string> YamlDotNetEvents(string yaml)
    {
        var events = new List<string>();
        var parser = new Parser(new StringReader(yaml));
        try
        {
            while (parser.MoveNext())
            {
                events.Add(Describe(parser.Current!));
            }
        }
        catch (Exception e) when (e is YamlException or ArgumentException)
        {
            events.Add($"YamlDotNet refused it: {e.Message}");
        }
        return events;
    }

    private static string Describe(ParsingEvent e)
    {
        var properties = e switch
        {
            Scalar s => $"'{s.Value}' {s.Style} plain={s.IsPlainImplicit} quoted={s.IsQuotedImplicit} key={s.IsKey} anchor={s.Anchor} tag={s.Tag}",
            MappingStart m => $"{m.Style} implicit={m.IsImplicit} anchor={m.Anchor} tag={m.Tag}",
            SequenceStart s => $"{s.Style} implicit={s.IsImplicit} anchor={s.Anchor} tag={s.Tag}",
            DocumentStart d => $"implicit={d.IsImplicit} version={d.Version?.Version} tags={string.Join(",", d.Tags?.Select(t => $"{t.Handle}={t.Prefix}") ?? [])}",
            DocumentEnd d => $"implicit={d.IsImplicit}",
            _ => "",
        };
        return $"{e.GetType().Name} {properties} {Mark(e.Start)}-{Mark(e.End)}";

        static string Mark(YamlDotNet.Core.Mark m) => $"{m.Index}@{m.Line}:{m.Column}";
    }
}
