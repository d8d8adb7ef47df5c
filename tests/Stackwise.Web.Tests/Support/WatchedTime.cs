using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace Stackwise.Web.Tests.Support;

/// <summary>
/// A fake clock that also tells when code under test starts waiting on it (a timer created or set), so a test advances
/// time exactly when the wait it means has begun: no real sleeps and no races with the code's own threads.
/// </summary>
public sealed class WatchedTime(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Channel<TimeSpan> _started = Channel.CreateUnbounded<TimeSpan>();

    public WatchedTime()
        : this(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        // Reported once the timer is set, never before: a test that advances the clock on the report must find it there.
        var timer = new Watched(base.CreateTimer(callback, state, dueTime, period), this);
        Started(dueTime);
        return timer;
    }

    /// <summary>Completes once a wait of <paramref name="dueTime"/> has started (since the last such call); fails after
    /// 10 s of real time.</summary>
    public async Task WaitStartedAsync(TimeSpan dueTime)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (await NextWaitAsync(timeout.Token) != dueTime)
        {
        }
    }

    /// <summary>The length of the next wait the code starts (each started wait is returned once, in order).</summary>
    public async Task<TimeSpan> NextWaitAsync(CancellationToken cancellationToken)
    {
        TimeSpan dueTime;
        while (!TryTakeWait(out dueTime))
        {
            await WaitStartedAsync(cancellationToken);
        }
        return dueTime;
    }

    /// <summary>Completes when a started wait is there to take; takes nothing, so abandoning it loses nothing.</summary>
    public async Task WaitStartedAsync(CancellationToken cancellationToken) => await _started.Reader.WaitToReadAsync(cancellationToken);

    /// <summary>Takes the next started wait, if there is one.</summary>
    public bool TryTakeWait(out TimeSpan dueTime) => _started.Reader.TryRead(out dueTime);

    private void Started(TimeSpan dueTime)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            _started.Writer.TryWrite(dueTime);
        }
    }

    /// <summary>A timer that reports each time it is set again.</summary>
    private sealed class Watched(ITimer timer, WatchedTime time) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = timer.Change(dueTime, period);
            time.Started(dueTime);
            return changed;
        }

        public void Dispose() => timer.Dispose();

        public ValueTask DisposeAsync() => timer.DisposeAsync();
    }
}
