using Stackwise.Web.Content.Model;
using Stackwise.Web.Content.Parsing;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Rendering;

namespace Stackwise.Web.Tests.Content;

/// <summary>
/// The YAML shapes no content file may have, each a class: nesting of every shape at every depth up to the file-size
/// limit, every form of closing line, a tag in every position, a field written twice however it is spelled. Each is an
/// error at its position and the file is kept off the site; none may crash the process or drop a field silently.
/// </summary>
public sealed class YamlShapeTests
{
    internal const string Fields = "title: Synthetic\ncategory: Test Category\nrisk: low\nsummary: A synthetic summary.\npublished: 2026-01-10\n";

    private static readonly ContentParser Parser = new(new MarkdownRenderer());

    /// <summary>Values nested <c>levels</c> deep in one shape YAML can nest, as text that goes after <c>tags:</c> or
    /// <c>gone:</c>.</summary> <param name="Deepest">The most levels of the shape that fit, with the other fields, in
    /// the largest file the site reads.</param>
    public sealed record NestingShape(Func<int, string> Write, int Deepest);

    private const int Room = ContentLoader.MaxFileBytes - 300;

    public static readonly IReadOnlyDictionary<string, NestingShape> NestingShapes = new Dictionary<string, NestingShape>
    {
        ["flow lists"] = new(levels => " " + new string('[', levels) + "a" + new string(']', levels), Room / 2),
        ["flow mappings"] = new(levels => " " + string.Concat(Enumerable.Repeat("{a: ", levels)) + "b" + new string('}', levels), Room / 5),
        ["flow lists and mappings"] = new(levels => " " + string.Concat(Enumerable.Repeat("[{a: ", levels / 2)) + "b"
            + string.Concat(Enumerable.Repeat("}]", levels / 2)), Room / 7 * 2),
        ["block lists on one line"] = new(levels => "\n  " + string.Concat(Enumerable.Repeat("- ", levels)) + "a", Room / 2),
        // The shapes by indentation grow with the square of their depth.
        ["block mappings by indentation"] = new(levels => string.Concat(Enumerable.Range(1, levels).Select(level => "\n" + new string(' ', level) + "a:")) + " b",
            (int)Math.Sqrt(2.0 * Room) - 3),
        ["block lists by indentation"] = new(levels => "\n" + string.Concat(Enumerable.Range(0, levels).Select(level => new string(' ', level * 2) + "-\n"))
            + new string(' ', levels * 2) + "a", (int)Math.Sqrt(Room) - 1),
    };

    /// <summary>Every shape at depths from one past the limit to as deep as the largest file the site reads can hold.</summary>
    public static TheoryData<string, int> TooDeep()
    {
        var data = new TheoryData<string, int>();
        foreach (var (name, shape) in NestingShapes)
        {
            var depths = new[] { YamlShapeGuard.MaxDepth, YamlShapeGuard.MaxDepth + 1, 100, 1_000, 60_000, 200_000 }.Where(levels => levels < shape.Deepest);
            foreach (var levels in depths.Append(shape.Deepest).Where(levels => !name.StartsWith("flow lists and", StringComparison.Ordinal) || levels % 2 == 0))
            {
                data.Add(name, levels);
            }
        }
        return data;
    }

    [Fact]
    public void TheDeepestOfEachShapeFitsInTheLargestFileAndNoMore()
    {
        foreach (var (name, shape) in NestingShapes)
        {
            Assert.InRange(Fields.Length + shape.Write(shape.Deepest).Length, ContentLoader.MaxFileBytes * 9 / 10, ContentLoader.MaxFileBytes - 20);
        }
    }

