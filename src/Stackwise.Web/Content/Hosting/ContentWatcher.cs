using System.Threading.Channels;
using Stackwise.Web.Content.Snapshot;

namespace Stackwise.Web.Content.Hosting;

/// <summary>
/// Watches the content folder and asks for one reload per burst of changes: it waits until the folder has
/// been quiet for <see cref="QuietPeriod"/> (at most <see cref="MaxDelay"/> after the first change), so an
/// editor copying in 200 files causes a few reloads, not 200. Every second without changes it checks that the
/// folder is still there (a watch does not notice its own folder being renamed away); when it is gone that is
/// logged and the watch is re-armed once it is back. The paths named in the events go to the reload, which reads
/// those files again whatever their stamp says; they are every change there was (<see cref="ChangedFiles.IsComplete"/>) from
/// the first reload on when the watch was armed before the first load (as the store arms it), else from the second, so the
/// reload lists only them. The watch is on the folder the root resolves to
/// (<see cref="ContentFolder"/>): when a symbolic link in the root's path is swapped to another folder (an atomic deploy),
/// seen at once for a link at the root itself and within a second for one above it, the watch moves to the new folder and
/// the reload reads all of it.
/// </summary>
internal sealed partial class ContentWatcher : IAsyncDisposable
{
    /// <summary>
    /// How long the folder must stay quiet before a reload. An editor's save (written in place, or a temporary file renamed
    /// over the old one) raises its events within a few milliseconds and a copy of many files raises them back to back,
    /// so 50 ms still makes one reload of a save and a few of a copy, while every millisecond of it is added to each save's
    /// time to go live ("The watcher's quiet period 50 ms" in docs/performance.md).
    /// </summary>
    public static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(50);
    public static readonly TimeSpan MaxDelay = TimeSpan.FromMilliseconds(400);

    /// <summary>
    /// How long a reload waits for a changed file that another process still holds open for writing (<see cref="OpenForWriting"/>):
    /// a writer that paused partway was served half a file. A writer that keeps a file open longer gets a warning and its
    /// file is read as it is.
    /// </summary>
    public static readonly TimeSpan MaxWriterWait = TimeSpan.FromSeconds(30);
    internal static readonly TimeSpan RearmInterval = TimeSpan.FromSeconds(1);

    private readonly string _root;
    private readonly Func<ChangedFiles, CancellationToken, Task> _reload;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Channel<bool> _changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _stopping = new();
    private readonly PendingChanges _pending;
    private readonly Task _loop;
    private FileSystemWatcher? _watcher;

    // The folder the watch is on: the root with its links resolved when the watch was armed.
    private string? _watched;

    // The root's parent, for a link at the root that is replaced (`mv -T content.tmp content`), which the watch inside the old
    // folder never sees.
    private readonly FileSystemWatcher? _parentWatcher;

    /// <param name="time">Every wait of the watcher (the quiet period, the longest delay, the re-arm interval) runs on
    /// it, so tests advance it instead of sleeping.</param>
    /// <param name="beforeFirstLoad">
    /// True when the watch is armed before the snapshot it follows lists the folder: every change after that listing is then
    /// named, so even the first reload names every change (<see cref="ChangedFiles.IsComplete"/>).
    /// </param>
    public ContentWatcher(string root, Func<ChangedFiles, CancellationToken, Task> reload, TimeProvider time, ILogger logger, bool beforeFirstLoad = false)
    {
        _pending = new PendingChanges(complete: beforeFirstLoad);
        _root = root;
        _reload = reload;
        _time = time;
        _logger = logger;
        _watcher = TryWatch();
        _parentWatcher = FolderEvents.WatchRoot(_root, () => Signal(null), LogWatchError);
        _loop = Task.Run(() => RunAsync(_stopping.Token));
    }

    private FileSystemWatcher? TryWatch()
    {
        var target = ContentFolder.Resolve(_root);
        if (!Directory.Exists(target) || FolderEvents.Watch(target, Signal, LogWatchError) is not { } watcher)
        {
            return null;
        }
        _watched = target;
        return watcher;
    }

