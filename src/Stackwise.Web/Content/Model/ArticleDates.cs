namespace Stackwise.Web.Content.Model;

/// <summary>The dates of an article, as health sites show them.</summary>
public sealed record ArticleDates(DateOnly Published, DateOnly? Updated, DateOnly? LastReviewed, DateOnly? NextReview)
{
    /// <summary>The date the content last changed: <c>updated</c> when given, else <c>published</c>.</summary>
    public DateOnly Modified => Updated ?? Published;

    public bool IsDueForReview(DateOnly today) => NextReview is { } due && due < today;
}
