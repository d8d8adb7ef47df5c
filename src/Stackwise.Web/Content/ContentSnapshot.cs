using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Stackwise.Web.Content;

/// <summary>
/// Everything the site serves, loaded and rendered up front. Immutable: a reload builds a new snapshot
/// and swaps it in whole, so a request always sees one consistent version of the content.
/// </summary>
public sealed class ContentSnapshot
{
    private ContentSnapshot(
        FrozenDictionary<string, ContentDocument> byUrl,
        ImmutableArray<Article> articles,
        ImmutableArray<ContentProblem> problems,
        int filesRead,
        int filesRejected)
    {
        ByUrl = byUrl;
        Articles = articles;
        Problems = problems;
        FilesRead = filesRead;
        FilesRejected = filesRejected;
    }

    public static ContentSnapshot Empty { get; } = Create([], [], filesRead: 0);

    /// <summary>Every served document by its URL path, such as <c>/terms</c>.</summary>
    public FrozenDictionary<string, ContentDocument> ByUrl { get; }

    /// <summary>Every article, newest first.</summary>
    public ImmutableArray<Article> Articles { get; }

    /// <summary>Every problem found while loading, errors and warnings, in file order.</summary>
    public ImmutableArray<ContentProblem> Problems { get; }

    public int FilesRead { get; }

    /// <summary>Markdown files left off the site because they have at least one error.</summary>
    public int FilesRejected { get; }

    public static ContentSnapshot Create(IEnumerable<ContentDocument> documents, IEnumerable<ContentProblem> problems, int filesRead)
    {
        var byUrl = documents.ToFrozenDictionary(document => document.Url, StringComparer.Ordinal);
        var articles = byUrl.Values.OfType<Article>()
            .OrderByDescending(article => article.Published)
            .ThenBy(article => article.Title, StringComparer.Ordinal)
            .ToImmutableArray();
        var problemList = problems
            .OrderBy(problem => problem.File, StringComparer.Ordinal)
            .ThenBy(problem => problem.Position.Line)
            .ThenBy(problem => problem.Position.Column)
            .ToImmutableArray();
        var rejected = problemList
            .Where(problem => problem.Severity == ProblemSeverity.Error)
            .Select(problem => problem.File)
            .Distinct(StringComparer.Ordinal)
            .Count();
        return new ContentSnapshot(byUrl, articles, problemList, filesRead, rejected);
    }

    public Article? FindArticle(string section, string slug) =>
        ByUrl.GetValueOrDefault($"/{section}/{slug}") as Article;

    public SitePage? FindPage(string slug) => ByUrl.GetValueOrDefault($"/{slug}") as SitePage;
}
