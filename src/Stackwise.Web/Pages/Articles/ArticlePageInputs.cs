using System.Collections.Immutable;
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
    private static readonly object NoReviewer = new();

    public PageInputs? InputsOf(ContentSnapshot snapshot, string path)
    {
        if (snapshot.ByUrl.GetValueOrDefault(path) is not Article { Image: null } article)
        {
            return null;
        }
        var read = Read(snapshot, article);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        // Each list is preceded by its length, so two different splits of the same objects cannot compare equal.
        return new PageInputs([article, read.IsPublic, today, read.Reviewer ?? NoReviewer,
            read.Authors.Length, .. read.Authors, read.Related.Length, .. read.Related]);
    }

    /// <summary>What the page reads from the snapshot besides the article: <see cref="ArticleModel"/> takes it from here too, so the two cannot drift apart.</summary>
    public static (ImmutableArray<Article> Related, ImmutableArray<Person> Authors, Person? Reviewer, bool IsPublic) Read(ContentSnapshot snapshot, Article article) =>
        (snapshot.RelatedTo(article), snapshot.PeopleNamed(article.Authors),
            article.ReviewedBy is { } reviewedBy ? snapshot.PeopleNamed([reviewedBy]).FirstOrDefault() : null, snapshot.IsPublic(article));
}
