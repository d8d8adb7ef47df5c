using System.Diagnostics;
using Microsoft.Extensions.Options;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Site;
using Stackwise.Web.Telemetry;

namespace Stackwise.Web.Content.Hosting;

/// <summary>
/// Holds the current content snapshot. It loads one before the site answers requests, then builds a new one
/// whenever the content folder changes (or a scheduled article's date arrives) and swaps it in whole. A reload
/// that fails keeps the last good snapshot online.
/// </summary>
public sealed partial class ContentStore(
    ContentLoader loader,
    IEnumerable<ISnapshotObserver> observers,
    IOptions<ContentOptions> options,
    IHostEnvironment environment,
    TimeProvider time,
    IEnumerable<ISnapshotWarmer> warmers,
    IEnumerable<IPerSnapshot> declared,
    SiteMetrics metrics,
    ILogger<ContentStore> logger) : IHostedService, IAsyncDisposable
{
    private readonly SemaphoreSlim _reloading = new(1, 1);
    private readonly SnapshotWarming _warming = new(warmers, observers, logger);
    private readonly ContentProblemLog _problemLog = new(logger);
    private PublicationTimer? _publication;

    /// <summary>Completes when every snapshot swapped in so far has been warmed (or skipped for a newer one).</summary>
    internal Task WarmingIdle => _warming.Idle;
    private volatile ContentSnapshot _current = ContentSnapshot.Empty;
    private volatile bool _loaded;

    // True from the start of a reload until it has loaded its changes: after one that failed or was cancelled, those
    // changes were never loaded, so the next reload lists the whole folder rather than trusting its own list of changes.
    private bool _listEverything;
    private ContentWatcher? _watcher;

    public ContentSnapshot Current => _current;

    /// <summary>True once a snapshot has loaded: the site has content to serve.</summary>
    public bool IsLoaded => _loaded;

    public string Root => options.Value.ResolveRoot(environment.ContentRootPath);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // The watch is armed before the first load lists the folder, so every change after that listing is named and the first
        // save after a start is patched like any other (armed after it, that save read the whole folder: 4.2 s at 100,000).
        var watcher = options.Value.Watch ? new ContentWatcher(Root, ReloadAsync, time, logger, beforeFirstLoad: true) : null;
        try
        {
            await ReloadAsync(cancellationToken);
        }
        catch
        {
            if (watcher is not null)
            {
                await watcher.DisposeAsync();
            }
            throw;
        }
        _watcher = watcher;
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    /// <summary>Builds a new snapshot from the folder and swaps it in; on failure the current one stays.</summary>
    public Task ReloadAsync(CancellationToken cancellationToken) => ReloadAsync(ChangedFiles.None, cancellationToken);

    /// <summary>
    /// Builds a new snapshot, reading <paramref name="changed"/> files again whatever their stamps say, and swaps it in.
    /// Once the first snapshot is online a failed build is logged and the current snapshot stays; at start-up it throws,
    /// so a site with no content does not start. Each log line says which of the two happened.
    /// </summary>
    public async Task ReloadAsync(ChangedFiles changed, CancellationToken cancellationToken)
    {
        await _reloading.WaitAsync(cancellationToken);
        var start = !_loaded;
        using var activity = SiteActivities.Source.StartActivity("content reload");
        activity?.SetTag(SiteMetrics.TriggerTag, start ? "start" : "change");
        activity?.SetTag("stackwise.reload.files_named", changed.IsEverything ? "all" : changed.Paths.Count);
        var stopwatch = Stopwatch.StartNew();
        try
        {
            var previous = _loaded ? _current : null;
            changed = _listEverything ? changed.AsIncomplete() : changed;
            _listEverything = true;
            var visibility = new ContentVisibility(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), environment.IsDevelopment());
            ContentSnapshot snapshot;
            try
            {
                // The folder the root leads to now, resolved once: a link swapped during the load cannot mix two trees.
                snapshot = await loader.LoadAsync(ContentFolder.Resolve(Root), visibility, previous, changed, cancellationToken);
                _problemLog.LogNew(snapshot, previous);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                metrics.Reloaded(stopwatch.Elapsed, swapped: false, start);
                activity?.SetStatus(ActivityStatusCode.Error, e.Message);
                if (previous is null)
                {
                    throw;
                }
                LogReloadFailed(e, Root, previous.Version);
                return;
            }
            _listEverything = false;

            // Once the site is online, a new snapshot is warmed before it goes live (its sitemap entries, related
            // articles and search index, the index built from the last one), so no request waits for them: requests
            // that waited held thread-pool threads while every other request queued behind them, at each save ("Warmed
            // swaps, the newest snapshot only" in docs/performance.md). The first snapshot goes live at once and is
            // warmed after (at 10,000 articles its search index takes seconds), as is one that arrives while an earlier
            // one is still warming.
            var warmed = previous is not null && _warming.TryWarmNow(snapshot);
            var change = Change(previous, snapshot);
            foreach (var observer in observers)
            {
                Notify(observer, snapshot, () => observer.Swapping(change));
            }
            _current = snapshot;
            _loaded = true;
            metrics.Reloaded(stopwatch.Elapsed, swapped: true, start);
            activity?.SetTag("stackwise.content.version", snapshot.Version);
            activity?.SetTag("stackwise.content.files", snapshot.FilesRead);
            activity?.SetTag("stackwise.content.changed_keys", change.Keys.Count);
            if (logger.IsEnabled(LogLevel.Information))
            {
                var pages = Counted.Of(snapshot.SitePageCount, "page");
                var (articles, people) = (Counted.Of(snapshot.ArticleCount, "article"), Counted.Of(snapshot.PersonCount, "person", "people"));
                var rejected = Counted.Of(snapshot.FilesRejected, "file");
                var keys = Counted.Of(change.Keys.Count, "key");
                LogLoaded(articles, pages, people, rejected, snapshot.KeptFiles.Count, Root, stopwatch.ElapsedMilliseconds, snapshot.Version, keys);
            }
            await AfterSwapAsync(change, warmed, cancellationToken);
        }
        finally
        {
            _reloading.Release();
        }
    }

    /// <summary>
    /// What follows a swap. The new snapshot is already online, so a failure here is logged as such and never as a
    /// failed reload; each step runs even when another fails.
    /// </summary>
    /// <param name="warmed">True when the snapshot was warmed before the swap; else it is warmed now, in the background.</param>
    private async Task AfterSwapAsync(ContentChange change, bool warmed, CancellationToken cancellationToken)
    {
        var snapshot = change.After;
        // Derived data (the search index) not built before the swap is built right after it, off the request path and only
        // for the newest snapshot; a request that needs it first waits for the complete build, never a partial one.
        if (!warmed)
        {
            _warming.Enqueue(snapshot);
        }
        foreach (var observer in observers)
        {
            try
            {
                await observer.SnapshotSwappedAsync(change, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogAfterSwapFailed(e, snapshot.Version, observer.GetType().Name);
            }
        }
        try
        {
            _publication ??= new PublicationTimer(time, () => ReloadAsync(CancellationToken.None), logger);
            _publication.Schedule(snapshot.NextPublication);
        }
        catch (Exception e)
        {
            LogAfterSwapFailed(e, snapshot.Version, "scheduling the next publication");
        }
    }

    /// <summary>What the new snapshot changed; should working it out fail, everything (no cache may keep what it cannot tell).</summary>
    private ContentChange Change(ContentSnapshot? previous, ContentSnapshot snapshot)
    {
        try
        {
            return ContentChange.Between(previous, snapshot, declared);
        }
        catch (Exception e)
        {
            LogAfterSwapFailed(e, snapshot.Version, "working out the changed keys (every cache is emptied instead)");
            return ContentChange.Between(null, snapshot, declared);
        }
    }

    /// <summary>Runs one observer's step before the swap; a failure is logged and the swap goes ahead.</summary>
    private void Notify(ISnapshotObserver observer, ContentSnapshot snapshot, Action step)
    {
        try
        {
            step();
        }
        catch (Exception e)
        {
            LogAfterSwapFailed(e, snapshot.Version, observer.GetType().Name);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_watcher is not null)
        {
            await _watcher.DisposeAsync();
            _watcher = null;
        }
        _publication?.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Content reload from {Root} failed before the swap; content version {Version} stays online")]
    private partial void LogReloadFailed(Exception exception, string root, long version);

    [LoggerMessage(Level = LogLevel.Error, Message = "Content version {Version} is online, but {Step} failed")]
    private partial void LogAfterSwapFailed(Exception exception, long version, string step);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Content loaded: {Articles:l} and {Pages:l} ({People:l}), {Rejected:l} rejected ({KeptCount} kept at their last good version), from {Root} in {ElapsedMs} ms; version {Version} is online, {ChangedKeys:l} changed")]
    private partial void LogLoaded(string articles, string pages, string people, string rejected, int keptCount, string root, long elapsedMs, long version, string changedKeys);
}
