using System.Collections.Frozen;
using System.Collections.Immutable;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Content.Parsing;
using Stackwise.Web.Site;

namespace Stackwise.Web.Content.Snapshot;

/// <summary>
/// Everything the site serves, loaded, rendered and indexed up front: no request scans the articles.
/// Immutable: a reload makes a new snapshot and swaps it in whole, so a request always sees one consistent version of the
/// content. Only <see cref="SnapshotBuilder"/> (a whole load) and <see cref="SnapshotPatch"/> (a save of a few files) make
/// one, and every property is required, so no code ever sees a half-built snapshot. The maps with one entry per file are
/// immutable dictionaries: a patch sets a few entries and shares the rest, where copying three maps of 100,000 entries
/// took 29 ms of each save, and no hot path looks them up ("Immutable maps by file and URL" in docs/performance.md).
/// </summary>
public sealed class ContentSnapshot
{
    // The empty snapshot a store starts with is version 0, so the first load a site logs is version 1.
    private static long _versions = -1;

    private readonly Lazy<IReadOnlyDictionary<string, ImmutableArray<ContentProblem>>> _problemsByUrl;

    internal ContentSnapshot()
    {
        _problemsByUrl = new(() => SnapshotBuilder.ProblemsByUrl(Problems));
        _related = new(() => new RelatedArticles(_indexes.Articles, _indexes.ByTag, _indexes.CategoriesBySlug));
        _fingerprint = new(() => ContentFingerprint.Of(Parsed!, _indexes.Redirects));  // required: set by the time anything asks
    }

    private readonly Lazy<ulong> _fingerprint;

    /// <summary>
    /// The same on every process that loaded the same files (each markdown file's path and bytes, and the redirects), unlike
    /// <see cref="Version"/>: how an operator tells that every instance serves the same content. Worked out on first use
    /// (a metrics scrape), not by the reload.
    /// </summary>
    public ulong Fingerprint => _fingerprint.Value;

    private readonly Lazy<RelatedArticles> _related;

    public static ContentSnapshot Empty { get; } = Create(LoadedContent.Empty, new ContentVisibility(DateOnly.MinValue, IncludeUnpublished: false));

    public required ContentVisibility Visibility { get; init; }

    /// <summary>Unique and increasing per snapshot made in this process: the response cache keeps only renders of the
    /// version it is at.</summary>
    public long Version { get; init; } = Interlocked.Increment(ref _versions);

    /// <summary>A new version number, for a snapshot and its editions to share.</summary>
    internal static long NextVersion() => Interlocked.Increment(ref _versions);

    /// <summary>The language whose lists this is (<c>content/{language}/</c>), or null for the site's default language.</summary>
    public string? Language { get; init; }

    /// <summary>
    /// The same content seen from each other language's part of the site (<c>/es/...</c>): every document, path and redirect
    /// as here, and the lists (articles, categories, people, risk levels, tags) of that language. Empty on a site in one
    /// language, and on the editions themselves.
    /// </summary>
    public FrozenDictionary<string, ContentSnapshot> Editions { get; init; } = FrozenDictionary<string, ContentSnapshot>.Empty;

    /// <summary>The edition of <paramref name="language"/>; this snapshot for the default language or one it does not have.</summary>
    public ContentSnapshot Edition(string? language) => language is not null && Editions.GetValueOrDefault(language) is { } edition ? edition : this;

    /// <summary>Served articles in every language: what the log line and the gauges count.</summary>
    internal int ArticleCount => _indexes.Articles.Length + Editions.Values.Sum(edition => edition._indexes.Articles.Length);

    /// <summary>Writers and reviewers in every language.</summary>
    internal int PersonCount => _indexes.People.Count + Editions.Values.Sum(edition => edition._indexes.People.Count);

    /// <summary>Site pages served in every language: every document by URL but the articles and the people.</summary>
    internal int SitePageCount => _indexes.ByUrl.Count - ArticleCount - PersonCount;

    /// <summary>A site path in this edition's part of the site: <c>/es/search</c> for <c>/search</c>.</summary>
    public string PathOf(string path) => SiteRoutes.In(Language, path);

    /// <summary>A site page the layout links to (<c>/terms</c>) in this edition's language when it has one, else the default
    /// language's: a language without its own terms page links to the site's.</summary>
    public string SitePageOf(string path) => Language is not null && Serves(PathOf(path)) ? PathOf(path) : path;

    // A list's key names its language: the Spanish category `terapia` is not the English one.
    private string ListKey(string key) => Language is null ? key : $"{Language}:{key}";

    /// <summary>Every valid document by its file, unpublished ones included: the last good versions for the next reload.</summary>
    public required IReadOnlyDictionary<string, ContentDocument> ByFile { get => Recorded(field, ContentKeys.Everything); init; }

