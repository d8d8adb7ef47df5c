using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Stackwise.Web.Commands;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Commands;

/// <summary>
/// `reviews`: the articles whose review has passed or falls within N days, and those without a review date, soonest
/// first, as text, CSV and JSON; the Development problems page shows the same list.
/// </summary>
public sealed class ReviewsCommandTests : FolderTest
{
    private static readonly DateTimeOffset Today = new(2026, 12, 7, 15, 0, 0, TimeSpan.Zero);

    public ReviewsCommandTests() => Folder
        .Write("people/writer.md", "---\nname: Synthetic Writer\n---\nSynthetic.\n")
        .Write("people/reviewer.md", "---\nname: Synthetic Reviewer\ncredentials: MD\n---\nSynthetic.\n")
        .Write("therapies/overdue.md", Article("Overdue Synthetic", "nextReview: 2026-11-01\nlastReviewed: 2025-11-01\nreviewedBy: reviewer\nauthor: writer"))
        .Write("therapies/due-today.md", Article("Due Today Synthetic", "nextReview: 2026-12-07"))
        .Write("therapies/due-in-thirty.md", Article("Due In Thirty Synthetic", "nextReview: 2027-01-06"))
        .Write("therapies/due-in-thirty-one.md", Article("Due In Thirty-One Synthetic", "nextReview: 2027-01-07"))
        .Write("therapies/undated.md", Article("Undated, \"Quoted\" Synthetic", "author: writer"))
        .Write("therapies/formula.md", Article("=Formula Synthetic", "nextReview: 2027-05-01"))
        .Write("therapies/draft-overdue.md", Article("Draft Overdue Synthetic", "nextReview: 2026-12-01\ndraft: true"))
        .Write("therapies/scheduled.md", Article("Scheduled Synthetic", "nextReview: 2026-12-20", published: "2027-01-01"));

    private static string Article(string title, string fields, string published = "2026-01-01") =>
        $"---\ntitle: '{title.Replace("'", "''", StringComparison.Ordinal)}'\ncategory: Test\nrisk: low\nsummary: Synthetic.\npublished: {published}\n{fields}\n---\nText.\n";

    private async Task<(int ExitCode, string Output, string Error)> ReviewsAsync(params string[] options)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await SiteCommands.RunAsync(["reviews", "--content", Folder.Root, .. options],
            () => throw new InvalidOperationException("reviews builds no site"), output, error, new FakeTimeProvider(Today));
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task TextListsOverdueThenDueSoonestFirstThenUndatedWithTheirPeopleAndDates()
    {
        var (exitCode, output, _) = await ReviewsAsync();

        var shown = Path.GetRelativePath(Directory.GetCurrentDirectory(), Folder.Root);
        var lines = output.Replace(Folder.Root, "ROOT", StringComparison.Ordinal).Replace(shown, "ROOT", StringComparison.Ordinal).TrimEnd().Split('\n');
        Assert.Equal(0, exitCode);
        Assert.Equal(
        [
            "ROOT/therapies/overdue.md: overdue since 2026-11-01 (36 days): \"Overdue Synthetic\"; last reviewed 2025-11-01 by Synthetic Reviewer, MD; written by Synthetic Writer",
            "ROOT/therapies/draft-overdue.md: overdue since 2026-12-01 (6 days): \"Draft Overdue Synthetic\" [draft]; never reviewed",
            "ROOT/therapies/due-today.md: due today (2026-12-07): \"Due Today Synthetic\"; never reviewed",
            "ROOT/therapies/scheduled.md: due 2026-12-20 (in 13 days): \"Scheduled Synthetic\" [scheduled]; never reviewed",
            "ROOT/therapies/due-in-thirty.md: due 2027-01-06 (in 30 days): \"Due In Thirty Synthetic\"; never reviewed",
            "ROOT/therapies/undated.md: no review date (`nextReview`): \"Undated, \"Quoted\" Synthetic\"; never reviewed; written by Synthetic Writer",
            "6 articles to plan: 2 overdue, 3 due within 30 days, 1 with no review date.",
        ], lines.Select(line => line.TrimEnd('\r')));
    }

