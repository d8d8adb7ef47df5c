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

    /// <summary>The day a scheduled article goes public, so the content reloads itself then; null when no day will change it.</summary>
    public DateOnly? BecomesPublicOn(ContentDocument document) =>
        document is Article { IsDraft: false } article && article.Dates.Published > Today ? article.Dates.Published : null;
}
