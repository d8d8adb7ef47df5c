using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace Stackwise.Web.Tests.Support;

/// <summary>
/// A fake clock that also tells when code under test starts waiting on it, so a test advances time exactly when the
/// wait it means has begun: no real sleeps and no races with the code's own thread.
/// </summary>
public sealed class WatchedTime : FakeTimeProvider
{
    private readonly Channel<TimeSpan> _started = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _started.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>Completes once a wait of <paramref name="dueTime"/> has started (since the last such call); fails after 10 s of real time.</summary>
    public async Task WaitStartedAsync(TimeSpan dueTime)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (await _started.Reader.ReadAsync(timeout.Token) != dueTime)
        {
        }
    }
}
