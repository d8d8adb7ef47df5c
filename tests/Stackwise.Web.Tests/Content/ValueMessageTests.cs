using Stackwise.Web.Content.Model;
using static Stackwise.Web.Tests.Content.YamlShapeTests;

namespace Stackwise.Web.Tests.Content;

/// <summary>
/// Values an editor writes that YAML or the site reads otherwise than meant: an unquoted value YAML takes for another
/// type, a date that is not a day, a colon that needs quotes, an unknown or malformed citation. Each message says
/// what is wrong and how to write it.
/// </summary>
public sealed class ValueMessageTests
{
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
