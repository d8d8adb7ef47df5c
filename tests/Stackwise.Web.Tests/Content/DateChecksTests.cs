using Stackwise.Web.Content.Model;
using Stackwise.Web.Content.Parsing;
using Stackwise.Web.Rendering;

namespace Stackwise.Web.Tests.Content;

/// <summary><c>updated</c> and <c>lastReviewed</c> cannot be after today; <c>published</c> far ahead is a warning.</summary>
public sealed class DateChecksTests
{
    private static readonly DateOnly Today = new(2026, 6, 30);
    private static readonly ContentParser Parser = new(new MarkdownRenderer());

    private static ParseResult Article(string dates) => Parser.Parse(new ContentPath("therapies/dated.md", "therapies", "dated"),
        $"---\ntitle: Dated\ncategory: Test\nrisk: low\nsummary: Synthetic.\n{dates}\n---\nText.\n", Today);

    [Theory]
    [InlineData("published: 2026-01-01\nupdated: 2026-07-01", "updated", "2026-07-01", 7, 10)]
    [InlineData("published: 2026-01-01\nupdated: 9999-12-31", "updated", "9999-12-31", 7, 10)]
    [InlineData("published: 2026-01-01\nlastReviewed: 2026-07-01", "lastReviewed", "2026-07-01", 7, 15)]
    [InlineData("published: 2026-01-01\nlastReviewed: 2030-01-01\nnextReview: 2031-01-01", "lastReviewed", "2030-01-01", 7, 15)]
    public void DateOfWhatHappenedAfterTodayIsAnErrorAtItsPlace(string dates, string field, string date, int line, int column)
    {
        var result = Article(dates);

        Assert.Null(result.Document);
        Assert.Equal($"therapies/dated.md:{line}:{column}: error SW058: field `{field}` ({date}) is after today (2026-06-30, UTC); write the date it happened",
            Assert.Single(result.Problems).ToString());
        Assert.Equal(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), result.RecheckOn);
    }

    [Theory]
    [InlineData("published: 2026-01-01\nupdated: 2026-06-30\nlastReviewed: 2026-06-30")]
    [InlineData("published: 0001-01-01\nupdated: 2026-06-29")]
    [InlineData("published: 2026-07-01")]
    [InlineData("published: 2027-07-01")]
    public void DatesUpToTodayAndPublicationUpToAYearAheadAreFine(string dates)
    {
        var result = Article(dates);

        Assert.NotNull(result.Document);
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void SitePageUpdatedAfterTodayIsAnError()
    {
        var result = Parser.Parse(new ContentPath("pages/about.md", null, "about"), "---\ntitle: About\nsummary: Synthetic.\nupdated: 2026-07-01\n---\nText.\n", Today);

        Assert.Equal("pages/about.md:4:10: error SW058: field `updated` (2026-07-01) is after today (2026-06-30, UTC); write the date it happened",
            Assert.Single(result.Problems).ToString());
    }

    [Theory]
    [InlineData("2027-07-02", "367")]
    [InlineData("9999-12-31", "2,912,262")]
    public void PublicationMoreThanAYearAheadIsAWarningAndTheArticleStaysScheduled(string date, string days)
    {
        var result = Article($"published: {date}");

        Assert.NotNull(result.Document);
        Assert.Equal($"therapies/dated.md:6:12: warning SW059: field `published` ({date}) is {days} days ahead: the article stays hidden until then; check the year",
            Assert.Single(result.Problems).ToString());
    }
}
