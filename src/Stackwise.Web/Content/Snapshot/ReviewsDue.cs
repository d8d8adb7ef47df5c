using System.Collections.Immutable;
using Stackwise.Web.Content.Model;

namespace Stackwise.Web.Content.Snapshot;

/// <summary>Where an article stands against its <c>nextReview</c> date.</summary>
public enum ReviewState
{
    /// <summary><c>nextReview</c> is before today: the page already says it is due for review.</summary>
    Overdue,

    /// <summary><c>nextReview</c> is today or within the days asked about.</summary>
    DueSoon,

    /// <summary>No <c>nextReview</c>: nobody has planned a review.</summary>
    NoDate,
}

/// <summary>One article a medical reviewer should look at, with the people and dates an editor plans it by.</summary>
/// <param name="Status">published, draft or scheduled.</param>
/// <param name="DaysLeft">Days from today to <c>nextReview</c>: negative when overdue, null without a date.</param>
public sealed record ReviewDue(Article Article, ReviewState State, string Status, int? DaysLeft, ImmutableArray<Person> Writers, Person? Reviewer);

/// <summary>
/// The articles whose review has passed or falls within some days, and those with no review date: soonest first, then
/// the undated by file. <c>reviews</c> prints it and the Development problems page shows it; drafts and scheduled
/// articles are included (with their status), since their review is best done before they go live.
/// </summary>
public static class ReviewsDue
{
    public const int DefaultDays = 30;

    public static ImmutableArray<ReviewDue> List(ContentSnapshot snapshot, DateOnly today, int withinDays = DefaultDays)
    {
        var due = new List<ReviewDue>();
        foreach (var article in snapshot.ByFile.Values.OfType<Article>())
        {
            int? daysLeft = article.Dates.NextReview is { } next ? next.DayNumber - today.DayNumber : null;
            ReviewState? state = daysLeft switch
            {
                null => ReviewState.NoDate,
                < 0 => ReviewState.Overdue,
                _ when daysLeft <= withinDays => ReviewState.DueSoon,
                _ => null,
            };
            if (state is { } found)
            {
                var status = article.IsDraft ? "draft" : article.Dates.Published > today ? "scheduled" : "published";
                var reviewer = article.ReviewedBy is null ? null : snapshot.PeopleNamed([article.ReviewedBy]).FirstOrDefault();
                due.Add(new ReviewDue(article, found, status, daysLeft, snapshot.PeopleNamed(article.Authors), reviewer));
            }
        }
        return [.. due
            .OrderBy(review => review.DaysLeft is null)
            .ThenBy(review => review.DaysLeft)
            .ThenBy(review => review.Article.Path.File, StringComparer.Ordinal)];
    }
}