    /// <param name="fullPath">The path an event names, or null when any file may have changed.</param>
    internal void Signal(string? fullPath)
    {
        var relative = fullPath is null ? null : Path.GetRelativePath(_watched ?? _root, fullPath).Replace('\\', '/');
        _pending.Add(relative is null || relative == "." || relative.StartsWith("../", StringComparison.Ordinal) ? null : relative);
        _changes.Writer.TryWrite(true);
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                if (_watcher is null)
                {
                    await Task.Delay(RearmInterval, _time, stopping);
                    _watcher = TryWatch();
                    if (_watcher is null)
                    {
                        continue;
                    }
                    LogFolderBack(_root);
                    // Whatever came back may differ from what went away, stamps or not.
                    _pending.Restart();
                }
                else if (await WaitForChangeAsync(stopping))
                {
                    await DebounceAsync(stopping);
                    await WaitForWritersAsync(stopping);
                }
                else if (Directory.Exists(_root) && !Retarget())
                {
                    continue;
                }

                if (!Directory.Exists(_root))
                {
                    // A watch on a folder that was deleted or renamed away sees nothing more; look for it until it is back.
                    _watcher.Dispose();
                    _watcher = null;
                    LogFolderMissing(_root);
                    continue;
                }
                Retarget();
                try
                {
                    await _reload(_pending.Take(), stopping);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogReloadError(e);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// True when the root now resolves to another folder than the one watched: the watch moves there and the next reload
    /// reads every file, so the new tree goes online as one snapshot.
    /// </summary>
    private bool Retarget()
    {
        var target = ContentFolder.Resolve(_root);
        if (target == _watched || !Directory.Exists(target))
        {
            return false;
        }
        LogFolderRetargeted(_root, target);
        _watcher?.Dispose();
        _watcher = TryWatch();
        _pending.Restart();
        return true;
    }

    /// <summary>True when a change arrives, false after <see cref="RearmInterval"/> without one.</summary>
    private async Task<bool> WaitForChangeAsync(CancellationToken stopping)
    {
        using var rearm = new CancellationTokenSource(RearmInterval, _time);
        using var tick = CancellationTokenSource.CreateLinkedTokenSource(stopping, rearm.Token);
        try
        {
            return await _changes.Reader.WaitToReadAsync(tick.Token) && _changes.Reader.TryRead(out _);
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task DebounceAsync(CancellationToken stopping)
    {
        var deadline = _time.GetUtcNow() + MaxDelay;
        do
        {
            await Task.Delay(QuietPeriod, _time, stopping);
        }
        while (_changes.Reader.TryRead(out _) && _time.GetUtcNow() < deadline);
    }

    /// <summary>Waits, a quiet period at a time, while a changed file is still open for writing, for at most
    /// <see cref="MaxWriterWait"/>.</summary>
    private async Task WaitForWritersAsync(CancellationToken stopping)
    {
        var deadline = _time.GetUtcNow() + MaxWriterWait;
        while (StillBeingWritten() is { } path)
        {
            if (_time.GetUtcNow() >= deadline)
            {
                LogStillOpen(path, (int)MaxWriterWait.TotalSeconds);
                return;
            }
            await Task.Delay(QuietPeriod, _time, stopping);
        }
    }

    /// <summary>A file named by the changes so far that another process still has open for writing, or null.</summary>
    private string? StillBeingWritten()
    {
        var folder = _watched ?? _root;
        return _pending.Paths().FirstOrDefault(path => OpenForWriting.Check(Path.Combine(folder, path)));
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _loop;
        _watcher?.Dispose();
        _parentWatcher?.Dispose();
        _stopping.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Content folder watch problem: {Reason}; reloading to be safe")]
    private partial void LogWatchError(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Content file {File} is still open for writing after {Seconds} s; reading it as it is")]
    private partial void LogStillOpen(string file, int seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Content folder {Root} is missing; serving the last good content until it is back")]
    private partial void LogFolderMissing(string root);

    [LoggerMessage(Level = LogLevel.Error, Message = "Content reload stopped by an unexpected error; the content served is the last one logged as loaded")]
    private partial void LogReloadError(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Content folder {Root} now leads to {Target}; watching and loading it")]
    private partial void LogFolderRetargeted(string root, string target);

    [LoggerMessage(Level = LogLevel.Information, Message = "Content folder {Root} is back; watching it again")]
    private partial void LogFolderBack(string root);
}
