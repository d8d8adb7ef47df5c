using Stackwise.Web.Content.Hosting;

namespace Stackwise.Web.Tests.Support;

/// <summary>Observes the test app's snapshot swaps, so a test waits for the next one instead of polling on a timer.</summary>
public sealed class SnapshotSwaps : ISnapshotObserver
{
    private readonly Lock _lock = new();
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _count;

    /// <summary>How many swaps there have been, the first load's included.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>A task that completes at the next swap after this call.</summary>
    public Task Next
    {
        get
        {
            lock (_lock)
            {
                return _next.Task;
            }
        }
    }

    public Task SnapshotSwappedAsync(ContentChange change, CancellationToken cancellationToken)
    {
        TaskCompletionSource swapped;
        Interlocked.Increment(ref _count);
        lock (_lock)
        {
            swapped = _next;
            _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        swapped.SetResult();
        return Task.CompletedTask;
    }
}
