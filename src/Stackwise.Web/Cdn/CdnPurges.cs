using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Stackwise.Web.Content.Hosting;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Site;
using Stackwise.Web.Telemetry;

namespace Stackwise.Web.Cdn;

/// <summary>
/// Tells every cache in <see cref="CdnOptions.PurgeUrls"/> which keys each new snapshot changed, so a corrected article
/// reaches readers behind a CDN at once instead of when the CDN's copy expires. The purges go out in the background, in
/// order, each URL with a queue of its own and retries, so a slow or failing CDN holds up neither a reload nor the purges
/// at the other URLs; each failure is logged. The
/// first snapshot of a process purges everything (<see cref="ContentKeys.Site"/>): the content may have changed while the
/// site was down.
/// </summary>
internal sealed partial class CdnPurges(IOptions<CdnOptions> options, TimeProvider time, SiteMetrics metrics, ILogger<CdnPurges> logger)
    : BackgroundService, ISnapshotObserver
{
    /// <summary>The longest <c>xkey-purge</c> header sent; more keys go in several requests (Varnish takes 8 KB of headers).</summary>
    internal const int MaxHeaderLength = 4000;

    internal const string KeysHeader = "xkey-purge";

    private readonly Channel<Purge>[] _queues = [.. options.Value.PurgeUrls.Select(_ => Channel.CreateUnbounded<Purge>(new UnboundedChannelOptions { SingleReader = true }))];
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = options.Value.Timeout };

    public Task SnapshotSwappedAsync(ContentChange change, CancellationToken cancellationToken)
    {
        if (options.Value.PurgeUrls.Length == 0 || change.Keys.Count == 0)
        {
            return Task.CompletedTask;
        }
        var purge = new Purge(change.After.Version, change.Keys.Contains(ContentKeys.Site) ? [ContentKeys.Site] : [.. change.Keys.Order(StringComparer.Ordinal)]);
        Enqueue(purge);
        _ = RepeatLaterAsync(purge);
        return Task.CompletedTask;
    }

    private async Task RepeatLaterAsync(Purge purge)
    {
        await Task.Delay(options.Value.RepeatAfter, time);
        Enqueue(purge with { Repeat = true });
    }

    private void Enqueue(Purge purge)
    {
        foreach (var queue in _queues)
        {
            queue.Writer.TryWrite(purge);
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(options.Value.PurgeUrls.Select((url, i) => SendEachAsync(new Uri(url), _queues[i].Reader, stoppingToken)));

    private async Task SendEachAsync(Uri url, ChannelReader<Purge> queue, CancellationToken stoppingToken)
    {
        await foreach (var purge in queue.ReadAllAsync(stoppingToken))
        {
            await SendAsync(url, purge, stoppingToken);
        }
    }

    /// <summary>One purge at one URL, in batches of keys, each tried up to <see cref="CdnOptions.Attempts"/> times.</summary>
    private async Task SendAsync(Uri url, Purge purge, CancellationToken stoppingToken)
    {
        foreach (var batch in Batches(purge.Keys))
        {
            var delay = options.Value.RetryDelay;
            for (var attempt = 1; ; attempt++)
            {
                var failure = await TrySendAsync(url, batch, stoppingToken);
                if (failure is null)
                {
                    if (logger.IsEnabled(LogLevel.Information))
                    {
                        var keys = Counted.Of(batch.Count, "key");
                        LogPurged(keys, purge.Version, url, purge.Repeat ? " (sent again)" : "");
                        if (logger.IsEnabled(LogLevel.Debug))
                        {
                            var names = string.Join(' ', batch);
                            LogPurgedKeys(names);
                        }
                    }
                    break;
                }
                if (attempt >= options.Value.Attempts)
                {
                    LogGaveUp(url, attempt, Counted.Of(batch.Count, "key"), purge.Version, failure);
                    break;
                }
                LogFailed(url, attempt, options.Value.Attempts, failure, delay.TotalMilliseconds);
                await Task.Delay(delay, time, stoppingToken);
                delay *= 4;
            }
        }
    }

    /// <summary>Null when the cache took the purge, else why not.</summary>
    /// <remarks>Each attempt is a span and a measurement of <c>stackwise.cdn.purge.duration</c>, sent or failed.</remarks>
    private async Task<string?> TrySendAsync(Uri url, IReadOnlyList<string> keys, CancellationToken stoppingToken)
    {
        var start = Stopwatch.GetTimestamp();
        using var activity = SiteActivities.Source.StartActivity("cdn purge", ActivityKind.Client);
        activity?.SetTag("server.address", url.Host);
        activity?.SetTag("stackwise.cdn.keys", keys.Count);
        var failure = await PurgeAsync(url, keys, stoppingToken);
        metrics.Purged(Stopwatch.GetElapsedTime(start), url, sent: failure is null);
        if (failure is not null)
        {
            activity?.SetStatus(ActivityStatusCode.Error, failure);
        }
        return failure;
    }

    private async Task<string?> PurgeAsync(Uri url, IReadOnlyList<string> keys, CancellationToken stoppingToken)
    {
        using var request = new HttpRequestMessage(new HttpMethod("PURGE"), url);
        request.Headers.TryAddWithoutValidation(KeysHeader, string.Join(' ', keys));
        try
        {
            using var response = await _http.SendAsync(request, stoppingToken);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
        {
            return e is TaskCanceledException ? $"no answer within {options.Value.Timeout.TotalSeconds:0.#} s" : e.Message;
        }
    }

    /// <summary>The keys as the <c>Surrogate-Key</c> header sent them (a path in another script percent-encoded, as
    /// <see cref="Seo.ContentKeySet"/> does), cut into headers of at most <see cref="MaxHeaderLength"/> characters.</summary>
    internal static IEnumerable<IReadOnlyList<string>> Batches(IReadOnlyList<string> keys)
    {
        var batch = new List<string>();
        var length = 0;
        foreach (var key in keys.Select(SitePaths.Escape))
        {
            if (batch.Count > 0 && length + 1 + key.Length > MaxHeaderLength)
            {
                yield return batch;
                (batch, length) = ([], 0);
            }
            length += (batch.Count > 0 ? 1 : 0) + key.Length;
            batch.Add(key);
        }
        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }

    private sealed record Purge(long Version, IReadOnlyList<string> Keys)
    {
        public bool Repeat { get; init; }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "CDN purged {Keys:l} of content version {Version} at {Url}{Again:l}")]
    private partial void LogPurged(string keys, long version, Uri url, string again);

    [LoggerMessage(Level = LogLevel.Debug, Message = "CDN purge keys: {Keys:l}")]
    private partial void LogPurgedKeys(string keys);

    [LoggerMessage(Level = LogLevel.Warning, Message = "CDN purge at {Url} failed (attempt {Attempt} of {Attempts}): {Reason:l}; trying again in {DelayMs} ms")]
    private partial void LogFailed(Uri url, int attempt, int attempts, string reason, double delayMs);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "CDN purge at {Url} given up after {Attempts} attempts ({Reason:l}): {Keys:l} of content version {Version} may be served stale there until the cached copies expire")]
    private partial void LogGaveUp(Uri url, int attempts, string keys, long version, string reason);
}
