using Stackwise.Web.Content.Hosting;
using Stackwise.Web.Content.Snapshot;

namespace Stackwise.Web.Search;

/// <summary>Searches a snapshot's index. The index is built in the background right after the snapshot goes live; a search that arrives first waits for the complete index.</summary>
public sealed partial class SearchService(ILogger<SearchService> logger)
{
    public SearchResults Search(ContentSnapshot snapshot, SearchQuery query)
    {
        var results = IndexOf(snapshot).Search(query);
        LogQuery(query.Text.Length, results.Total, results.Elapsed.TotalMilliseconds);
        return results;
    }

    internal static SearchIndex IndexOf(ContentSnapshot snapshot) => snapshot.Derived(SearchIndex.Build);

    [LoggerMessage(Level = LogLevel.Information, Message = "Search of {QueryLength} characters found {Total} articles in {ElapsedMs:0.000} ms")]
    private partial void LogQuery(int queryLength, int total, double elapsedMs);
}

/// <summary>Builds each new snapshot's search index in the background, right after the swap.</summary>
internal sealed class SearchIndexWarmer : ISnapshotWarmer
{
    public void Warm(ContentSnapshot snapshot) => SearchService.IndexOf(snapshot);
}