    [Theory]
    [InlineData("0", 4)]
    [InlineData("30", 6)]
    [InlineData("31", 7)]
    [InlineData("144", 7)]
    [InlineData("145", 8)]
    public async Task WithinSetsHowFarAheadAReviewCountsAsDue(string days, int listed)
    {
        var (exitCode, output, _) = await ReviewsAsync("--within", days, "--format", "json");

        Assert.Equal(0, exitCode);
        Assert.Equal(listed, JsonDocument.Parse(output).RootElement.GetArrayLength());
    }

    [Fact]
    public async Task CsvHasAHeaderAQuotedCellWhereNeededAndNoFormula()
    {
        var (exitCode, output, _) = await ReviewsAsync("--within", "365", "--format", "csv");

        var lines = output.TrimEnd().Split('\n').Select(line => line.TrimEnd('\r')).ToList();
        Assert.Equal(0, exitCode);
        Assert.Equal("file,url,title,status,state,nextReview,daysLeft,lastReviewed,reviewer,writers", lines[0]);
        Assert.EndsWith(",/therapies/overdue,Overdue Synthetic,published,overdue,2026-11-01,-36,2025-11-01,\"Synthetic Reviewer, MD\",Synthetic Writer", lines[1], StringComparison.Ordinal);
        Assert.Contains(lines, line => line.EndsWith(",/therapies/formula,'=Formula Synthetic,published,due,2027-05-01,145,,,", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.EndsWith(",/therapies/undated,\"Undated, \"\"Quoted\"\" Synthetic\",published,no-date,,,,,Synthetic Writer", StringComparison.Ordinal));
        Assert.Equal(9, lines.Count);
    }

    [Fact]
    public async Task JsonHasOneObjectPerArticleWithTypedValues()
    {
        var (exitCode, output, _) = await ReviewsAsync("--format", "json");

        var first = JsonDocument.Parse(output).RootElement[0];
        Assert.Equal(0, exitCode);
        Assert.Equal("/therapies/overdue", first.GetProperty("url").GetString());
        Assert.Equal("overdue", first.GetProperty("state").GetString());
        Assert.Equal(-36, first.GetProperty("daysLeft").GetInt32());
        Assert.Equal("2025-11-01", first.GetProperty("lastReviewed").GetString());
        Assert.Equal("Synthetic Reviewer, MD", first.GetProperty("reviewer").GetString());
        Assert.Equal(["Synthetic Writer"], first.GetProperty("writers").EnumerateArray().Select(writer => writer.GetString()));
        var undated = JsonDocument.Parse(output).RootElement.EnumerateArray().Last();
        Assert.Equal(JsonValueKind.Null, undated.GetProperty("nextReview").ValueKind);
        Assert.Equal(JsonValueKind.Null, undated.GetProperty("daysLeft").ValueKind);
    }

    [Theory]
    [InlineData("--within", "-1")]
    [InlineData("--within", "soon")]
    [InlineData("--format", "xml")]
    public async Task AnOptionOutOfItsRangeCannotRun(string option, string value)
    {
        var (exitCode, output, error) = await ReviewsAsync(option, value);

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.StartsWith("error:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDevelopmentProblemsPageShowsTheSameList()
    {
        await using var site = new StackwiseFactory(Folder.Root, "Development") { Time = new FakeTimeProvider(Today) };

        var (response, document) = await site.CreateClient().GetPageAsync("/_content/problems");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = document.QuerySelectorAll("table.reviews tbody tr").Select(row => row.QuerySelectorAll("td").Select(td => td.NormalizedText()).ToList()).ToList();
        Assert.Equal(
            ["/therapies/overdue", "/therapies/draft-overdue", "/therapies/due-today", "/therapies/scheduled", "/therapies/due-in-thirty", "/therapies/undated"],
            document.QuerySelectorAll("table.reviews tbody tr td:first-child a").Select(link => link.GetAttribute("href")));
        Assert.Equal(["Overdue since 2026-11-01", "2025-11-01 by Synthetic Reviewer, MD", "Synthetic Writer"], rows[0].Skip(1));
        Assert.Equal("No review date", rows[^1][1]);
    }
}
