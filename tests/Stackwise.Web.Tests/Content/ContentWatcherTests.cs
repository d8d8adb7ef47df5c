using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using Stackwise.Web.Content.Hosting;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Content;

/// <summary>
/// How the watcher turns bursts of file events into reloads, on a fake clock: events are fed to it directly and time is
/// advanced by hand, so these tests never sleep. (LiveReloadTests covers real files and the operating system's events.)
/// </summary>
public sealed class ContentWatcherTests : IDisposable
{
    private readonly TempContentFolder _folder = new();
    private readonly WatchedTime _time = new();
    private readonly Channel<ChangedFiles> _reloads = Channel.CreateUnbounded<ChangedFiles>();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ABurstOfChangesIsOneReloadOnceTheFolderIsQuiet()
    {
        await using var watcher = Start();

        for (var i = 0; i < 200; i++)
        {
            watcher.Signal(File($"bulk/article-{i:000}.md"));
        }
        await _time.WaitStartedAsync(ContentWatcher.QuietPeriod);
        watcher.Signal(File("therapies/late.md"));
        _time.Advance(ContentWatcher.QuietPeriod);
        await _time.WaitStartedAsync(ContentWatcher.QuietPeriod);

        Assert.False(_reloads.Reader.TryRead(out _), "no reload while changes keep arriving within the quiet period");
        _time.Advance(ContentWatcher.QuietPeriod);
        var changed = await NextReloadAsync();
        Assert.False(changed.IsEverything);
        Assert.True(changed.Contains("bulk/article-000.md") && changed.Contains("bulk/article-199.md") && changed.Contains("therapies/late.md"));
        Assert.False(changed.Contains("therapies/untouched.md"));
        Assert.False(_reloads.Reader.TryRead(out _), "one reload for the whole burst");
    }

    [Fact]
    public async Task ChangesThatNeverStopStillReloadAfterTheLongestDelay()
    {
        await using var watcher = Start();
        var periods = (int)(ContentWatcher.MaxDelay / ContentWatcher.QuietPeriod);

        watcher.Signal(File("therapies/busy.md"));
        for (var i = 1; i <= periods; i++)
        {
            await _time.WaitStartedAsync(ContentWatcher.QuietPeriod);
            Assert.False(_reloads.Reader.TryRead(out _), $"no reload before {ContentWatcher.MaxDelay.TotalMilliseconds} ms");
            watcher.Signal(File("therapies/busy.md"));
            _time.Advance(ContentWatcher.QuietPeriod);
        }

        Assert.True((await NextReloadAsync()).Contains("therapies/busy.md"));
    }

    [Fact]
    public async Task AnEventOutsideTheFolderReloadsEverything()
    {
        await using var watcher = Start();

        watcher.Signal(null);
        await _time.WaitStartedAsync(ContentWatcher.QuietPeriod);
        _time.Advance(ContentWatcher.QuietPeriod);

        Assert.True((await NextReloadAsync()).IsEverything);
    }

    [Fact]
    public async Task FromTheSecondReloadOnTheNamedPathsAreEveryChange()
    {
        await using var watcher = Start();

        var first = await ReloadAfterAsync(watcher, File("therapies/one.md"));
        var second = await ReloadAfterAsync(watcher, File("therapies/two.md"));
        var overflow = await ReloadAfterAsync(watcher, null);
        var afterOverflow = await ReloadAfterAsync(watcher, File("therapies/three.md"));

        // The first replaces the snapshot loaded before the watch began: what changed in between was never named.
        Assert.False(first.IsComplete);
        Assert.True(second.IsComplete);
        Assert.Equal(["therapies/two.md"], second.Paths);
        Assert.True(overflow.IsEverything);
        Assert.True(afterOverflow.IsComplete);
    }

    private async Task<ChangedFiles> ReloadAfterAsync(ContentWatcher watcher, string? path)
    {
        watcher.Signal(path);
        await _time.WaitStartedAsync(ContentWatcher.QuietPeriod);
        _time.Advance(ContentWatcher.QuietPeriod);
        return await NextReloadAsync();
    }

    private ContentWatcher Start() => new(_folder.Root, (changed, _) =>
    {
        _reloads.Writer.TryWrite(changed);
        return Task.CompletedTask;
    }, _time, NullLogger.Instance);

    private string File(string relative) => Path.Combine(_folder.Root, relative);

    private async Task<ChangedFiles> NextReloadAsync() => await _reloads.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
}
