using Stackwise.Web.Content.Model;
using Stackwise.Web.Content.Parsing;
using Stackwise.Web.Rendering;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Content;

/// <summary>Each front matter and body error code: a bad file in, the exact code, place and message out.</summary>
public sealed class ProblemCodeTests
{
    private static readonly ContentParser Parser = new(new MarkdownRenderer());

    public static TheoryData<string, string, int, int, string> BadFiles => new()
    {
        { "title: Synthetic\n", ProblemCodes.MissingFrontMatter, 1, 1, "the file must start with front matter: a `---` line, `field: value` lines, and a closing `---` line" },
        { "---\ntitle: [Synthetic\n---\n", ProblemCodes.YamlSyntax, 3, 1, "the front matter is not valid YAML: While parsing a flow sequence, did not find expected ',' or ']'." },
        { "---\n- Synthetic\n---\n", ProblemCodes.NotAMapping, 2, 1, "the front matter must be `field: value` lines, like `title: Ketamine-Assisted Therapy`" },
        { "---\ntitle: A\ntitle: B\n---\n", ProblemCodes.DuplicateField, 3, 1, "field `title` is written twice; keep one" },
        { "---\ntitel: A\n---\n", ProblemCodes.UnknownField, 2, 1, "unknown field `titel`: did you mean `title`?" },
        { "---\ntitle: A\ncategory: B\nrisk: low\nsummary: C\n---\n", ProblemCodes.MissingField, 2, 1, "required field `published` is missing" },
        { "---\ntitle:\n  - A\n---\n", ProblemCodes.WrongType, 3, 3, "field `title` must be a single value on the same line, not a list or a block of fields" },
        { "---\nrisk: severe\n---\n", ProblemCodes.InvalidValue, 2, 7, "field `risk` must be one of low, moderate, high (got `severe`)" },
        { "---\npublished: 2026-02-30\n---\n", ProblemCodes.InvalidValue, 2, 12, "field `published` is 2026-02-30, a date that does not exist: February 2026 has 28 days" },
        { "---\ndraft: yes\n---\n", ProblemCodes.InvalidValue, 2, 8, "field `draft` must be `true` or `false` (got `yes`)" },
        { "---\nhealthRisks:\n  - \"\"\n---\n", ProblemCodes.MissingField, 3, 5, "field `healthRisks` has an empty item" },
        { "---\ntitle: &t A\n---\n", ProblemCodes.AnchorOrAlias, 2, 8, "field `title` uses a YAML anchor or alias (`&` or `*`); write the value out in full" },
        { "---\ntitle: A\n---\n[x](javascript:alert(1))\n", ProblemCodes.UnsafeLink, 4, 1, "link uses the `javascript:` scheme; only http, https, mailto and tel links and site paths are allowed" },
        { "---\nrisk: high\n---\n", ProblemCodes.MissingHealthRisks, 2, 7, "an article of risk `high` must list its `healthRisks`" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void BadFileIsReportedWithCodeLineColumnAndMessage(string text, string code, int line, int column, string message)
    {
        var result = Parser.Parse(new ContentPath("therapies/bad.md", "therapies", "bad"), text, SyntheticContent.ParsedOn);

        Assert.Null(result.Document);
        Assert.Contains($"therapies/bad.md:{line}:{column}: error {code}: {message}", result.Problems.Select(problem => problem.ToString()));
    }

    [Fact]
    public void SiteOnlyFieldOnAPageIsReportedWithItsPlace()
    {
        var result = Parser.Parse(new ContentPath("pages/about.md", null, "about"), "---\ntitle: A\nsummary: B\ncategory: C\n---\n", SyntheticContent.ParsedOn);

        Assert.Equal("pages/about.md:4:1: error SW029: field `category` is only for articles",
            Assert.Single(result.Problems).ToString());
    }

    [Fact]
    public void OverlongFieldIsReportedWithItsPlace()
    {
        var result = Parser.Parse(new ContentPath("pages/about.md", null, "about"), $"---\ntitle: {new string('t', 121)}\nsummary: B\n---\n", SyntheticContent.ParsedOn);

        Assert.Equal("pages/about.md:2:8: error SW028: field `title` is 121 characters long; the limit is 120", Assert.Single(result.Problems).ToString());
    }
}