    /// <summary>Each markdown file's last parse with its file stamp: what the next reload reuses for unchanged files.</summary>
    public required IReadOnlyDictionary<string, ParsedFile> Parsed { get; init; }

    /// <summary>The problems the folder listing found (links not followed): what a reload listing only changed paths
    /// carries over.</summary>
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
    public IReadOnlyDictionary<string, ImmutableArray<ContentProblem>> ProblemsByUrl => Recorded(_problemsByUrl.Value, ContentKeys.Everything);

    // The indexes pages read. Each public member records what it gives out (ContentReads), so whatever a page reads is a key
    // of its cached response; the change computation reads them through Unrecorded.
    private readonly Indexes _indexes = new();

    /// <summary>The indexes as they are, without recording: for <see cref="ContentKeys"/> and the snapshot's own lookups.</summary>
    internal Indexes Unrecorded => _indexes;

    /// <summary>Every served document by its URL path, such as <c>/terms</c>. Reading the whole map makes a page depend
    /// on everything.</summary>
    public required IReadOnlyDictionary<string, ContentDocument> ByUrl { get => Recorded(_indexes.ByUrl, ContentKeys.Everything); init => _indexes.ByUrl = value; }

    /// <summary>Every article, newest first.</summary>
    public required ImmutableArray<Article> Articles { get => Recorded(_indexes.Articles, ListKey(ContentKeys.Articles)); init => _indexes.Articles = value; }

    /// <summary>Every category that has articles, by name.</summary>
    public required ImmutableArray<CategoryListing> Categories { get => Recorded(_indexes.Categories, ListKey(ContentKeys.Categories)); init => _indexes.Categories = value; }

    public required FrozenDictionary<string, CategoryListing> CategoriesBySlug { get => Recorded(_indexes.CategoriesBySlug, ListKey(ContentKeys.Categories)); init => _indexes.CategoriesBySlug = value; }

    /// <summary>Every writer and reviewer by slug, each with the served articles they wrote and reviewed.</summary>
    public required FrozenDictionary<string, PersonListing> People { get => Recorded(_indexes.People, ListKey(ContentKeys.People)); init => _indexes.People = value; }

    /// <summary>The articles of each risk level, newest first; every level is present, possibly empty.</summary>
    public required FrozenDictionary<RiskLevel, ImmutableArray<Article>> ByRisk { get => Recorded(_indexes.ByRisk, ListKey(ContentKeys.Risks)); init => _indexes.ByRisk = value; }

    /// <summary>Every path the site answers 200 for from content: home, documents, categories and risk levels.</summary>
    public required IReadOnlySet<string> ServedPaths { get => Recorded(_indexes.ServedPaths, ContentKeys.Everything); init => _indexes.ServedPaths = value; }

    public required SiteRedirects Redirects { get => Recorded(_indexes.Redirects, ContentKeys.Everything); init => _indexes.Redirects = value; }

    /// <summary>The served articles of each tag, by the tag in lower case, newest first (what related articles are chosen from).</summary>
    public required IReadOnlyDictionary<string, ImmutableArray<Article>> ByTag { get => Recorded(_indexes.ByTag, ContentKeys.Everything); init => _indexes.ByTag = value; }

    /// <summary>Every problem found while loading, errors and warnings, in file order.</summary>
    public required ImmutableArray<ContentProblem> Problems { get => Recorded(field, ContentKeys.Everything); init; }

    public required int FilesRead { get; init; }

    /// <summary>What <see cref="SnapshotPatch"/> starts the next snapshot from when a save changes only a few files.</summary>
    internal PatchBase Patchable { get; init; } = null!;

    /// <summary>Set when this snapshot was patched from the one before: which version, and the documents the patch replaced.</summary>
    internal PatchOrigin? PatchedFrom { get; init; }

    /// <summary>Files with at least one error: left off the site, or kept at their last good version.</summary>
    public int FilesRejected => Problems.Where(problem => problem.RejectsFile)
        .Select(problem => problem.File).Distinct(StringComparer.Ordinal).Count();

    public int ErrorCount => Problems.Count(problem => problem.Severity == ProblemSeverity.Error);

    public int WarningCount => Problems.Count(problem => problem.Severity == ProblemSeverity.Warning);

    /// <summary>Indexes loaded content into a snapshot (<see cref="SnapshotBuilder"/> says in which order).</summary>
    public static ContentSnapshot Create(LoadedContent content, ContentVisibility visibility) => SnapshotBuilder.Build(content, visibility);

