using System.Diagnostics.Metrics;

namespace Stackwise.Web.Telemetry;

/// <summary>
/// The site's own instruments, on the <c>Stackwise</c> meter (docs/observability.md lists each with its unit and tags).
/// The meter comes from the host's <see cref="IMeterFactory"/>, so each host (each test's) has its own. An instrument
/// nobody listens to costs a check of one flag, so with no telemetry configured nothing is measured.
/// Features record events here; gauges over the content (its version, documents, problems) are registered by the area
/// that owns the content (<c>Content/Hosting/ContentMetrics.cs</c>) on <see cref="Meter"/>.
/// </summary>
public sealed class SiteMetrics
{
    public const string MeterName = "Stackwise";

    // Tag names: OpenTelemetry's where one exists (http.route, server.address), the site's own under "stackwise." otherwise.
    public const string OutcomeTag = "stackwise.outcome";
    public const string TriggerTag = "stackwise.reload.trigger";
    public const string SearchSourceTag = "stackwise.search.source";
    public const string PageKindTag = "http.route";
    public const string UrlHostTag = "server.address";

    /// <summary>Seconds: the buckets of every duration here and of the request duration, from 0.1 ms (a page from the
    /// hot path) to 30 s (a whole load at 100,000 articles).</summary>
    public static readonly double[] DurationBuckets =
        [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

    private readonly Histogram<double> _reloads;
    private readonly Histogram<double> _searches;
    private readonly Counter<long> _zeroResultSearches;
    private readonly Counter<long> _rendered;
    private readonly Counter<long> _cards;
    private readonly Histogram<double> _purges;

    public SiteMetrics(IMeterFactory meters)
    {
        Meter = meters.Create(MeterName);
        var buckets = new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets };
        _reloads = Meter.CreateHistogram("stackwise.content.reload.duration", "s",
            "Time to load the content folder into a new snapshot and swap it in, by outcome (swapped, failed) and trigger (start, change)", advice: buckets);
        _searches = Meter.CreateHistogram("stackwise.search.duration", "s",
            "Time to answer a search, including a wait for the index (answered from the content version's recent searches or not)", advice: buckets);
        _zeroResultSearches = Meter.CreateCounter<long>("stackwise.search.zero_results", "{search}",
            "Searches that found no article");
        _rendered = Meter.CreateCounter<long>("stackwise.http.rendered", "{response}",
            "Responses that went through routing (rendered, or answered by an endpoint) rather than written from prepared bytes by the hot path, by page kind");
        _cards = Meter.CreateCounter<long>("stackwise.cards.drawn", "{card}",
            "Share cards drawn (each is drawn once for its words and kept, across reloads)");
        _purges = Meter.CreateHistogram("stackwise.cdn.purge.duration", "s",
            "Time of each CDN purge request, by outcome (sent, failed) and the cache's host; its count is the number of purges", advice: buckets);
    }

    /// <summary>The meter for gauges registered by other areas.</summary>
    public Meter Meter { get; }

    public void Reloaded(TimeSpan elapsed, bool swapped, bool start) =>
        _reloads.Record(elapsed.TotalSeconds,
            new KeyValuePair<string, object?>(OutcomeTag, swapped ? "swapped" : "failed"),
            new KeyValuePair<string, object?>(TriggerTag, start ? "start" : "change"));

    public void Searched(TimeSpan elapsed, int found, bool recent)
    {
        _searches.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>(SearchSourceTag, recent ? "recent" : "index"));
        if (found == 0)
        {
            _zeroResultSearches.Add(1);
        }
    }

    /// <summary>
    /// A response of this kind finished that the hot path did not write from prepared bytes. The hot path itself records
    /// nothing of its own: its share is the request count (<c>http.server.request.duration</c>) minus this, which keeps
    /// its cost with telemetry on to ASP.NET Core's one measurement ("Telemetry" in docs/performance.md).
    /// </summary>
    public void Rendered(string kind) => _rendered.Add(1, new KeyValuePair<string, object?>(PageKindTag, kind));

    public void CardDrawn() => _cards.Add(1);

    public void Purged(TimeSpan elapsed, Uri url, bool sent) =>
        _purges.Record(elapsed.TotalSeconds,
            new KeyValuePair<string, object?>(OutcomeTag, sent ? "sent" : "failed"),
            new KeyValuePair<string, object?>(UrlHostTag, url.Host));
}
