using Stackwise.Web.Content.Model;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Seo;

namespace Stackwise.Web.Pages.Articles;

/// <summary>
/// Everything an article's page is rendered from (<see cref="ArticleModel"/>, Article.cshtml and the layout read exactly
/// these): the article, whether it is public, today's date (the review notice), the writers and reviewer and the related
/// articles. An unchanged file keeps its objects across reloads, so after a save an article whose file, related
/// articles and people are untouched is served as prepared for the snapshot before. A page that reads anything more must
/// add it here. Articles with their own picture are always rendered again: the picture's size is read from its file.
/// </summary>
internal sealed class ArticlePageInputs(TimeProvider time) : IPageInputs
{
    public PageInputs? InputsOf(ContentSnapshot snapshot, string path)
    {
        if (snapshot.ByUrl.GetValueOrDefault(path) is not Article { Image: null } article)
        {
            return null;
        }
        var authors = snapshot.PeopleNamed(article.Authors);
        var reviewer = article.ReviewedBy is { } reviewedBy ? snapshot.PeopleNamed([reviewedBy]).FirstOrDefault() : null;
        var related = snapshot.RelatedTo(article);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        // Each list is preceded by its length, so two different splits of the same objects cannot compare equal.
        return new PageInputs([article, snapshot.IsPublic(article), today, reviewer ?? (object)NoReviewer,
            authors.Length, .. authors, related.Length, .. related]);
    }

    private static readonly object NoReviewer = new();
}
