using System.Diagnostics;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace Stackwise.Web.Content;

/// <summary>
/// Holds the current content snapshot. It loads one before the site answers requests, then builds a new one
/// whenever the content folder changes (or a scheduled article's date arrives) and swaps it in whole. A reload
/// that fails keeps the last good snapshot online.
/// </summary>
public sealed partial class ContentStore(
    ContentLoader loader,
    IOutputCacheStore outputCache,
    IOptions<ContentOptions> options,
    IHostEnvironment environment,
    TimeProvider time,
    IEnumerable<ISnapshotWarmer> warmers,
    ILogger<ContentStore> logger) : IHostedService, IAsyncDisposable
{
    /// <summary>The output cache tag of every response rendered from content; evicted whenever a new snapshot is swapped in.</summary>
    public const string CacheTag = "content";

    private readonly SemaphoreSlim _reloading = new(1, 1);
    private volatile ContentSnapshot _current = ContentSnapshot.Empty;
    private volatile bool _loaded;
    private ContentWatcher? _watcher;
    private ITimer? _publicationTimer;

    public ContentSnapshot Current => _current;

    /// <summary>True once a snapshot has loaded: the site has content to serve.</summary>
    public bool IsLoaded => _loaded;

    public string Root => options.Value.ResolveRoot(environment.ContentRootPath);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await ReloadAsync(cancellationToken);
        if (options.Value.Watch)
        {
            _watcher = new ContentWatcher(Root, ReloadAsync, logger);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    /// <summary>Builds a new snapshot from the folder and swaps it in; on failure the current one stays.</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await _reloading.WaitAsync(cancellationToken);
        try
        {
            var stopwatch = Stopwatch.StartNew();
            var previous = _loaded ? _current : null;
            var visibility = new ContentVisibility(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), environment.IsDevelopment());
            ContentSnapshot snapshot;
            try
            {
                snapshot = await loader.LoadAsync(Root, visibility, previous, cancellationToken);
            }
            catch (Exception e) when (previous is not null && e is IOException or UnauthorizedAccessException)
            {
                LogReloadFailed(e, Root);
                return;
            }

            LogNewProblems(snapshot, previous);
            _current = snapshot;
            // Derived data (the search index) is built right after the swap, off the request path; a request
            // that needs it first waits for the complete build, never a partial one.
            foreach (var warmer in warmers)
            {
                _ = Task.Run(() => warmer.Warm(snapshot), CancellationToken.None);
            }
            _loaded = true;
            await outputCache.EvictByTagAsync(CacheTag, cancellationToken);
            SchedulePublication(snapshot.NextPublication);
            LogLoaded(snapshot.Articles.Length, snapshot.ByUrl.Count - snapshot.Articles.Length, snapshot.FilesRejected,
                snapshot.KeptFiles.Count, Root, stopwatch.ElapsedMilliseconds);
        }
        finally
        {
            _reloading.Release();
        }
    }

    /// <summary>Each problem is logged once, when it appears, not again on every reload.</summary>
    private void LogNewProblems(ContentSnapshot snapshot, ContentSnapshot? previous)
    {
        var known = previous?.Problems.ToHashSet() ?? [];
        foreach (var problem in snapshot.Problems.Where(problem => !known.Contains(problem)))
        {
            if (problem.Severity == ProblemSeverity.Warning)
            {
                LogWarning(problem.ToString());
            }
            else if (snapshot.KeptFiles.Contains(problem.File))
            {
                LogKept(problem.ToString());
            }
            else
            {
                LogRejected(problem.ToString());
            }
        }
    }

    /// <summary>A scheduled article goes live at midnight UTC of its date without anyone touching the folder.</summary>
    private void SchedulePublication(DateOnly? date)
    {
        _publicationTimer?.Dispose();
        _publicationTimer = null;
        if (date is { } day)
        {
            var due = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) - time.GetUtcNow();
            _publicationTimer = time.CreateTimer(_ => _ = ReloadAsync(CancellationToken.None), null, due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_watcher is not null)
        {
            await _watcher.DisposeAsync();
            _watcher = null;
        }
        _publicationTimer?.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Content file rejected: {Problem}")]
    private partial void LogRejected(string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Content file refused, last good version kept online: {Problem}")]
    private partial void LogKept(string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Content warning: {Problem}")]
    private partial void LogWarning(string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Content reload from {Root} failed; the last good content stays online")]
    private partial void LogReloadFailed(Exception exception, string root);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Content loaded: {ArticleCount} articles and {PageCount} pages, {RejectedCount} files rejected ({KeptCount} kept at their last good version), from {Root} in {ElapsedMs} ms")]
    private partial void LogLoaded(int articleCount, int pageCount, int rejectedCount, int keptCount, string root, long elapsedMs);
}