    /// <summary>False for drafts and scheduled articles, which a Development snapshot serves as previews.</summary>
    public bool IsPublic(ContentDocument document)
    {
        ContentReads.Record(ContentKeys.Document(document.Url));
        return IsPublicUnrecorded(document);
    }

    internal bool IsPublicUnrecorded(ContentDocument document) => Visibility.IsPublic(document);

    /// <summary>The document served at <paramref name="url"/>, or null; either way the page depends on what is there.</summary>
    public ContentDocument? Find(string url)
    {
        ContentReads.Record(ContentKeys.Document(url));
        return _indexes.ByUrl.GetValueOrDefault(url);
    }

    public Article? FindArticle(string section, string slug) => Find(PathOf(SiteRoutes.Article(section, slug))) as Article;

    public SitePage? FindPage(string slug) => Find(PathOf(SiteRoutes.SitePage(slug))) as SitePage;

    /// <summary>True when content answers <paramref name="path"/> with a page (a document, a list or one of its pages).</summary>
    public bool Serves(string path)
    {
        ContentReads.Record(ContentKeys.Document(path));
        return _indexes.ServedPaths.Contains(path);
    }

    /// <summary>Where <paramref name="path"/> moved to (an alias or <c>redirects.yml</c>), or null.</summary>
    public string? MovedTo(string path)
    {
        ContentReads.Record(ContentKeys.Document(path));
        return _indexes.Redirects.Moved.GetValueOrDefault(path);
    }

    /// <summary>True when <c>redirects.yml</c> lists <paramref name="path"/> as gone.</summary>
    public bool IsGone(string path)
    {
        ContentReads.Record(ContentKeys.Document(path));
        return _indexes.Redirects.Gone.Contains(path);
    }

    public CategoryListing? FindCategory(string slug)
    {
        ContentReads.Record(ListKey(ContentKeys.Category(slug)));
        return _indexes.CategoriesBySlug.GetValueOrDefault(slug);
    }

    /// <summary>The articles of one risk level, newest first.</summary>
    public ImmutableArray<Article> RiskArticles(RiskLevel risk)
    {
        ContentReads.Record(ListKey(ContentKeys.Risk(risk)));
        return _indexes.ByRisk[risk];
    }

    /// <summary>A person with the articles they wrote and reviewed, or null.</summary>
    public PersonListing? FindPerson(string slug)
    {
        ContentReads.Record(ListKey(ContentKeys.Person(slug)));
        ContentReads.Record(ContentKeys.Document(PathOf(SiteRoutes.Person(slug))));
        return _indexes.People.GetValueOrDefault(slug);
    }

    /// <summary>The people an article names, in its order, leaving out any that do not exist (each reported as a problem).</summary>
    public ImmutableArray<Person> PeopleNamed(IEnumerable<PersonReference> named) =>
        [.. named.Select(person => Find(PathOf(SiteRoutes.Person(person.Slug))) as Person).OfType<Person>()];

    /// <summary>Other articles in the same category or sharing tags, closest first; empty when there are none.</summary>
    public ImmutableArray<Article> RelatedTo(Article article)
    {
        // The list is chosen from the articles sharing a tag and the newest of the category, and shows each one's title.
        foreach (var tag in article.Tags)
        {
            ContentReads.Record(ListKey(ContentKeys.Tag(tag)));
        }
        ContentReads.Record(ListKey(ContentKeys.Newest(article.Category.Slug)));
        var related = Related.For(article);
        foreach (var other in related)
        {
            ContentReads.Record(ContentKeys.Document(other.Url));
        }
        return related;
    }

    /// <summary>The lists behind <see cref="RelatedTo"/>, and each article's related articles once asked for.</summary>
    public RelatedArticles Related => _related.Value;

    private static T Recorded<T>(T value, string key)
    {
        ContentReads.Record(key);
        return value;
    }

    /// <summary>The snapshot's indexes, set once by <see cref="SnapshotBuilder"/> through the required members.</summary>
    internal sealed class Indexes
    {
        public IReadOnlyDictionary<string, ContentDocument> ByUrl { get; set; } = null!;
        public ImmutableArray<Article> Articles { get; set; }
        public ImmutableArray<CategoryListing> Categories { get; set; }
        public FrozenDictionary<string, CategoryListing> CategoriesBySlug { get; set; } = null!;
        public FrozenDictionary<string, PersonListing> People { get; set; } = null!;
        public FrozenDictionary<RiskLevel, ImmutableArray<Article>> ByRisk { get; set; } = null!;
        public IReadOnlySet<string> ServedPaths { get; set; } = null!;
        public SiteRedirects Redirects { get; set; } = null!;
        public IReadOnlyDictionary<string, ImmutableArray<Article>> ByTag { get; set; } = null!;
    }
}
