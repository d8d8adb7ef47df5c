using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Collections.Immutable;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Content.Parsing;

namespace Stackwise.Web.Content.Snapshot;

/// <summary>
/// Everything the site serves, loaded, rendered and indexed up front: no request scans the articles.
/// Immutable: a reload builds a new snapshot and swaps it in whole, so a request always sees one
/// consistent version of the content. Only <see cref="SnapshotBuilder"/> makes one, and every property is required, so
/// no code ever sees a half-built snapshot. The maps with one entry per file are read-only views of dictionaries nothing
/// else holds rather than frozen dictionaries: as immutable, and a reload does not pay for a frozen dictionary's analysis
/// of 10,000 keys, about a third of the snapshot's build, for lookups that no hot path makes (docs/performance.md).
/// </summary>
public sealed class ContentSnapshot
{
    // The empty snapshot a store starts with is version 0, so the first load a site logs is version 1.
    private static long _versions = -1;

    private readonly ConcurrentDictionary<Type, Lazy<object>> _derived = new();

    private readonly Lazy<IReadOnlyDictionary<string, ImmutableArray<ContentProblem>>> _problemsByUrl;

    internal ContentSnapshot()
    {
        _problemsByUrl = new(() => SnapshotBuilder.ProblemsByUrl(Problems));
    }

    public static ContentSnapshot Empty { get; } = Create(LoadedContent.Empty, new ContentVisibility(DateOnly.MinValue, IncludeUnpublished: false));

    public required ContentVisibility Visibility { get; init; }

    /// <summary>Unique and increasing per snapshot made in this process: output cache entries are keyed by it.</summary>
    public long Version { get; } = Interlocked.Increment(ref _versions);

    /// <summary>Every valid document by its file, unpublished ones included: the last good versions for the next reload.</summary>
    public required IReadOnlyDictionary<string, ContentDocument> ByFile { get; init; }

    /// <summary>Each markdown file's last parse with its file stamp: what the next reload reuses for unchanged files.</summary>
    public required IReadOnlyDictionary<string, ParsedFile> Parsed { get; init; }

    /// <summary>The problems the folder listing found (links not followed): what a reload listing only changed paths carries over.</summary>
    public required ImmutableArray<ContentProblem> ListingProblems { get; init; }

    /// <summary>
    /// When the next reload must happen by itself: the earliest future <c>published</c> date of a non-draft article, or
    /// the day a file's date checks come out differently (an <c>updated</c> date that was in the future becomes valid).
    /// </summary>
    public required DateOnly? NextPublication { get; init; }

    /// <summary>Files whose latest version has errors while their last good version stays online.</summary>
    public required FrozenSet<string> KeptFiles { get; init; }

    /// <summary>
    /// The problems of each file, by the URL the file claims, for the Development preview of a rejected page: made on
    /// first use, since only that page reads it and a reload at 10,000 files spent a tenth of its time making it.
    /// </summary>
    public IReadOnlyDictionary<string, ImmutableArray<ContentProblem>> ProblemsByUrl => _problemsByUrl.Value;

    /// <summary>Every served document by its URL path, such as <c>/terms</c>.</summary>
    public required IReadOnlyDictionary<string, ContentDocument> ByUrl { get; init; }

    /// <summary>Every article, newest first.</summary>
    public required ImmutableArray<Article> Articles { get; init; }

    /// <summary>Every category that has articles, by name.</summary>
    public required ImmutableArray<CategoryListing> Categories { get; init; }

    public required FrozenDictionary<string, CategoryListing> CategoriesBySlug { get; init; }

    /// <summary>Every writer and reviewer by slug, each with the served articles they wrote and reviewed.</summary>
    public required FrozenDictionary<string, PersonListing> People { get; init; }

    /// <summary>The articles of each risk level, newest first; every level is present, possibly empty.</summary>
    public required FrozenDictionary<RiskLevel, ImmutableArray<Article>> ByRisk { get; init; }

    /// <summary>Every path the site answers 200 for from content: home, documents, categories and risk levels.</summary>
    public required IReadOnlySet<string> ServedPaths { get; init; }

    public required SiteRedirects Redirects { get; init; }

    /// <summary>Every problem found while loading, errors and warnings, in file order.</summary>
    public required ImmutableArray<ContentProblem> Problems { get; init; }

    public required int FilesRead { get; init; }

    /// <summary>Files with at least one error: left off the site, or kept at their last good version.</summary>
    public int FilesRejected => Problems.Where(problem => problem.RejectsFile)
        .Select(problem => problem.File).Distinct(StringComparer.Ordinal).Count();

    public int ErrorCount => Problems.Count(problem => problem.Severity == ProblemSeverity.Error);

    public int WarningCount => Problems.Count(problem => problem.Severity == ProblemSeverity.Warning);

    /// <summary>Indexes loaded content into a snapshot (<see cref="SnapshotBuilder"/> says in which order).</summary>
    public static ContentSnapshot Create(LoadedContent content, ContentVisibility visibility) => SnapshotBuilder.Build(content, visibility);

    /// <summary>
    /// Data another feature builds from this snapshot (the search index), built once on first use and shared;
    /// it lives and dies with the snapshot, so it always matches the content it was built from.
    /// </summary>
    public T Derived<T>(Func<ContentSnapshot, T> build)
        where T : class =>
        // Looked up first: the prepared responses are asked for on every request, and the lookup allocates nothing.
        (T)(_derived.TryGetValue(typeof(T), out var built) ? built : _derived.GetOrAdd(typeof(T), _ => new Lazy<object>(() => build(this), LazyThreadSafetyMode.ExecutionAndPublication))).Value;

    /// <summary>True once <see cref="Derived{T}"/> has made (or is making) a <typeparamref name="T"/> for this snapshot.</summary>
    internal bool IsDerived<T>()
        where T : class => _derived.ContainsKey(typeof(T));

    /// <summary>False for drafts and scheduled articles, which a Development snapshot serves as previews.</summary>
    public bool IsPublic(ContentDocument document) => Visibility.IsPublic(document);

    public Article? FindArticle(string section, string slug) =>
        ByUrl.GetValueOrDefault($"/{section}/{slug}") as Article;

    public SitePage? FindPage(string slug) => ByUrl.GetValueOrDefault($"/{slug}") as SitePage;

    /// <summary>The people an article names, in its order, leaving out any that do not exist (each reported as a problem).</summary>
    public ImmutableArray<Person> PeopleNamed(IEnumerable<PersonReference> named) =>
        [.. named.Select(person => People.GetValueOrDefault(person.Slug)?.Person).OfType<Person>()];

    /// <summary>Other articles in the same category or sharing tags, closest first; empty when there are none.</summary>
    public ImmutableArray<Article> RelatedTo(Article article) => Related.For(article);

    /// <summary>The indexes behind <see cref="RelatedTo"/>, built once per snapshot (<c>RelatedArticlesWarmer</c> builds them right after the swap).</summary>
    public RelatedArticles Related => Derived(snapshot => new RelatedArticles(snapshot.Articles));
}