    [Theory]
    [MemberData(nameof(TooDeep))]
    public void FrontMatterNestedPastTheLimitIsRefusedAtTheLevelThatGoesPast(string shape, int levels)
    {
        var result = Parse($"---\n{Fields}tags:{NestingShapes[shape].Write(levels)}\n---\nBody.\n");

        Assert.Null(result.Document);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemCodes.NestedTooDeep, problem.Code);
        Assert.InRange(problem.Position.Line, 7, 7 + YamlShapeGuard.MaxDepth);
    }

    [Theory]
    [MemberData(nameof(TooDeep))]
    public void RedirectsNestedPastTheLimitAreRefusedAndNothingIsListedAsGone(string shape, int levels)
    {
        var problems = new List<ContentProblem>();

        var gone = RedirectsFile.Read($"gone:{NestingShapes[shape].Write(levels)}\n", problems);

        Assert.Empty(gone);
        Assert.Equal(ProblemCodes.NestedTooDeep, Assert.Single(problems).Code);
    }

    [Theory]
    [InlineData("flow lists")]
    [InlineData("flow mappings")]
    [InlineData("block lists on one line")]
    [InlineData("block mappings by indentation")]
    public void NestingUpToTheLimitIsAnOrdinaryShapeProblem(string shape)
    {
        // The front matter is one level and `tags:` holds the rest: the deepest value the guard lets through.
        var result = Parse($"---\n{Fields}tags:{NestingShapes[shape].Write(YamlShapeGuard.MaxDepth - 1)}\n---\nBody.\n");

        Assert.Equal(ProblemCodes.WrongType, Assert.Single(result.Problems).Code);
    }

    public static TheoryData<string> ClosingLines => ["--- # end", "... # end", "...", "--- ", "---\t", "---  \t", "...\t", "... ", "---#", "----", "--- ---", "---x", "....", "--- !tag"];

    [Theory]
    [MemberData(nameof(ClosingLines))]
    public void AnyClosingLineButExactDashesIsAnErrorAndNeverDropsTheFieldsAfterIt(string closing)
    {
        var result = Parse($"---\n{Fields}{closing}\ndraft: true\n---\nBody.\n");

        Assert.Null(result.Document);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((ProblemCodes.DocumentMarker, 7, 1), (problem.Code, problem.Position.Line, problem.Position.Column));
    }

    [Theory]
    [MemberData(nameof(ClosingLines))]
    public void AClosingLineAtTheEndWithNothingAfterItIsAnErrorToo(string closing)
    {
        var result = Parse($"---\n{Fields}{closing}\nBody.\n");

        Assert.Null(result.Document);
        Assert.Equal(ProblemCodes.DocumentMarker, Assert.Single(result.Problems).Code);
    }

    [Theory]
    [InlineData("--- ")]
    [InlineData("---\t")]
    [InlineData("--- # start")]
    [InlineData("----")]
    public void AnOpeningLineButExactDashesIsAnError(string opening)
    {
        var problem = Assert.Single(Parse($"{opening}\n{Fields}---\nBody.\n").Problems);

        Assert.Equal((ProblemCodes.DocumentMarker, 1), (problem.Code, problem.Position.Line));
    }

    [Fact]
    public void FrontMatterWithNoClosingLineSaysSo()
    {
        var problem = Assert.Single(Parse($"---\n{Fields}Body.\n").Problems);

        Assert.Equal(ProblemCodes.DocumentMarker, problem.Code);
        Assert.Contains("no closing line", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WindowsLineEndsAroundExactDashesAreOrdinaryFences()
    {
        var result = Parse($"---\n{Fields}---\nBody.\n".Replace("\n", "\r\n", StringComparison.Ordinal));

        Assert.IsType<Article>(result.Document);
    }

    [Theory]
    [InlineData("gone:\n  - /a\n---\n  - /b\n", "starts a second document")]
    [InlineData("gone:\n  - /a\n...\ngone:\n  - /b\n", "ends the YAML early")]
    [InlineData("--- # redirects\ngone:\n  - /a\n", "starts with a `---` line or a `%` directive")]
    [InlineData("%YAML 1.2\n---\ngone:\n  - /a\n", "starts with a `---` line or a `%` directive")]
    public void RedirectsWithADocumentMarkerAreRefusedSayingWhichMarker(string yaml, string says)
    {
        var problems = new List<ContentProblem>();

        Assert.Empty(RedirectsFile.Read(yaml, problems));
        var problem = Assert.Single(problems);
        Assert.Equal(ProblemCodes.DocumentMarker, problem.Code);
        Assert.Contains(says, problem.Message, StringComparison.Ordinal);
    }

    /// <summary>`gone:` written twice would drop the first list of paths: refused, however the second is quoted.</summary>
    [Theory]
    [InlineData("gone:\n  - /a\ngone:\n  - /b\n")]
    [InlineData("gone:\n  - /a\n'gone':\n  - /b\n")]
    public void RedirectsWithGoneWrittenTwiceAreRefusedAtTheSecond(string yaml)
    {
        var problems = new List<ContentProblem>();

        Assert.Empty(RedirectsFile.Read(yaml, problems));
        var problem = Assert.Single(problems);
        Assert.Equal((ProblemCodes.DuplicateField, 3, 1), (problem.Code, problem.Position.Line, problem.Position.Column));
    }

    public static TheoryData<string, int, int> Tags => new()
    {
        { "!x draft: false\n", 7, 1 },
        { "draft: !!bool false\n", 7, 8 },
        { "draft: !x false\n", 7, 8 },
        { "tags: !!seq [a]\n", 7, 7 },
        { "tags: [!!str a]\n", 7, 8 },
        { "tags:\n  - !!str a\n", 8, 5 },
        { "!!str tags: [a]\n", 7, 1 },
        { "draft: !<tag:yaml.org,2002:bool> false\n", 7, 8 },
        { "image: !!binary aGVsbG8=\n", 7, 8 },
        { "references:\n  - id: a\n    title: T\n    !!str url: https://example.org/\n", 10, 5 },
        { "references:\n  - !!map\n    id: a\n", 8, 5 },
        { "healthRisks:\n  - text: !x T\n    kind: interaction\n", 8, 11 },
    };

    [Theory]
    [MemberData(nameof(Tags))]
    public void ATagAnywhereIsAnErrorAtItsPosition(string yaml, int line, int column)
    {
        var result = Parse($"---\n{Fields}{yaml}---\nBody.\n");

        Assert.Null(result.Document);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((ProblemCodes.YamlTag, line, column), (problem.Code, problem.Position.Line, problem.Position.Column));
    }

    [Theory]
    [InlineData("draft: true\n\"draft\": false\n")]
    [InlineData("draft: true\n'draft': false\n")]
    [InlineData("\"draft\": true\ndraft: false\n")]
    [InlineData("draft: true\n? draft\n: false\n")]
    public void AFieldWrittenTwiceIsAnErrorHoweverItIsQuoted(string yaml)
    {
        var result = Parse($"---\n{Fields}{yaml}---\nBody.\n");

        Assert.Null(result.Document);
        Assert.Equal(ProblemCodes.DuplicateField, Assert.Single(result.Problems).Code);
    }

    [Theory]
    [InlineData("url")]
    [InlineData("\"url\"")]
    [InlineData("'url'")]
    public void AFieldWrittenTwiceInASourceIsAnErrorHoweverItIsQuoted(string secondKey)
    {
        var result = Parse($"---\n{Fields}references:\n  - id: a\n    title: T\n    url: https://example.org/a\n    {secondKey}: https://example.org/b\n---\nBody [@a].\n");

        Assert.Null(result.Document);
        Assert.Contains(result.Problems, problem => problem.Code == ProblemCodes.DuplicateField && problem.Position.Line == 11);
    }

    internal static ParseResult Parse(string text) =>
        Parser.Parse(new ContentPath("therapies/synthetic.md", "therapies", "synthetic"), text, new DateOnly(2026, 6, 1));
}
