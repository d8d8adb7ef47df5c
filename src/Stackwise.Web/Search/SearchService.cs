using System.Diagnostics;
using Microsoft.Extensions.Options;
using Stackwise.Web.Content.Hosting;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Site;
using Stackwise.Web.Telemetry;

namespace Stackwise.Web.Search;

/// <summary>
/// Searches a snapshot's index. The index is built from the index built last (only changed articles are analysed again)
/// before a reload's snapshot goes live; the first snapshot's goes live first and is built right after, and a search that
/// arrives before it is complete waits for it without holding a thread (<see cref="IndexBuild"/>).
/// </summary>
public sealed partial class SearchService
{
    private readonly ILogger<SearchService> _logger;
    private readonly Func<ContentSnapshot, SearchIndex?, SearchIndex> _buildIndex;
    // Each snapshot's index and recent searches; search results are not cached responses, so neither records a key.
    private readonly PerSnapshot<IndexBuild> _indexes;
    private readonly PerSnapshot<RecentSearches> _recent = new(null, _ => new RecentSearches());
    // The index built last for each language ("" for the default): the next one of that language is built from it.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, SearchIndex> _latest = new(StringComparer.Ordinal);

    private readonly SiteMetrics _metrics;

    /// <summary>Indexes in the site's language (<c>Site:Languages</c>).</summary>
    public SearchService(ILogger<SearchService> logger, SiteMetrics metrics, IOptions<SiteOptions> site)
        : this(logger, metrics, (snapshot, previous) => SearchIndex.Build(snapshot, previous, SearchAnalysis.For(snapshot.Language ?? site.Value.Language)))
    {
    }

    /// <param name="buildIndex">Builds a snapshot's index from the previous one; tests hold it to see what a search does meanwhile.</param>
    internal SearchService(ILogger<SearchService> logger, SiteMetrics metrics, Func<ContentSnapshot, SearchIndex?, SearchIndex> buildIndex)
    {
        _logger = logger;
        _metrics = metrics;
        _buildIndex = buildIndex;
        _indexes = new(null, snapshot => new IndexBuild(() => Build(snapshot)));
    }

    /// <summary>
    /// The results of a query on the snapshot's index; a query asked before on the same snapshot is answered with the results
    /// it got then (<see cref="RecentSearches"/>): a search at 10,000 articles takes 1-5 ms and allocates about a megabyte,
    /// and most searches are the popular few ("Recent searches answered once per content version" in docs/performance.md).
    /// </summary>
    public async Task<SearchResults> SearchAsync(ContentSnapshot snapshot, SearchQuery query)
    {
        var start = Stopwatch.GetTimestamp();
        using var activity = SiteActivities.Source.StartActivity("search");
        var recent = _recent.Get(snapshot);
        if (recent.TryGet(query, out var kept))
        {
            LogRecentQuery(query.Text.Length, kept.Total);
            Measured(activity, start, kept, fromRecent: true);
            return kept;
        }
        var results = (await IndexOfAsync(snapshot)).Search(query);
        recent.Add(results);
        LogQuery(query.Text.Length, results.Total, results.Elapsed.TotalMilliseconds);
        Measured(activity, start, results, fromRecent: false);
        return results;
    }

    /// <summary>The search's duration and results in metrics and on its span (never the words asked: they are the reader's).</summary>
    private void Measured(Activity? activity, long start, SearchResults results, bool fromRecent)
    {
        _metrics.Searched(Stopwatch.GetElapsedTime(start), results.Total, fromRecent);
        activity?.SetTag("stackwise.search.results", results.Total);
        activity?.SetTag(SiteMetrics.SearchSourceTag, fromRecent ? "recent" : "index");
    }

    internal Task<SearchIndex> IndexOfAsync(ContentSnapshot snapshot) => _indexes.Get(snapshot).GetAsync();

    /// <summary>True when the snapshot's index is built; asking starts no build.</summary>
    internal bool HasIndex(ContentSnapshot snapshot) => _indexes.IsBuilt(snapshot) && _indexes.Get(snapshot).IsBuilt;

    private SearchIndex Build(ContentSnapshot snapshot)
    {
        var stopwatch = Stopwatch.StartNew();
        var language = snapshot.Language ?? "";
        var index = _buildIndex(snapshot, _latest.GetValueOrDefault(language));
        _latest[language] = index;
        LogBuilt(snapshot.Version, index.Count, index.Analyzed, index.Copied, stopwatch.Elapsed.TotalMilliseconds);
        return index;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Search of {QueryLength} characters found {Total} articles in {ElapsedMs:0.000} ms")]
    private partial void LogQuery(int queryLength, int total, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Search of {QueryLength} characters found {Total} articles, answered from this content version's recent searches")]
    private partial void LogRecentQuery(int queryLength, int total);

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index of content version {Version}: {Articles} articles, {Analyzed} of them analysed (the rest carried over), {Copied} copied into a merged segment, in {ElapsedMs:0} ms")]
    private partial void LogBuilt(long version, int articles, int analyzed, int copied, double elapsedMs);
}

/// <summary>Builds each new snapshot's search index with the other warmers (<see cref="Content.Hosting.SnapshotWarming"/>).</summary>
internal sealed class SearchIndexWarmer(SearchService search) : ISnapshotWarmer
{
    // The warmer is the first caller as a rule, so the build runs here and this wait is over before it begins.
    public void Warm(ContentSnapshot snapshot) => search.IndexOfAsync(snapshot).GetAwaiter().GetResult();
}
