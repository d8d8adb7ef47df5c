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
    private const string Fields = "title: Synthetic\ncategory: Test Category\nrisk: low\nsummary: A synthetic summary.\npublished: 2026-01-10\n";

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

    private static ParseResult Parse(string text) =>
        Parser.Parse(new ContentPath("therapies/synthetic.md", "therapies", "synthetic"), text, new DateOnly(2026, 6, 1));

    public static TheoryData<string> OtherTypes => ["~", "null", "Null", "NULL", "0x10", "0o17", "017", "0b101", "1:30", "-1:30:00", "+0x1F", ".inf", "-.Inf", ".NAN", ".nan"];

    [Theory]
    [MemberData(nameof(OtherTypes))]
    public void AnUnquotedValueYamlReadsAsAnotherTypeIsAnErrorSayingSoInEveryKindOfField(string value)
    {
        string[] places = [$"title: {value}", $"tags: [a, {value}]", $"tags:\n  - {value}", $"draft: {value}",
            $"references:\n  - id: a\n    title: {value}\n    url: https://example.org/", $"healthRisks:\n  - text: {value}\n    kind: interaction"];
        foreach (var place in places)
        {
            var fields = Fields.Replace("title: Synthetic\n", place.StartsWith("title", StringComparison.Ordinal) ? "" : "title: Synthetic\n", StringComparison.Ordinal);
            var result = Parse($"---\n{fields}{place}\n---\nBody{(place.StartsWith("references", StringComparison.Ordinal) ? " [@a]" : "")}.\n");

            Assert.Null(result.Document);
            var problem = Assert.Single(result.Problems, problem => problem.Code == ProblemCodes.TypedValue);
            Assert.Contains($"is `{value}`, which YAML reads as {(value.Contains('l', StringComparison.OrdinalIgnoreCase) || value == "~" ? "no value (null)" : "a number")}", problem.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(result.Problems, other => other.Code is ProblemCodes.MissingField or ProblemCodes.UnknownCitation);
        }
    }

    [Theory]
    [MemberData(nameof(OtherTypes))]
    public void TheSameValueInQuotesIsText(string value)
    {
        var result = Parse($"---\n{Fields.Replace("title: Synthetic", $"title: \"{value}\"", StringComparison.Ordinal)}tags: ['{value}']\n---\nBody.\n");

        var article = Assert.IsType<Article>(result.Document);
        Assert.Equal((value, value), (article.Title, Assert.Single(article.Tags)));
    }

    [Theory]
    [InlineData("2026-02-30", "field `published` is 2026-02-30, a date that does not exist: February 2026 has 28 days")]
    [InlineData("2024-02-30", "field `published` is 2024-02-30, a date that does not exist: February 2024 has 29 days")]
    [InlineData("2026-04-31", "field `published` is 2026-04-31, a date that does not exist: April 2026 has 30 days")]
    [InlineData("2026-01-00", "field `published` is 2026-01-00, a date that does not exist: January 2026 has 31 days")]
    [InlineData("2026-13-01", "field `published` is 2026-13-01, a date that does not exist: there is no month 13")]
    [InlineData("2026-00-10", "field `published` is 2026-00-10, a date that does not exist: there is no month 0")]
    [InlineData("0000-01-01", "field `published` is 0000-01-01, a date that does not exist: there is no year 0")]
    [InlineData("2026-01-10T10:00:00Z", "field `published` takes a date without a time, written as YYYY-MM-DD, like `2026-01-10` (got `2026-01-10T10:00:00Z`)")]
    [InlineData("2026-01-10 10:00", "field `published` takes a date without a time, written as YYYY-MM-DD, like `2026-01-10` (got `2026-01-10 10:00`)")]
    [InlineData("2026-01-10t9:30:00.5+02:00", "field `published` takes a date without a time, written as YYYY-MM-DD, like `2026-01-10` (got `2026-01-10t9:30:00.5+02:00`)")]
    [InlineData("2026-1-5", "field `published` must be a date written as YYYY-MM-DD (got `2026-1-5`)")]
    [InlineData("10/01/2026", "field `published` must be a date written as YYYY-MM-DD (got `10/01/2026`)")]
    [InlineData("January 10, 2026", "field `published` must be a date written as YYYY-MM-DD (got `January 10, 2026`)")]
    public void ADateThatIsNotADaySaysWhatIsWrongWithIt(string written, string message)
    {
        var problem = Assert.Single(Parse($"---\n{Fields.Replace("2026-01-10", written, StringComparison.Ordinal)}---\nBody.\n").Problems);

        Assert.Equal((ProblemCodes.InvalidValue, 6, 12, message), (problem.Code, problem.Position.Line, problem.Position.Column, problem.Message));
    }

    [Theory]
    [InlineData("lastReviewed: 2026-02-30\nreviewedBy: someone\n")]
    [InlineData("lastReviewed: yesterday\nreviewedBy: someone\n")]
    [InlineData("lastReviewed: ~\nreviewedBy: someone\n")]
    [InlineData("lastReviewed: [2026-01-01]\nreviewedBy: someone\n")]
    public void AnInvalidReviewDateIsOneErrorWithNoFollowOn(string yaml)
    {
        var result = Parse($"---\n{Fields}{yaml}---\nBody.\n");

        Assert.DoesNotContain(result.Problems, problem => problem.Code == ProblemCodes.ReviewerWithoutDate);
        Assert.Single(result.Problems, problem => problem.Severity == ProblemSeverity.Error);
    }

    [Theory]
    [InlineData("title: Test: colon\n")]
    [InlineData("summary: Why it matters: a synthetic summary\n")]
    public void AValueWithAColonAndSpaceSaysToQuoteIt(string yaml)
    {
        var problem = Assert.Single(Parse($"---\n{yaml}{Fields.Replace("title: Synthetic\n", "", StringComparison.Ordinal).Replace("summary: A synthetic summary.\n", "", StringComparison.Ordinal)}---\nBody.\n").Problems);

        Assert.Equal(ProblemCodes.YamlSyntax, problem.Code);
        Assert.EndsWith("a value that contains `: ` must be written in quotes, like `title: \"Sleep: A Guide\"`", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownCitationIdGetsTheNearestKnownOne()
    {
        var result = Parse($"---\n{Fields}references:\n  - id: smith-2020\n    title: T\n    url: https://example.org/\n---\nBody [@smith-2002] [@smith-2020] [@zzz].\n");

        Assert.Contains(result.Problems, problem => problem.Message.StartsWith("citation `[@smith-2002]` names no reference of this file; did you mean `[@smith-2020]`?", StringComparison.Ordinal));
        Assert.Contains(result.Problems, problem => problem.Message.StartsWith("citation `[@zzz]` names no reference of this file; the references are", StringComparison.Ordinal));
    }

    public static TheoryData<string, string> References => new()
    {
        { "doi: \"10.1000/abc#frag?x=1\"", "https://doi.org/10.1000/abc%23frag%3Fx=1" },
        { "doi: 10.1000/a b", "" },
        { "doi: 10.1000/../../evil", "" },
        { "doi: 10.1000/x/%2e%2E/evil", "" },
        { "doi: 10.1016/S0140-6736(20)30183-5", "https://doi.org/10.1016/S0140-6736(20)30183-5" },
        { "doi: 10.1000/ü", "https://doi.org/10.1000/%C3%BC" },
        { "url: \"https://example.org/\\u202Egpj.exe\"", "" },
        { "url: \"https://exam\\u200Bple.org/\"", "" },
        { "url: https://www.nhs.uk@evil.example/", "" },
        { "url: https://user:pass@example.org/", "" },
        { "url: https://аpple.com/", "" },
        { "url: https://xn--pple-43d.com/", "" },
        { "url: https://пример.рф/", "https://пример.рф/" },
        { "url: https://www.nhs.uk/conditions/", "https://www.nhs.uk/conditions/" },
    };

    [Theory]
    [MemberData(nameof(References))]
    public void ReferenceLinksAreEncodedAndDeceptiveOnesRefused(string field, string link)
    {
        var result = Parse($"---\n{Fields}references:\n  - id: a\n    title: T\n    {field}\n---\nBody [@a].\n");

        if (link.Length == 0)
        {
            Assert.Null(result.Document);
            Assert.Equal(ProblemCodes.MalformedReferenceLink, Assert.Single(result.Problems).Code);
            return;
        }
        var article = Assert.IsType<Article>(result.Document);
        Assert.Equal(link, Assert.Single(Assert.Single(article.References).Links));
    }

    [Fact]
    public void AMalformedCitationIsAWarningAtItsPlaceAndTheArticleIsServed()
    {
        var result = Parse($"---\n{Fields}---\nBody [@a, @b] and [@c;].\n");

        Assert.IsType<Article>(result.Document);
        Assert.Equal([(ProblemSeverity.Warning, ProblemCodes.MalformedCitation, 8, 6), (ProblemSeverity.Warning, ProblemCodes.MalformedCitation, 8, 19)],
            result.Problems.Select(problem => (problem.Severity, problem.Code, problem.Position.Line, problem.Position.Column)));
    }
}
