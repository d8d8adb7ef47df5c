using Stackwise.Web.Content.Snapshot;

namespace Stackwise.Web.Content.Hosting;

/// <summary>
/// Runs the <see cref="ISnapshotWarmer"/>s for new snapshots off the request path: before a reload's snapshot goes live
/// when nothing else is warming (<see cref="TryWarmNow"/>), else in the background, one snapshot at a time and always the
/// newest: a snapshot replaced while an earlier one was being warmed is skipped (its requests build what they need on first
/// use). When saves come faster than a search index builds, the builds no longer pile up on top of each other and starve
/// the requests of CPU ("Warmed swaps, the newest snapshot only" in docs/performance.md). A warmer that throws is logged
/// and the next snapshot is warmed as usual.
/// </summary>
internal sealed partial class SnapshotWarming(IEnumerable<ISnapshotWarmer> warmers, IEnumerable<ISnapshotObserver> observers, ILogger logger)
{
    private readonly Lock _lock = new();
    private ContentSnapshot? _pending;
    private bool _active;
    private Task _running = Task.CompletedTask;

    /// <summary>Completes when every snapshot handed over so far has been warmed or skipped.</summary>
    public Task Idle
    {
        get
        {
            lock (_lock)
            {
                return _running;
            }
        }
    }

    /// <summary>
    /// Warms <paramref name="snapshot"/> now, on the caller's thread, when no earlier snapshot is being warmed; false (and
    /// nothing done) when one is, so the caller can hand it over with <see cref="Enqueue"/> instead.
    /// </summary>
    public bool TryWarmNow(ContentSnapshot snapshot)
    {
        lock (_lock)
        {
            if (_active)
            {
                return false;
            }
        }
        WarmEach(snapshot);
        return true;
    }

    public void Enqueue(ContentSnapshot snapshot)
    {
        lock (_lock)
        {
            _pending = snapshot;
            if (!_active)
            {
                _active = true;
                // Its own thread, not a pool thread: building the search index of 100,000 articles takes half a minute of
                // CPU, and the pool adds no thread while the CPU is saturated, so requests would wait for one.
                _running = Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            }
        }
    }

    private void Run()
    {
        while (true)
        {
            ContentSnapshot snapshot;
            lock (_lock)
            {
                if (_pending is null)
                {
                    _active = false;
                    return;
                }
                snapshot = _pending;
                _pending = null;
            }
            WarmEach(snapshot);
            foreach (var observer in observers)
            {
                try
                {
                    observer.Warmed(snapshot);
                }
                catch (Exception e)
                {
                    LogWarmingFailed(e, observer.GetType().Name, snapshot.Version);
                }
            }
        }
    }

    private void WarmEach(ContentSnapshot snapshot)
    {
        foreach (var warmer in warmers)
        {
            try
            {
                warmer.Warm(snapshot);
            }
            catch (Exception e)
            {
                LogWarmingFailed(e, warmer.GetType().Name, snapshot.Version);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error,
        Message = "{Warmer} failed for content version {Version}; the version is served all the same, and what the warmer prepares is built on first use or with the next version")]
    private partial void LogWarmingFailed(Exception exception, string warmer, long version);
}
