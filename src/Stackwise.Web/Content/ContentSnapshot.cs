using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Collections.Immutable;
using Stackwise.Web.Rendering;

namespace Stackwise.Web.Content;

/// <summary>
/// Everything the site serves, loaded, rendered and indexed up front: no request scans the articles.
/// Immutable: a reload builds a new snapshot and swaps it in whole, so a request always sees one
/// consistent version of the content.
/// </summary>
public sealed class ContentSnapshot
{
    private static long _versions;

    private readonly ConcurrentDictionary<Type, Lazy<object>> _derived = new();

    private ContentSnapshot(LoadedContent content, ContentVisibility visibility)
    {
        var problems = content.Problems.ToList();
        var documents = UnifyCategorySpellings(content.Documents, problems);
        Visibility = visibility;
        ByFile = documents.ToFrozenDictionary(document => document.Path.File, StringComparer.Ordinal);
        Parsed = content.Parsed.ToFrozenDictionary(StringComparer.Ordinal);
        NextPublication = documents.OfType<Article>()
            .Where(article => !article.IsDraft && article.Dates.Published > visibility.Today)
            .Select(article => (DateOnly?)article.Dates.Published)
            .Concat(Parsed.Values.Select(file => file.RecheckOn))
            .Min();
        ByUrl = documents
            .Where(document => visibility.IncludeUnpublished || visibility.IsPublic(document))
            .ToFrozenDictionary(document => document.Url, StringComparer.Ordinal);
        Articles = [.. ByUrl.Values.OfType<Article>()
            .OrderByDescending(article => article.Dates.Published)
            .ThenBy(article => article.Title, StringComparer.Ordinal)];
        FilesRead = content.FilesRead;
        KeptFiles = content.KeptFiles.ToFrozenSet(StringComparer.Ordinal);
        Categories = [.. Articles.GroupBy(article => article.Category)
            .Select(group => new CategoryListing(group.Key, [.. group]))
            .OrderBy(listing => listing.Category.Name, StringComparer.OrdinalIgnoreCase)];
        CategoriesBySlug = Categories.ToFrozenDictionary(listing => listing.Category.Slug, StringComparer.Ordinal);
        ByRisk = Enum.GetValues<RiskLevel>().ToFrozenDictionary(risk => risk, risk => Articles.Where(article => article.Risk == risk).ToImmutableArray());
        ServedPaths = ByUrl.Keys
            .Concat(["/"])
            .Concat(Categories.Select(listing => listing.Category.Url))
            .Concat(Enum.GetValues<RiskLevel>().Select(risk => risk.Url()))
            .Concat(Categories.SelectMany(listing => ListPages.LaterPageUrls(listing.Category.Url, listing.Articles.Length)))
            .Concat(Enum.GetValues<RiskLevel>().SelectMany(risk => ListPages.LaterPageUrls(risk.Url(), ByRisk[risk].Length)))
            .ToFrozenSet(StringComparer.Ordinal);
        Redirects = SiteRedirects.Build(ByUrl.Values, content.Gone, ServedPaths, problems);
        foreach (var document in ByUrl.Values)
        {
            BodyChecks.CheckLinks(document, this, content.Images, problems);
        }
        Problems = [.. problems
            .OrderBy(problem => problem.File, StringComparer.Ordinal)
            .ThenBy(problem => problem.Position.Line)
            .ThenBy(problem => problem.Position.Column)];
        ProblemsByUrl = Problems
            .GroupBy(problem => ContentPath.TryParse(problem.File, out var path, out _) ? path.Url : null)
            .Where(group => group.Key is not null)
            .ToFrozenDictionary(group => group.Key ?? "", group => group.ToImmutableArray(), StringComparer.Ordinal);
    }

    public static ContentSnapshot Empty { get; } = Create(LoadedContent.Empty, new ContentVisibility(DateOnly.MinValue, IncludeUnpublished: false));

    public ContentVisibility Visibility { get; }

    /// <summary>Unique and increasing per snapshot made in this process: output cache entries are keyed by it.</summary>
    public long Version { get; } = Interlocked.Increment(ref _versions);

    /// <summary>Every valid document by its file, unpublished ones included: the last good versions for the next reload.</summary>
    public FrozenDictionary<string, ContentDocument> ByFile { get; }

    /// <summary>Each markdown file's last parse with its file stamp: what the next reload reuses for unchanged files.</summary>
    public FrozenDictionary<string, ParsedFile> Parsed { get; }

