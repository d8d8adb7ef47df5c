namespace Stackwise.Web.Content;

/// <summary>
/// Prepares what another feature derives from a new snapshot (see <see cref="ContentSnapshot.Derived{T}"/>)
/// before the store swaps it in, so no request waits for it or sees the new content without it.
/// </summary>
public interface ISnapshotWarmer
{
    void Warm(ContentSnapshot snapshot);
}
