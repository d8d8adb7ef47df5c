using Stackwise.Web.Content.Model;
using Stackwise.Web.Content.Parsing;
using Stackwise.Web.Rendering;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Content;

/// <summary>A file becomes a typed document, or is refused naming the field and what is wrong with it.</summary>
public sealed class ContentParserTests
{
    internal const string ValidFrontMatter = """
        title: Synthetic Therapy
        category: Test Category
        risk: moderate
        summary: A synthetic summary.
        healthRisks:
          - Synthetic risk
        published: 2026-01-10
        """;

    internal static readonly ContentParser Parser = new(new MarkdownRenderer());

    internal static ParseResult ParseArticle(string frontMatter, string body = "Synthetic body.") =>
        Parser.Parse(new ContentPath("therapies/synthetic.md", "therapies", "synthetic"), $"---\n{frontMatter}\n---\n{body}\n", SyntheticContent.ParsedOn);

    internal static ContentProblem SingleError(ParseResult result)
    {
        Assert.Null(result.Document);
        return Assert.Single(result.Problems, problem => problem.Severity == ProblemSeverity.Error);
    }

    [Fact]
    public void ValidArticleBecomesATypedRecord()
    {
        var result = ParseArticle(ValidFrontMatter + "\nupdated: 2026-02-01", "Intro.\n\n## First Section\n\nText.");

        var article = Assert.IsType<Article>(result.Document);
        Assert.Empty(result.Problems);
        Assert.Equal("Synthetic Therapy", article.Title);
        Assert.Equal(new Category("Test Category", "test-category"), article.Category);
        Assert.Equal(RiskLevel.Moderate, article.Risk);
        Assert.Equal([new HealthRisk("Synthetic risk", HealthRiskKind.SideEffect)], article.HealthRisks.AsEnumerable());
        Assert.Equal(new DateOnly(2026, 1, 10), article.Dates.Published);
        Assert.Equal(new DateOnly(2026, 2, 1), article.Dates.Modified);
        Assert.Equal("/therapies/synthetic", article.Url);
        Assert.Equal("first-section", Assert.Single(article.Headings).Id);
    }

    [Fact]
    public void SitePageNeedsOnlyTitleAndSummary()
    {
        var result = Parser.Parse(new ContentPath("pages/about.md", null, "about"), "---\ntitle: About\nsummary: Synthetic.\n---\nText.\n", SyntheticContent.ParsedOn);

        var page = Assert.IsType<SitePage>(result.Document);
        Assert.Equal("/about", page.Url);
    }

    [Fact]
    public void BadYamlIsRejectedWithItsFileLine()
    {
        var problem = SingleError(ParseArticle(ValidFrontMatter + "\nupdated: [2026-01-01"));

        Assert.Equal(ProblemCodes.YamlSyntax, problem.Code);
        Assert.Equal("therapies/synthetic.md", problem.File);
        Assert.True(problem.Position.Line >= 9, $"line {problem.Position.Line} should point into the YAML, after line 8");
        Assert.StartsWith("therapies/synthetic.md:", problem.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("title")]
    [InlineData("category")]
    [InlineData("risk")]
    [InlineData("summary")]
    [InlineData("published")]
    public void MissingRequiredFieldIsRejectedNamingTheField(string field)
    {
        var frontMatter = string.Join('\n', ValidFrontMatter.Split('\n').Where(line => !line.StartsWith(field + ":", StringComparison.Ordinal)));

        var problem = SingleError(ParseArticle(frontMatter));

        Assert.Equal(ProblemCodes.MissingField, problem.Code);
        Assert.Contains($"`{field}`", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyRequiredFieldIsRejected()
    {
        var problem = SingleError(ParseArticle(ValidFrontMatter.Replace("title: Synthetic Therapy", "title:", StringComparison.Ordinal)));

        Assert.Equal(ProblemCodes.MissingField, problem.Code);
        Assert.Equal("field `title` is empty", problem.Message);
    }

    [Fact]
    public void UnknownRiskLevelIsRejectedWithTheAllowedValues()
    {
        var problem = SingleError(ParseArticle(ValidFrontMatter.Replace("risk: moderate", "risk: medium", StringComparison.Ordinal)));

        Assert.Equal(ProblemCodes.InvalidValue, problem.Code);
        Assert.Equal(new SourcePosition(4, 7), problem.Position);
        Assert.Equal("field `risk` must be one of low, moderate, high (got `medium`)", problem.Message);
    }

    [Fact]
    public void SummaryOver160CharactersIsRejected()
    {
        var problem = SingleError(ParseArticle(ValidFrontMatter.Replace("A synthetic summary.", new string('x', 161), StringComparison.Ordinal)));

        Assert.Equal(ProblemCodes.TooLong, problem.Code);
        Assert.Equal(new SourcePosition(5, 10), problem.Position);
        Assert.Equal("field `summary` is 161 characters long; the limit is 160", problem.Message);
    }

    [Fact]
    public void SummaryOfExactly160CharactersIsAccepted()
    {
        var result = ParseArticle(ValidFrontMatter.Replace("A synthetic summary.", new string('x', 160), StringComparison.Ordinal));

        Assert.IsType<Article>(result.Document);
    }

    [Fact]
    public void UnknownFieldIsRejectedWithASuggestion()
    {
        var problem = SingleError(ParseArticle(ValidFrontMatter + "\nhealthrisk: typo"));

        Assert.Equal(ProblemCodes.UnknownField, problem.Code);
        Assert.Equal(new SourcePosition(9, 1), problem.Position);
        Assert.Equal("unknown field `healthrisk`: did you mean `healthRisks`?", problem.Message);
    }

    [Fact]
    public void UnknownFieldFarFromAnyKnownOneListsTheFields()
    {
        var problem = SingleError(ParseArticle(ValidFrontMatter + "\nzzzzzzzz: 1"));

        Assert.Contains("unknown field `zzzzzzzz`; the fields of articles are title, category", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFrontMatterIsRejected()
    {
        var result = Parser.Parse(new ContentPath("therapies/synthetic.md", "therapies", "synthetic"), "# Just markdown\n", SyntheticContent.ParsedOn);

        var problem = SingleError(result);
        Assert.Equal(ProblemCodes.MissingFrontMatter, problem.Code);
    }

    [Theory]
    [InlineData("- just\n- a list")]
    [InlineData("just a sentence")]
    public void FrontMatterThatIsNotFieldsIsRejected(string yaml)
    {
        var problem = SingleError(ParseArticle(yaml));

        Assert.Equal(ProblemCodes.NotAMapping, problem.Code);
    }

    [Fact]
    public void DuplicateFieldIsRejected()
    {
        var problem = SingleError(ParseArticle(ValidFrontMatter + "\ntitle: Again"));

        Assert.Equal(ProblemCodes.DuplicateField, problem.Code);
        Assert.Contains("title", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ListWhereTextBelongsIsRejected()
    {
        var problem = SingleError(ParseArticle(ValidFrontMatter.Replace("title: Synthetic Therapy", "title:\n  - one\n  - two", StringComparison.Ordinal)));

        Assert.Equal(ProblemCodes.WrongType, problem.Code);
        Assert.Contains("`title`", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TextWhereListBelongsIsRejected()
    {
        var problem = SingleError(ParseArticle(ValidFrontMatter.Replace("healthRisks:\n  - Synthetic risk", "healthRisks: Synthetic risk", StringComparison.Ordinal)));

        Assert.Equal(ProblemCodes.WrongType, problem.Code);
        Assert.Contains("`healthRisks`", problem.Message, StringComparison.Ordinal);
    }
}
