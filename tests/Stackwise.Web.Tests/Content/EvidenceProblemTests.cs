using Stackwise.Web.Content.Checks;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Content.Parsing;
using Stackwise.Web.Rendering;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Content;

/// <summary>Each problem with references, citations, people and typed health risks: a bad file in, the code, place and
/// message out.</summary>
public sealed class EvidenceProblemTests
{
    private const string Article = """
        title: Synthetic Therapy
        category: Test Category
        risk: low
        summary: A synthetic summary.
        published: 2026-01-10
        """;

    // The article's fields take lines 2 to 6, so `references:` is on line 7, a reference's id on 8 and its next field on 9.
    private const string Reference = "references:\n  - id: synthetic-ref\n";

    private static readonly ContentParser Parser = new(new MarkdownRenderer());

    private static ParseResult Parse(string frontMatter, string body = "Synthetic body [@synthetic-ref].", string file = "therapies/bad.md")
    {
        Assert.True(ContentPath.TryParse(file, out var path, out _));
        return Parser.Parse(path, $"---\n{Article}\n{frontMatter}---\n{body}\n", new DateOnly(2026, 11, 27));
    }

    public static TheoryData<string, string, string, int, int, string> BadReferences => new()
    {
        { Reference + "    title: T\n    url: https://example.org/a\n", "Body [@synthetic-rf].", ProblemCodes.UnknownCitation, 12, 6,
            "citation `[@synthetic-rf]` names no reference of this file; did you mean `[@synthetic-ref]`? the references are `synthetic-ref`" },
        { "", "Body [@nothing].", ProblemCodes.UnknownCitation, 8, 6, "citation `[@nothing]` names no reference of this file; the file has no `references`" },
        { Reference + "    title: T\n    url: https://example.org/a\n  - id: synthetic-ref\n    title: U\n    url: https://example.org/b\n", "Body [@synthetic-ref].",
            ProblemCodes.DuplicateReferenceId, 11, 9, "reference id `synthetic-ref` is used twice in this file; give each source its own id" },
        { Reference + "    url: https://example.org/a\n", "Body [@synthetic-ref].", ProblemCodes.ReferenceWithoutTitle, 8, 5, "an item of `references` is missing its `title`" },
        { Reference + "    title: \"\"\n    url: https://example.org/a\n", "Body [@synthetic-ref].", ProblemCodes.ReferenceWithoutTitle, 9, 12, "`title` in an item of `references` is empty" },
        { Reference + "    title: T\n    source: S\n", "Body [@synthetic-ref].", ProblemCodes.ReferenceWithoutLink, 8, 5,
            "reference `synthetic-ref` needs at least one of `doi`, `pmid` or `url`, so readers can find the source" },
        { Reference + "    title: T\n    doi: 11.1000/x\n", "Body [@synthetic-ref].", ProblemCodes.MalformedReferenceLink, 10, 10,
            "`doi` must be `10.`, the registrant's digits, `/` and a suffix, like `10.1000/xyz123` (got `11.1000/x`)" },
        { Reference + "    title: T\n    pmid: PMID123\n", "Body [@synthetic-ref].", ProblemCodes.MalformedReferenceLink, 10, 11,
            "`pmid` must be the PubMed number alone, digits only, like `12345678` (got `PMID123`)" },
        { Reference + "    title: T\n    url: http://example.org/a\n", "Body [@synthetic-ref].", ProblemCodes.MalformedReferenceLink, 10, 10,
            "`url` must be a full https:// address without spaces, like `https://www.nhs.uk/` (got `http://example.org/a`)" },
        { "references:\n  - id: Smith2020\n    title: T\n    url: https://example.org/a\n", "Body.", ProblemCodes.InvalidValue, 8, 9,
            "reference id `Smith2020` must be lowercase letters, digits and hyphens, like `smith-2020`" },
        { "references:\n  - title: T\n    url: https://example.org/a\n", "Body.", ProblemCodes.MissingField, 8, 5, "an item of `references` is missing its `id`" },
        { Reference + "    title: T\n    url: https://example.org/a\n    journal: J\n", "Body [@synthetic-ref].", ProblemCodes.UnknownField, 11, 5,
            "unknown field `journal` in an item of `references`; its fields are id, title, authors, source, year, doi, pmid, url" },
        { Reference + "    title: T\n    url: https://example.org/a\n    year: 20024\n", "Body [@synthetic-ref].", ProblemCodes.InvalidValue, 11, 11,
            "`year` of a reference must be a year of four digits, like `2020` (got `20024`)" },
        { Reference + "    title: T\n    url: https://example.org/a\n    authors: Smith J, Doe A\n", "Body [@synthetic-ref].", ProblemCodes.WrongType, 11, 14,
            "`authors` in an item of `references` must be a list of names, like `[Smith J, Doe A]`" },
        { "references: smith-2020\n", "Body.", ProblemCodes.WrongType, 7, 13,
            "field `references` must be a list of sources, each starting with `- id: ...` followed by its `title:` and links" },
    };

