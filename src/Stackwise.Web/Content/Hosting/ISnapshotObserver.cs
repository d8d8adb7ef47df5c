using Stackwise.Web.Content.Snapshot;

namespace Stackwise.Web.Content.Hosting;

/// <summary>
/// Told of each new snapshot with the keys it changed (<see cref="ContentChange"/>): <see cref="Swapping"/> right before it
/// goes live, for what must never serve the old content beside the new (the response cache), and
/// <see cref="SnapshotSwappedAsync"/> after, before the reload completes (CDN purges), and <see cref="Warmed"/> when a
/// snapshot warmed in the background is ready. The store calls each observer in
/// turn and logs one that fails (with the snapshot version and the observer's name); the new snapshot goes online either way.
/// </summary>
public interface ISnapshotObserver
{
    void Swapping(ContentChange change)
    {
    }

    Task SnapshotSwappedAsync(ContentChange change, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Told when a snapshot that went live unwarmed (the first one, or one that came while another was warming) has been
    /// warmed in the background: its search index and the rest are built, and the garbage of building them is made.
    /// </summary>
    void Warmed(ContentSnapshot snapshot)
    {
    }
}

/// <summary>A new snapshot and what differs from the one it replaces.</summary> <param name="Before">The snapshot it
/// replaces; null for the first one a process loads.</param> <param name="Keys">The <see cref="ContentKeys"/> whose
/// values differ; for the first snapshot, <see cref="ContentKeys.Site"/> alone (anything may have changed while the
/// site was down).</param>
public sealed record ContentChange(ContentSnapshot? Before, ContentSnapshot After, IReadOnlySet<string> Keys)
{
    public static ContentChange Between(ContentSnapshot? before, ContentSnapshot after, IEnumerable<IPerSnapshot> declared) =>
        new(before, after, before is null
            ? new HashSet<string>([ContentKeys.Site], StringComparer.Ordinal)
            : ContentKeys.Changed(before, after, declared));
}
