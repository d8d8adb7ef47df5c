using Stackwise.Web.Content.Snapshot;

namespace Stackwise.Web.Content.Hosting;

/// <summary>
/// Prepares what another feature derives from a new snapshot (see <see cref="PerSnapshot{T}"/>) before the store
/// swaps it in (for the first snapshot, or while another is warming, right after), so that no request waits for it
/// (<see cref="SnapshotWarming"/> runs it, and logs its failures).
/// </summary>
public interface ISnapshotWarmer
{
    void Warm(ContentSnapshot snapshot);
}
