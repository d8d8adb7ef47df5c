using Stackwise.Web.Content.Snapshot;

namespace Stackwise.Web.Content.Hosting;

/// <summary>
/// Starts a background full garbage collection after a swap once the snapshots replaced since the last one have left enough
/// garbage. A save replaces a few lists of every article (about 5 MB at 100,000 articles), and what they replace lives in
/// gen2 and the large object heap, which only a full collection frees; the runtime's own budget let a site of 100,000
/// articles grow from 1,050 to 1,600 MB over about 100 saves before it ran one ("A full collection after saves" in
/// docs/performance.md). The collection is concurrent: requests go on while it marks.
/// </summary>
internal sealed partial class FullCollections(ILogger<FullCollections> logger) : ISnapshotObserver
{
    /// <summary>The least garbage worth a full collection, however small the site.</summary>
    internal const long MinimumGarbage = 64L << 20;

    public Task SnapshotSwappedAsync(ContentChange change, CancellationToken cancellationToken)
    {
        if (change.Before is not null)
        {
            CollectIfWorthIt(change.After.Version);
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// After a background warm, above all the first snapshot's: building the first search index of 100,000 articles leaves
    /// hundreds of megabytes of garbage, and collected here, off any save, it no longer falls on the first save after a
    /// start, where the collection's marking took one of the two cores while the saved page was rendered ("A full
    /// collection after saves" in docs/performance.md).
    /// </summary>
    public void Warmed(ContentSnapshot snapshot) => CollectIfWorthIt(snapshot.Version);

    private void CollectIfWorthIt(long version)
    {
        var background = GC.GetGCMemoryInfo(GCKind.Background);
        var blocking = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        var afterLastFull = (background.Index > blocking.Index ? background : blocking).HeapSizeBytes;
        var now = GC.GetGCMemoryInfo(GCKind.Any).HeapSizeBytes;
        if (IsWorthIt(now, afterLastFull))
        {
            LogCollecting(version, (now - afterLastFull) >> 20);
            GC.Collect(2, GCCollectionMode.Forced, blocking: false);
        }
    }

    /// <summary>True when the heap grew since the last full collection by a sixteenth of what that one kept, and at
    /// least <see cref="MinimumGarbage"/>.</summary>
    internal static bool IsWorthIt(long heapNow, long heapAfterLastFull) =>
        heapNow - heapAfterLastFull > Math.Max(MinimumGarbage, heapAfterLastFull / 16);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Content version {Version}: a full collection started, the heap having grown by {Grown} MB since the last")]
    private partial void LogCollecting(long version, long grown);
}
