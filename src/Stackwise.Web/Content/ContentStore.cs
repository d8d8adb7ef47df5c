using System.Diagnostics;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace Stackwise.Web.Content;

/// <summary>Holds the current content snapshot, loaded at start-up before the site answers requests.</summary>
public sealed partial class ContentStore(
    ContentLoader loader,
    IOutputCacheStore outputCache,
    IOptions<ContentOptions> options,
    IHostEnvironment environment,
    ILogger<ContentStore> logger) : IHostedService
{
    /// <summary>The output cache tag of every response rendered from content; evicted whenever a new snapshot is swapped in.</summary>
    public const string CacheTag = "content";

    private volatile ContentSnapshot _current = ContentSnapshot.Empty;

    public ContentSnapshot Current => _current;

    public string Root => options.Value.ResolveRoot(environment.ContentRootPath);

    public async Task StartAsync(CancellationToken cancellationToken) => await ReloadAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<ContentSnapshot> ReloadAsync(CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var snapshot = await loader.LoadAsync(Root, cancellationToken);
        foreach (var problem in snapshot.Problems)
        {
            if (problem.Severity == ProblemSeverity.Error)
            {
                LogRejected(problem.ToString());
            }
            else
            {
                LogWarning(problem.ToString());
            }
        }
        _current = snapshot;
        await outputCache.EvictByTagAsync(CacheTag, cancellationToken);
        LogLoaded(snapshot.Articles.Length, snapshot.ByUrl.Count - snapshot.Articles.Length, snapshot.FilesRejected, Root, stopwatch.ElapsedMilliseconds);
        return snapshot;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Content file rejected: {Problem}")]
    private partial void LogRejected(string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Content warning: {Problem}")]
    private partial void LogWarning(string problem);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Content loaded: {ArticleCount} articles and {PageCount} pages, {RejectedCount} files rejected, from {Root} in {ElapsedMs} ms")]
    private partial void LogLoaded(int articleCount, int pageCount, int rejectedCount, string root, long elapsedMs);
}
