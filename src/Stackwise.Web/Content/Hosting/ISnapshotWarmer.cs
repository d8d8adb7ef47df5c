using Stackwise.Web.Content.Snapshot;

namespace Stackwise.Web.Content.Hosting;

/// <summary>
/// Prepares what another feature derives from a new snapshot (see <see cref="ContentSnapshot.Derived{T}"/>) right after
/// the store swaps it in, so that few requests wait for it (<see cref="SnapshotWarming"/> runs it, and logs its failures).
/// </summary>
public interface ISnapshotWarmer
{
    void Warm(ContentSnapshot snapshot);
}
