using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Stackwise.Web.Telemetry;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Telemetry;

/// <summary>
/// Where telemetry goes: OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, a Prometheus scrape endpoint of its own when
/// <c>Telemetry:PrometheusUrl</c> is, and the console's log lines (text or JSON) with the trace id of what they happened in.
/// </summary>
[Collection(TelemetryTestsAlone.Name)]
public sealed class ExportTests : IDisposable
{
    private readonly TempContentFolder _folder = new TempContentFolder()
        .Write("therapies/exported.md", SyntheticContent.Article("Exported Synthetic", "Synthetic Category", "low", "published: 2026-01-01"));

    public void Dispose() => _folder.Dispose();

    private static Uri Url(string path) => new(path, UriKind.Relative);

    [Fact]
    public async Task OtlpSendsTracesAndMetricsToTheStandardEndpoint()
    {
        await using var collector = await OtlpCollector.StartAsync();
        await using var site = new StackwiseFactory(_folder.Root)
        {
            Settings = new Dictionary<string, string>
            {
                [TelemetryOptions.OtlpEndpointVariable] = collector.Url,
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
                ["OTEL_METRIC_EXPORT_INTERVAL"] = "100",
                ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
            },
        };

        Assert.Equal(HttpStatusCode.OK, (await site.CreateClient().GetAsync(Url("/therapies/exported"))).StatusCode);

        await collector.UntilAsync("/v1/traces");
        await collector.UntilAsync("/v1/metrics");
        Assert.All(collector.Received, received => Assert.Equal("application/x-protobuf", received.ContentType));
    }

    [Theory]
    [InlineData(null, "stackwise")]
    [InlineData("stackwise-eu-1", "stackwise-eu-1")]
    public async Task PrometheusScrapesItsOwnListenerWithEveryMeterAndThePageKinds(string? serviceName, string expectedService)
    {
        var scrape = $"http://127.0.0.1:{FreePort()}/metrics";
        var settings = new Dictionary<string, string> { ["Telemetry:PrometheusUrl"] = scrape };
        if (serviceName is not null)
        {
            settings["OTEL_SERVICE_NAME"] = serviceName;
        }
        await using var site = new StackwiseFactory(_folder.Root) { Settings = settings };
        site.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        site.StartServer();
        var address = site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Url("/therapies/exported"))).StatusCode);
        }

        var text = await client.GetStringAsync(new Uri(scrape));

        Assert.Matches("""(?m)^http_server_request_duration_seconds_count\{[^}]*http_route="article"[^}]*\} 3( \d+)?$""", text);
        // The service is the site's unless the operator names it (OTEL_SERVICE_NAME).
        Assert.Matches($$"""(?m)^target_info\{[^}]*service_name="{{expectedService}}"[^}]*\} 1$""", text);
        Assert.Contains("stackwise_content_version", text, StringComparison.Ordinal);
        Assert.Contains("stackwise_http_rendered_total", text, StringComparison.Ordinal);
        Assert.Contains("kestrel_active_connections", text, StringComparison.Ordinal);
        Assert.Contains("dotnet_gc_collections_total", text, StringComparison.Ordinal);
        // Never on the public site's port.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Url("/metrics"))).StatusCode);
    }

    [Fact]
    public void TextLinesEndWithTheTraceIdAndJsonLinesCarryItAsTr()
    {
        using var source = new ActivitySource("Stackwise.Tests.Logs");
        using var listener = new ActivityListener
        {
            ShouldListenTo = candidate => candidate == source,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);

        var outside = Lines(json: false);
        Assert.Equal("[12:00:00 INF] Stackwise.Tests: Served 7 pages", outside);
        using (var activity = source.StartActivity("request"))
        {
            var trace = activity!.TraceId.ToHexString();
            Assert.Equal($"[12:00:00 INF] Stackwise.Tests: Served 7 pages trace {trace}", Lines(json: false));
            using var json = JsonDocument.Parse(Lines(json: true));
            Assert.Equal(trace, json.RootElement.GetProperty("@tr").GetString());
            Assert.Equal(activity.SpanId.ToHexString(), json.RootElement.GetProperty("@sp").GetString());
            Assert.Equal("Served {Count} pages", json.RootElement.GetProperty("@mt").GetString());
            Assert.Equal(7, json.RootElement.GetProperty("Count").GetInt32());
        }
    }

    /// <summary>One event through the console's formatter, as it would print it.</summary>
    private static string Lines(bool json)
    {
        var formatter = TelemetryServices.ConsoleFormatter(new TelemetryOptions { LogFormat = json ? "json" : "text" });
        var sink = new Collected();
        using (var logger = new LoggerConfiguration().WriteTo.Sink(sink).CreateLogger())
        {
            logger.ForContext(Constants.SourceContextPropertyName, "Stackwise.Tests").Information("Served {Count} pages", 7);
        }
        var logEvent = Assert.Single(sink.Events);
        var at = new LogEvent(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero), logEvent.Level, logEvent.Exception, logEvent.MessageTemplate,
            logEvent.Properties.Select(pair => new LogEventProperty(pair.Key, pair.Value)), logEvent.TraceId ?? default, logEvent.SpanId ?? default);
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        formatter.Format(at, output);
        return output.ToString().TrimEnd('\n', '\r');
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private sealed class Collected : ILogEventSink
    {
        public ConcurrentQueue<LogEvent> Events { get; } = new();

        public void Emit(LogEvent logEvent) => Events.Enqueue(logEvent);
    }

    /// <summary>A stand-in for an OpenTelemetry collector's OTLP/HTTP receiver: records what was posted where.</summary>
    private sealed class OtlpCollector : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private OtlpCollector(WebApplication app) => _app = app;

        public ConcurrentQueue<(string Path, string? ContentType)> Received { get; } = new();

        public string Url => _app.Urls.Single();

        public static async Task<OtlpCollector> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var collector = new OtlpCollector(app);
            app.Run(async context =>
            {
                using var body = new MemoryStream();
                await context.Request.Body.CopyToAsync(body);
                collector.Received.Enqueue((context.Request.Path.Value ?? "", context.Request.ContentType));
                context.Response.StatusCode = StatusCodes.Status200OK;
            });
            await app.StartAsync();
            return collector;
        }

        public async Task UntilAsync(string path)
        {
            for (var waited = Stopwatch.StartNew(); waited.Elapsed < TimeSpan.FromSeconds(10); await Task.Delay(20))
            {
                if (Received.Any(received => received.Path == path))
                {
                    return;
                }
            }
            Assert.Fail($"nothing posted to {path} within 10 s; received: {string.Join(", ", Received.Select(received => received.Path))}");
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