    [Theory]
    [MemberData(nameof(BadReferences))]
    public void BadReferenceIsAnErrorWithItsPlace(string frontMatter, string body, string code, int line, int column, string message)
    {
        var result = Parse(frontMatter, body);

        Assert.Null(result.Document);
        Assert.Contains($"therapies/bad.md:{line}:{column}: error {code}: {message}", result.Problems.Select(problem => problem.ToString()));
    }

    /// <summary>Every malformed form an editor is likely to paste; each is refused, and the good forms pass.</summary>
    [Theory]
    [InlineData("doi", "https://doi.org/10.1000/xyz")]
    [InlineData("doi", "doi:10.1000/xyz")]
    [InlineData("doi", "10.1000")]
    [InlineData("doi", "10.1000/")]
    [InlineData("doi", "10.10/xyz")]
    [InlineData("doi", "10.1000/x y")]
    [InlineData("doi", "10.abcd/xyz")]
    [InlineData("pmid", "0")]
    [InlineData("pmid", "1234567890")]
    [InlineData("pmid", "12 34")]
    [InlineData("pmid", "-5")]
    [InlineData("pmid", "١٢٣")]
    [InlineData("url", "www.example.org")]
    [InlineData("url", "https://")]
    [InlineData("url", "/terms")]
    [InlineData("url", "javascript:alert(1)")]
    [InlineData("url", "ftp://example.org/a")]
    [InlineData("url", "https://example.org/a b")]
    public void MalformedIdentifierIsRefused(string key, string value)
    {
        var result = Parse($"{Reference}    title: T\n    {key}: \"{value}\"\n");

        Assert.Null(result.Document);
        Assert.Contains(result.Problems, problem => problem.Code == ProblemCodes.MalformedReferenceLink && problem.Position.Line == 10);
    }

    [Theory]
    [InlineData("doi", "10.1000/xyz123")]
    [InlineData("doi", "10.1001/jama.2020.1234")]
    [InlineData("doi", "10.1000.10/ABC(12)-x;y:z")]
    [InlineData("pmid", "1")]
    [InlineData("pmid", "123456789")]
    [InlineData("url", "https://www.nhs.uk/")]
    [InlineData("url", "https://example.org/a?b=c#d")]
    public void WellFormedIdentifierIsKept(string key, string value)
    {
        var result = Parse($"{Reference}    title: T\n    {key}: \"{value}\"\n");

        var article = Assert.IsType<Article>(result.Document);
        Assert.Empty(result.Problems);
        Assert.Contains(value, Assert.Single(article.References).Links.First(), StringComparison.Ordinal);
    }

    [Fact]
    public void UncitedReferenceIsAWarningAndStaysListedAfterTheCitedOnes()
    {
        var result = Parse("references:\n  - id: never-cited\n    title: N\n    url: https://example.org/n\n"
            + "  - id: cited\n    title: C\n    url: https://example.org/c\n", "Body [@cited].");

        var article = Assert.IsType<Article>(result.Document);
        Assert.Equal(["cited", "never-cited"], article.References.Select(reference => reference.Id));
        Assert.Equal("therapies/bad.md:8:5: warning SW065: reference `never-cited` is never cited; cite it in the text with `[@never-cited]`, or remove it",
            Assert.Single(result.Problems).ToString());
    }

    [Fact]
    public void CitationOfAReferenceWithItsOwnErrorIsNotReportedAgain()
    {
        var result = Parse(Reference + "    url: https://example.org/a\n");

        Assert.Equal([ProblemCodes.ReferenceWithoutTitle], result.Problems.Select(problem => problem.Code));
    }

    [Fact]
    public void ManyBadCitationsCostAFewLines()
    {
        var references = "references:\n" + string.Concat(Enumerable.Range(0, 12).Select(i => $"  - id: known-{i:00}\n    title: T\n    url: https://example.org/{i}\n"));
        var body = string.Join(' ', Enumerable.Range(0, 1000).Select(i => $"[@unknown-{i}] [@unknown-0]"))
            + string.Concat(Enumerable.Range(0, 12).Select(i => $" [@known-{i:00}]"));

        var problems = Parse(references, body).Problems;

        Assert.Equal(ReferenceChecks.MaxReported + 1, problems.Length);
        Assert.All(problems, problem => Assert.Equal(ProblemCodes.UnknownCitation, problem.Code));
        Assert.EndsWith("the references are `known-00`, `known-01`, `known-02`, `known-03`, `known-04`, "
            + "`known-05`, `known-06`, `known-07`, `known-08`, `known-09` and 2 more", problems[0].Message, StringComparison.Ordinal);
        Assert.Equal($"{1000 - ReferenceChecks.MaxReported} more cited ids name no reference of this file", problems[^1].Message);
        Assert.Equal(problems.Length, problems.Select(problem => problem.Message).Distinct().Count());
    }

