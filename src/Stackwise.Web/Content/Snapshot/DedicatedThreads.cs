namespace Stackwise.Web.Content.Snapshot;

/// <summary>
/// Runs CPU work that takes every core for seconds (a whole load's parse, a full search index) on threads of its own rather
/// than on the thread pool: the pool adds no thread while the CPU is saturated, so pool threads held by such work left
/// requests queued until it ended (a 6.6 s stall while 50,000 files changed at 100,000 articles; "Dedicated threads
/// for long CPU work" in docs/performance.md). On threads of their own, the work and the requests share the cores
/// through the OS scheduler.
/// </summary>
internal static class DedicatedThreads
{
    /// <summary>Runs <paramref name="body"/> for 0 to <paramref name="count"/> - 1 on one new thread per core (at most
    /// one per item).</summary>
    public static Task For(int count, Action<int> body, CancellationToken cancellationToken)
    {
        var next = -1;
        var workers = Enumerable.Range(0, Math.Clamp(count, 1, Environment.ProcessorCount)).Select(_ => Task.Factory.StartNew(() =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                cancellationToken.ThrowIfCancellationRequested();
                body(i);
            }
        }, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default));
        return Task.WhenAll(workers);
    }
}
