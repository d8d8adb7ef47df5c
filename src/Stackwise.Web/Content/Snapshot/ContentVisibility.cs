using Stackwise.Web.Content.Model;

namespace Stackwise.Web.Content.Snapshot;

/// <summary>
/// Who may see a document: the one place the rule is written. Public documents are served everywhere; drafts and
/// scheduled articles (a <c>published</c> date after today) only as Development previews, and never in the sitemap,
/// the feeds or search.
/// </summary>
/// <param name="Today">The UTC date a scheduled article's <c>published</c> date is compared with.</param>
/// <param name="IncludeUnpublished">True in Development: drafts and scheduled articles are served with a banner.</param>
public sealed record ContentVisibility(DateOnly Today, bool IncludeUnpublished)
{
    /// <summary>True when anyone may read the document: not a draft, and not an article scheduled after today.</summary>
    public bool IsPublic(ContentDocument document) =>
        !document.IsDraft && (document is not Article article || article.Dates.Published <= Today);

    /// <summary>True when this snapshot answers the document's URL: public ones, and the rest as previews.</summary>
    public bool IsServed(ContentDocument document) => IncludeUnpublished || IsPublic(document);

    /// <summary>
    /// The next day the document reads differently without its file changing, so the content reloads itself then: a scheduled
    /// article goes public, or an article's review date passes and its page says it is due for review; null when no day will.
    /// </summary>
    public DateOnly? ChangesOn(ContentDocument document)
    {
        if (document is not Article { IsDraft: false } article)
        {
            return null;
        }
        DateOnly? published = article.Dates.Published > Today ? article.Dates.Published : null;
        DateOnly? due = article.Dates.NextReview is { } review && review >= Today ? review.AddDays(1) : null;
        return published is null ? due : due is null ? published : published < due ? published : due;
    }
}
