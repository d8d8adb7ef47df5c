using Stackwise.Web.Content.Hosting;
using Stackwise.Web.Content.Snapshot;

namespace Stackwise.Web.Seo;

/// <summary>
/// Hands each new snapshot's prepared responses those of the snapshot it replaces, so a page whose inputs did not change
/// is served as it was instead of rendered again (<see cref="PreparedResponses.TryCarryOver"/>). Only the responses are
/// passed on, never the old snapshot, and only one level back.
/// </summary>
internal sealed class PreparedResponsesHandOver : ISnapshotObserver
{
    private PreparedResponses? _current;

    public Task SnapshotSwappedAsync(ContentSnapshot snapshot, CancellationToken cancellationToken)
    {
        var next = PreparedResponses.For(snapshot);
        if (Interlocked.Exchange(ref _current, next) is { } previous && previous != next)
        {
            next.CarryFrom(previous);
        }
        return Task.CompletedTask;
    }
}