    [Theory]
    [InlineData("pages/about.md", "site page")]
    [InlineData("people/synthetic-person.md", "person's page")]
    public void CitationOutsideAnArticleIsAnError(string file, string where)
    {
        Assert.True(ContentPath.TryParse(file, out var path, out _));
        var front = path.IsPerson ? "name: Synthetic Person" : "title: T\nsummary: S";

        var result = Parser.Parse(path, $"---\n{front}\n---\nText [@anything].\n", SyntheticContent.ParsedOn);

        Assert.Null(result.Document);
        Assert.Equal($"{file}:{(path.IsPerson ? 4 : 5)}:6: error SW060: citation `[@anything]`: only articles list references, so a {where} cannot cite one; write `\\[@anything]` to show the brackets as text",
            Assert.Single(result.Problems).ToString());
    }

    public static TheoryData<string, string, int, int, string> BadPeopleAndRisks => new()
    {
        { "reviewedBy: test-reviewer\n", ProblemCodes.ReviewerWithoutDate, 7, 13, "`reviewedBy` needs `lastReviewed`: the date of the review, written as YYYY-MM-DD" },
        { "author: Test Writer\n", ProblemCodes.InvalidValue, 7, 9,
            "`author` names a person by the file name in content/people/ without `.md`, like `jane-doe` (got `Test Writer`)" },
        { "author: [a-writer, a-writer]\n", ProblemCodes.InvalidValue, 7, 20, "`author` names `a-writer` twice" },
        { "reviewedBy: [a, b]\nlastReviewed: 2026-01-11\n", ProblemCodes.WrongType, 7, 13, "field `reviewedBy` must be a single value on the same line, not a list or a block of fields" },
        { "author:\n  name: A\n", ProblemCodes.WrongType, 8, 3, "field `author` must be one value, or a list of values each starting with `- `" },
        { "healthRisks:\n  - text: Synthetic\n    kind: side-efect\n", ProblemCodes.InvalidValue, 9, 11,
            "`kind` of a health risk must be one of side-effect, serious, contraindication, interaction (got `side-efect`)" },
        { "healthRisks:\n  - text: Synthetic\n", ProblemCodes.MissingField, 8, 5, "an item of `healthRisks` is missing its `kind`" },
        { "healthRisks:\n  - kind: serious\n", ProblemCodes.MissingField, 8, 5, "an item of `healthRisks` is missing its `text`" },
        { "healthRisks:\n  - text: Synthetic\n    kind: serious\n    note: N\n", ProblemCodes.UnknownField, 10, 5,
            "unknown field `note` in an item of `healthRisks`; its fields are text, kind" },
        { "healthRisks:\n  - - nested\n", ProblemCodes.WrongType, 8, 3, "field `healthRisks` must be a list, each item a line of text or a `text:` and `kind:` pair" },
        { "name: Someone\n", ProblemCodes.FieldNotAllowed, 7, 1, "field `name` is only for people in content/people/" },
    };

    [Theory]
    [MemberData(nameof(BadPeopleAndRisks))]
    public void BadPersonNameOrHealthRiskIsAnErrorWithItsPlace(string frontMatter, string code, int line, int column, string message)
    {
        var result = Parse(frontMatter, "Body.");

        Assert.Null(result.Document);
        Assert.Contains($"therapies/bad.md:{line}:{column}: error {code}: {message}", result.Problems.Select(problem => problem.ToString()));
    }

    [Fact]
    public void EveryKindOfHealthRiskIsReadInItsOrderAndPlainTextIsASideEffect()
    {
        var kinds = HealthRisk.Kinds.Select(kind => $"  - text: Synthetic {kind.Name}\n    kind: {kind.Name}\n");

        var result = Parse("healthRisks:\n  - Synthetic plain\n" + string.Concat(kinds), "Body.");

        var article = Assert.IsType<Article>(result.Document);
        Assert.Equal(
            [new HealthRisk("Synthetic plain"), .. HealthRisk.Kinds.Select(kind => new HealthRisk($"Synthetic {kind.Name}", kind.Kind))],
            article.HealthRisks.AsEnumerable());
    }

    [Fact]
    public void PersonFileNeedsANameAndTakesNoArticleField()
    {
        Assert.True(ContentPath.TryParse("people/synthetic-person.md", out var path, out _));

        var missing = Parser.Parse(path, "---\ncredentials: MD\n---\nBio.\n", SyntheticContent.ParsedOn);
        var articleField = Parser.Parse(path, "---\nname: Synthetic Person\ntitle: T\n---\nBio.\n", SyntheticContent.ParsedOn);
        var valid = Parser.Parse(path, "---\nname: Synthetic Person\ncredentials: MD, PhD\nrole: Medical reviewer\n---\nBio.\n", SyntheticContent.ParsedOn);

        Assert.Equal("people/synthetic-person.md:2:1: error SW025: required field `name` is missing", Assert.Single(missing.Problems).ToString());
        Assert.Equal("people/synthetic-person.md:3:1: error SW029: field `title` is only for articles and site pages in content/pages/", Assert.Single(articleField.Problems).ToString());
        var person = Assert.IsType<Person>(valid.Document);
        Assert.Equal(("Synthetic Person", "MD, PhD", "Medical reviewer", "/people/synthetic-person"), (person.Name, person.Credentials, person.Role, person.Url));
        Assert.Equal("Synthetic Person, MD, PhD", person.NameWithCredentials);
    }
}