    /// <summary>
    /// When the next reload must happen by itself: the earliest future <c>published</c> date of a non-draft article, or
    /// the day a file's date checks come out differently (an <c>updated</c> date that was in the future becomes valid).
    /// </summary>
    public DateOnly? NextPublication { get; }

    /// <summary>Files whose latest version has errors while their last good version stays online.</summary>
    public FrozenSet<string> KeptFiles { get; }

    /// <summary>The problems of each file, by the URL the file claims, for the Development preview of a rejected page.</summary>
    public FrozenDictionary<string, ImmutableArray<ContentProblem>> ProblemsByUrl { get; }

    /// <summary>Every served document by its URL path, such as <c>/terms</c>.</summary>
    public FrozenDictionary<string, ContentDocument> ByUrl { get; }

    /// <summary>Every article, newest first.</summary>
    public ImmutableArray<Article> Articles { get; }

    /// <summary>Every category that has articles, by name.</summary>
    public ImmutableArray<CategoryListing> Categories { get; }

    public FrozenDictionary<string, CategoryListing> CategoriesBySlug { get; }

    /// <summary>The articles of each risk level, newest first; every level is present, possibly empty.</summary>
    public FrozenDictionary<RiskLevel, ImmutableArray<Article>> ByRisk { get; }

    /// <summary>Every path the site answers 200 for from content: home, documents, categories and risk levels.</summary>
    public FrozenSet<string> ServedPaths { get; }

    public SiteRedirects Redirects { get; }

    /// <summary>Every problem found while loading, errors and warnings, in file order.</summary>
    public ImmutableArray<ContentProblem> Problems { get; }

    public int FilesRead { get; }

    /// <summary>Files with at least one error: left off the site, or kept at their last good version.</summary>
    public int FilesRejected => Problems.Where(problem => problem.RejectsFile)
        .Select(problem => problem.File).Distinct(StringComparer.Ordinal).Count();

    public int ErrorCount => Problems.Count(problem => problem.Severity == ProblemSeverity.Error);

    public int WarningCount => Problems.Count(problem => problem.Severity == ProblemSeverity.Warning);

    public static ContentSnapshot Create(LoadedContent content, ContentVisibility visibility) => new(content, visibility);

    /// <summary>
    /// Data another feature builds from this snapshot (the search index), built once on first use and shared;
    /// it lives and dies with the snapshot, so it always matches the content it was built from.
    /// </summary>
    public T Derived<T>(Func<ContentSnapshot, T> build)
        where T : class =>
        // Looked up first: the prepared responses are asked for on every request, and the lookup allocates nothing.
        (T)(_derived.TryGetValue(typeof(T), out var built) ? built : _derived.GetOrAdd(typeof(T), _ => new Lazy<object>(() => build(this), LazyThreadSafetyMode.ExecutionAndPublication))).Value;

    /// <summary>False for drafts and scheduled articles, which a Development snapshot serves as previews.</summary>
    public bool IsPublic(ContentDocument document) => Visibility.IsPublic(document);

    public Article? FindArticle(string section, string slug) =>
        ByUrl.GetValueOrDefault($"/{section}/{slug}") as Article;

    public SitePage? FindPage(string slug) => ByUrl.GetValueOrDefault($"/{slug}") as SitePage;

    /// <summary>Other articles in the same category or sharing tags, closest first; empty when there are none.</summary>
    public ImmutableArray<Article> RelatedTo(Article article) => Derived(snapshot => new RelatedArticles(snapshot.Articles)).For(article);

    /// <summary>
    /// Categories whose names differ only in case or punctuation share one page; every article takes the
    /// most used spelling, and the others get a warning so the editor can make them agree.
    /// </summary>
    private static List<ContentDocument> UnifyCategorySpellings(IReadOnlyList<ContentDocument> documents, List<ContentProblem> problems)
    {
        var canonical = documents.OfType<Article>()
            .GroupBy(article => article.Category.Slug, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group
                .GroupBy(article => article.Category.Name, StringComparer.Ordinal)
                .OrderByDescending(spelling => spelling.Count())
                .ThenBy(spelling => spelling.Key, StringComparer.Ordinal)
                .First().First().Category, StringComparer.Ordinal);

        return [.. documents.Select(document =>
        {
            if (document is not Article article || article.Category == canonical[article.Category.Slug])
            {
                return document;
            }
            var category = canonical[article.Category.Slug];
            problems.Add(new ContentProblem(article.Path.File, SourcePosition.Start, ProblemSeverity.Warning, ProblemCodes.CategorySpelling,
                $"category `{article.Category.Name}` is written `{category.Name}` in other articles; the site shows `{category.Name}`"));
            return article with { Category = category };
        })];
    }
}
