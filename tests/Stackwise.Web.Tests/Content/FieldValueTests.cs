using Stackwise.Web.Content.Model;
using Stackwise.Web.Tests.Support;
using static Stackwise.Web.Tests.Content.ContentParserTests;

namespace Stackwise.Web.Tests.Content;

/// <summary>
/// The values of fields checked beyond their type: dates in order, tags, categories, aliases, fields that belong to
/// articles only, anchors, links, health risks; and every problem of a file reported at once.
/// </summary>
public sealed class FieldValueTests
{
    [Theory]
    [InlineData("10/01/2026")]
    [InlineData("yesterday")]
    public void InvalidDateIsRejected(string date)
    {
        var problem = SingleError(ParseArticle(ValidFrontMatter.Replace("2026-01-10", date, StringComparison.Ordinal)));

        Assert.Equal(ProblemCodes.InvalidValue, problem.Code);
        Assert.Equal($"field `published` must be a date written as YYYY-MM-DD (got `{date}`)", problem.Message);
    }

    [Fact]
    public void UpdatedBeforePublishedIsRejected()
    {
        var problem = SingleError(ParseArticle(ValidFrontMatter + "\nupdated: 2025-12-31"));

        Assert.Equal(ProblemCodes.InvalidValue, problem.Code);
        Assert.Contains("`updated`", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NextReviewBeforeLastReviewedIsRejected()
    {
        var problem = SingleError(ParseArticle(ValidFrontMatter + "\nlastReviewed: 2026-03-01\nnextReview: 2026-02-01"));

        Assert.Equal(ProblemCodes.InvalidValue, problem.Code);
        Assert.Equal("field `nextReview` (2026-02-01) is before `lastReviewed` (2026-03-01)", problem.Message);
        Assert.Equal(10, problem.Position.Line);
    }

    [Fact]
    public void TagsAndReviewDatesAreRead()
    {
        var result = ParseArticle(ValidFrontMatter + "\ntags:\n  - sleep\n  - Sleep\n  - stress\nlastReviewed: 2026-03-01\nnextReview: 2027-03-01");

        var article = Assert.IsType<Article>(result.Document);
        Assert.Equal(["sleep", "stress"], article.Tags.AsEnumerable());
        Assert.Equal(new ArticleDates(new DateOnly(2026, 1, 10), null, new DateOnly(2026, 3, 1), new DateOnly(2027, 3, 1)), article.Dates);
    }

    [Fact]
    public void CategoryWithoutLettersIsRejected()
    {
        var problem = SingleError(ParseArticle(ValidFrontMatter.Replace("category: Test Category", "category: \"!!!\"", StringComparison.Ordinal)));

        Assert.Equal(ProblemCodes.InvalidValue, problem.Code);
        Assert.Contains("`category`", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("old/path")]
    [InlineData("https://example.org/old")]
    [InlineData("/old path")]
    [InlineData("/old?x=1")]
    [InlineData("/therapies/synthetic")]
    public void InvalidAliasIsRejected(string alias)
    {
        var problem = SingleError(ParseArticle(ValidFrontMatter + $"\naliases:\n  - \"{alias}\""));

        Assert.Equal(ProblemCodes.InvalidValue, problem.Code);
        Assert.Contains($"alias `{alias}`", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AliasesAreNormalizedToLowercaseWithoutTrailingSlash()
    {
        var result = ParseArticle(ValidFrontMatter + "\naliases:\n  - /Old/Page/\n  - /old/page");

        Assert.Equal(["/old/page"], Assert.IsType<Article>(result.Document).Aliases.AsEnumerable());
    }

    [Fact]
    public void ArticleFieldOnASitePageIsRejected()
    {
        var result = Parser.Parse(new ContentPath("pages/about.md", null, "about"), "---\ntitle: About\nsummary: Synthetic.\nrisk: low\n---\nText.\n", SyntheticContent.ParsedOn);

        var problem = SingleError(result);
        Assert.Equal(ProblemCodes.FieldNotAllowed, problem.Code);
        Assert.Equal("pages/about.md", problem.File);
        Assert.Contains("`risk`", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void YamlAnchorAndAliasAreRejected()
    {
        var result = (ParseArticle(ValidFrontMatter.Replace("title: Synthetic Therapy", "title: &name Synthetic Therapy\ncategory: *name", StringComparison.Ordinal)
            .Replace("category: Test Category\n", "", StringComparison.Ordinal)));

        Assert.Null(result.Document);
        Assert.Equal(["title", "category"], result.Problems.Select(problem => problem.Message.Split('`')[1]));
        Assert.All(result.Problems, problem => Assert.Equal(ProblemCodes.AnchorOrAlias, problem.Code));
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))", "javascript")]
    [InlineData("[click](JavaScript:alert(1))", "javascript")]
    [InlineData("[click](java&#115;cript:alert(1))", "javascript")]
    [InlineData("<vbscript:msgbox(1)>", "vbscript")]
    [InlineData("![image](data:image/svg+xml;base64,PHN2Zz4=)", "data")]
    public void UnsafeLinkIsRejected(string markdown, string scheme)
    {
        var problem = SingleError(ParseArticle(ValidFrontMatter, $"Intro.\n\n{markdown}"));

        Assert.Equal(ProblemCodes.UnsafeLink, problem.Code);
        Assert.Equal(12, problem.Position.Line);
        Assert.Contains($"`{scheme}:`", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[site](/therapies/other)")]
    [InlineData("[web](https://example.org/page)")]
    [InlineData("[mail](mailto:someone@example.org)")]
    [InlineData("[anchor](#how-it-works)")]
    [InlineData("[relative](other-page)")]
    public void SafeLinkIsAccepted(string markdown)
    {
        var result = ParseArticle(ValidFrontMatter, $"Intro.\n\n{markdown}");

        Assert.IsType<Article>(result.Document);
    }

    [Theory]
    [InlineData("moderate")]
    [InlineData("high")]
    public void ModerateOrHighRiskWithoutHealthRisksIsRejected(string risk)
    {
        var frontMatter = ValidFrontMatter
            .Replace("healthRisks:\n  - Synthetic risk\n", "", StringComparison.Ordinal)
            .Replace("risk: moderate", $"risk: {risk}", StringComparison.Ordinal);

        var problem = SingleError(ParseArticle(frontMatter));

        Assert.Equal(ProblemCodes.MissingHealthRisks, problem.Code);
        Assert.Contains("`healthRisks`", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryProblemInAFileIsReportedAtOnce()
    {
        var result = ParseArticle("title: Synthetic\nrisk: medium\nsumary: typo");

        Assert.Null(result.Document);
        Assert.Contains(result.Problems, problem => problem.Code == ProblemCodes.UnknownField);
        Assert.Contains(result.Problems, problem => problem.Code == ProblemCodes.InvalidValue);
        Assert.Contains(result.Problems, problem => problem.Code == ProblemCodes.MissingField && problem.Message.Contains("`category`", StringComparison.Ordinal));
    }
}
