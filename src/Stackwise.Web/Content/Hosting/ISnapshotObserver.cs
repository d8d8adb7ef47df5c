using Stackwise.Web.Content.Snapshot;

namespace Stackwise.Web.Content.Hosting;

/// <summary>
/// Told each time the store swaps in a new snapshot, before the reload completes: for work that must follow every swap,
/// such as emptying a cache of responses rendered from older snapshots. The store awaits each observer in turn and logs
/// one that fails (with the snapshot version and the observer's name); the new snapshot stays online either way.
/// </summary>
public interface ISnapshotObserver
{
    Task SnapshotSwappedAsync(ContentSnapshot snapshot, CancellationToken cancellationToken);
}
