using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Stackwise.Web.Telemetry;

namespace Stackwise.Web.Tests.Support;

/// <summary>
/// Tests that read metrics and spans run alone: meters and activity sources are process-wide by name, so a host of another
/// test running beside them would add its requests to theirs (and two hosts of one test are read one after the other).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryTestsAlone
{
    public const string Name = "Telemetry, alone";
}

/// <summary>
/// The app with OpenTelemetry's in-memory exporters: it collects exactly what the app declares for any exporter
/// (<see cref="TelemetryServices"/>), and a test reads the metrics after a flush and the spans as they end.
/// </summary>
public sealed class TelemetrySite(string contentRoot) : StackwiseFactory(contentRoot)
{
    private readonly List<MetricSnapshot> _metrics = [];
    private readonly List<Activity> _spans = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics.AddInMemoryExporter(_metrics))
            .WithTracing(tracing => tracing.AddInMemoryExporter(_spans)));
    }

    /// <summary>Every metric as it stands now.</summary>
    public IReadOnlyList<MetricSnapshot> Metrics()
    {
        lock (_metrics)
        {
            _metrics.Clear();
        }
        // Bounded: a collection that never ends fails here instead of holding the test run.
        Assert.True(Services.GetRequiredService<MeterProvider>().ForceFlush(10_000), "the metrics were not collected within 10 s");
        lock (_metrics)
        {
            return [.. _metrics];
        }
    }

    /// <summary>The points of one metric: each one's tags and its value (a sum, a gauge's last value, a histogram's count).</summary>
    public IReadOnlyList<(IReadOnlyDictionary<string, object?> Tags, double Value)> Points(string name) =>
        [.. Metrics().Where(metric => metric.Name == name).SelectMany(metric => metric.MetricPoints.Select(point => (Tags(point), Value(metric.MetricType, point))))];

    /// <summary>
    /// The sum of the points of <paramref name="name"/> with these tags (and maybe others), or null when there is none: a
    /// count of requests whatever their other tags, or a gauge's one value.
    /// </summary>
    public double? Value(string name, params (string Tag, object Value)[] tags)
    {
        var points = Points(name).Where(point => tags.All(tag => point.Tags.TryGetValue(tag.Tag, out var value) && Equals(value, tag.Value))).ToList();
        return points.Count == 0 ? null : points.Sum(point => point.Value);
    }

    /// <summary>The spans ended so far.</summary>
    public IReadOnlyList<Activity> Spans
    {
        get
        {
            lock (_spans)
            {
                return [.. _spans];
            }
        }
    }

    /// <summary>Waits (at most 10 s) for a span that matches: a request's span ends just after its response is sent.</summary>
    public async Task<Activity> SpanAsync(Func<Activity, bool> match, string what)
    {
        for (var waited = Stopwatch.StartNew(); waited.Elapsed < TimeSpan.FromSeconds(10); await Task.Delay(10))
        {
            if (Spans.FirstOrDefault(match) is { } span)
            {
                return span;
            }
        }
        throw new Xunit.Sdk.XunitException($"no span {what} within 10 s; spans: {string.Join(", ", Spans.Select(span => span.DisplayName))}");
    }

    private static Dictionary<string, object?> Tags(MetricPoint point)
    {
        var tags = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in point.Tags)
        {
            tags[tag.Key] = tag.Value;
        }
        return tags;
    }

    private static double Value(MetricType type, MetricPoint point) => type switch
    {
        MetricType.LongSum or MetricType.LongSumNonMonotonic => point.GetSumLong(),
        MetricType.DoubleSum or MetricType.DoubleSumNonMonotonic => point.GetSumDouble(),
        MetricType.LongGauge => point.GetGaugeLastValueLong(),
        MetricType.DoubleGauge => point.GetGaugeLastValueDouble(),
        MetricType.Histogram => point.GetHistogramCount(),
        _ => throw new NotSupportedException($"metric type {type}"),
    };
}
