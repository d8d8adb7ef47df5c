using System.Globalization;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Site;

namespace Stackwise.Web.Commands;

/// <summary><c>reviews</c>: the articles due for a medical review, as text for people, CSV for a spreadsheet or JSON.</summary>
public static class ReviewsReport
{
    public static readonly string[] Formats = ["text", "csv", "json"];

    private static readonly string[] Columns =
        ["file", "url", "title", "status", "state", "nextReview", "daysLeft", "lastReviewed", "reviewer", "writers"];

    public static async Task WriteAsync(IReadOnlyList<ReviewDue> reviews, string format, int withinDays, string shownRoot, TextWriter output)
    {
        switch (format)
        {
            case "csv":
                await output.WriteLineAsync(string.Join(',', Columns));
                foreach (var review in reviews)
                {
                    await output.WriteLineAsync(string.Join(',', Cells(review, shownRoot).Select(cell => Csv(cell is string[] list ? string.Join("; ", list) : cell?.ToString()))));
                }
                break;
            case "json":
                await JsonOutput.WriteAsync(output, json =>
                {
                    json.WriteStartArray();
                    foreach (var review in reviews)
                    {
                        json.WriteStartObject();
                        foreach (var (column, cell) in Columns.Zip(Cells(review, shownRoot)))
                        {
                            JsonOutput.WriteValue(json, column, cell);
                        }
                        json.WriteEndObject();
                    }
                    json.WriteEndArray();
                });
                break;
            default:
                foreach (var review in reviews)
                {
                    await output.WriteLineAsync(Line(review, shownRoot));
                }
                var count = (ReviewState state) => reviews.Count(review => review.State == state);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{Counted.Of(reviews.Count, "article")} to plan: {count(ReviewState.Overdue):N0} overdue, {count(ReviewState.DueSoon):N0} due within {Counted.Of(withinDays, "day")}, {count(ReviewState.NoDate):N0} with no review date."));
                break;
        }
    }

    private static object?[] Cells(ReviewDue review, string shownRoot) =>
    [
        File(review, shownRoot), review.Article.Url, review.Article.Title, review.Status, State(review.State),
        Date(review.Article.Dates.NextReview), review.DaysLeft, Date(review.Article.Dates.LastReviewed),
        review.Reviewer?.NameWithCredentials, review.Writers.Select(writer => writer.Name).ToArray(),
    ];

    private static string File(ReviewDue review, string shownRoot) => Path.Combine(shownRoot, review.Article.Path.File).Replace('\\', '/');

    private static string State(ReviewState state) => state switch
    {
        ReviewState.Overdue => "overdue",
        ReviewState.DueSoon => "due",
        _ => "no-date",
    };

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Line(ReviewDue review, string shownRoot)
    {
        var article = review.Article;
        var when = review.State switch
        {
            ReviewState.Overdue => $"overdue since {Date(article.Dates.NextReview)} ({Counted.Of(-review.DaysLeft ?? 0, "day")})",
            ReviewState.DueSoon => review.DaysLeft == 0 ? $"due today ({Date(article.Dates.NextReview)})" : $"due {Date(article.Dates.NextReview)} (in {Counted.Of(review.DaysLeft ?? 0, "day")})",
            _ => "no review date (`nextReview`)",
        };
        var reviewed = article.Dates.LastReviewed is { } last
            ? $"last reviewed {Date(last)}{(review.Reviewer is null ? "" : $" by {review.Reviewer.NameWithCredentials}")}"
            : "never reviewed";
        var writers = review.Writers.IsEmpty ? "" : $"; written by {string.Join(", ", review.Writers.Select(writer => writer.Name))}";
        var status = review.Status == "published" ? "" : $" [{review.Status}]";
        return $"{File(review, shownRoot)}: {when}: \"{article.Title}\"{status}; {reviewed}{writers}";
    }

    /// <summary>One CSV cell (RFC 4180), with a leading formula character neutralised so a spreadsheet shows it as text.</summary>
    private static string Csv(string? cell)
    {
        if (string.IsNullOrEmpty(cell))
        {
            return "";
        }
        if (cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !int.TryParse(cell, CultureInfo.InvariantCulture, out _))
        {
            cell = "'" + cell;
        }
        return cell.AsSpan().IndexOfAny("\",\r\n") >= 0 ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : cell;
    }
}
