using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Serilog;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Compact;
using Serilog.Formatting.Display;

namespace Stackwise.Web.Telemetry;

/// <summary>
/// Logs, metrics and traces. Logs always go to the console (text or JSON, <see cref="TelemetryOptions.LogFormat"/>).
/// Metrics and traces are OpenTelemetry's and are collected only when something takes them: OTLP export when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (metrics and traces, with OpenTelemetry's standard variables), a Prometheus
/// scrape endpoint when <c>Telemetry:PrometheusUrl</c> is (metrics). With neither, no provider is built: no listener, no
/// Activity per request, the site as it was without telemetry.
/// </summary>
public static class TelemetryServices
{
    /// <summary>The meters exported: the site's, ASP.NET Core's (requests, Kestrel's connections and queues, rate limiting,
    /// exceptions) and the runtime's (GC, thread pool, JIT), which .NET publishes itself since .NET 9.</summary>
    public static readonly string[] Meters =
    [
        SiteMetrics.MeterName,
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.RateLimiting",
        "Microsoft.AspNetCore.Diagnostics",
        "System.Runtime",
    ];

    public static WebApplicationBuilder AddStackwiseTelemetry(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TelemetryOptions>()
            .BindConfiguration(TelemetryOptions.Section)
            .Validate(TelemetryOptions.IsValid, "Telemetry:PrometheusUrl must be an absolute http URL with a path, such as http://127.0.0.1:9464/metrics; Telemetry:LogFormat is text or json")
            .ValidateOnStart();
        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();

        // Logging: Serilog from the "Serilog" section of appsettings.json (levels, any further sinks), and the console here.
        // The static Log.Logger is left alone so that several hosts (parallel tests) each keep their own logger. The hosting
        // layer's category is off unless configuration names it: while it is on at any level, every request pays for an
        // Activity and a log scope that no sink here shows ("A request log of our own" in docs/performance.md); a tracing
        // listener still gets its Activity. The health check service is off too: its one check is readiness, unhealthy
        // only while a start loads, and it wrote an error for each probe then (the request log has the probe's line).
        services.AddSerilog((provider, logger) => logger
            .MinimumLevel.Override("Microsoft.AspNetCore.Hosting.Diagnostics", LevelAlias.Off)
            .MinimumLevel.Override("Microsoft.Extensions.Diagnostics.HealthChecks", LevelAlias.Off)
            .ReadFrom.Configuration(provider.GetRequiredService<IConfiguration>())
            .ReadFrom.Services(provider)
            .Enrich.FromLogContext()
            .WriteTo.Console(ConsoleFormatter(options), options.ConsoleLevel), preserveStaticLogger: true);

        // What any OpenTelemetry provider of this host collects, declared whether or not one is built: a test builds its own
        // with an in-memory exporter and gets exactly what an exporter here would.
        services.AddSingleton<SiteMetrics>();
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics
            .AddMeter(Meters)
            .AddView("http.server.request.duration", new ExplicitBucketHistogramConfiguration { Boundaries = SiteMetrics.DurationBuckets }));
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing
            .AddSource(SiteActivities.SourceName)
            .AddAspNetCoreInstrumentation());

        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration[TelemetryOptions.OtlpEndpointVariable]);
        var prometheus = options.Prometheus;
        if (!otlp && prometheus is null)
        {
            return builder;
        }
        // The service is "stackwise" unless the operator names it, as OpenTelemetry's default resource reads it from
        // OTEL_SERVICE_NAME or OTEL_RESOURCE_ATTRIBUTES (naming it here in code would override both).
        var named = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_SERVICE_NAME"])
            || (builder.Configuration["OTEL_RESOURCE_ATTRIBUTES"] ?? "").Contains("service.name=", StringComparison.Ordinal);
        var telemetry = services.AddOpenTelemetry().ConfigureResource(resource =>
        {
            if (!named)
            {
                resource.AddService("stackwise", serviceVersion: typeof(TelemetryServices).Assembly.GetName().Version?.ToString());
            }
        });
        if (otlp)
        {
            telemetry.UseOtlpExporter();
        }
        if (prometheus is not null)
        {
            telemetry.WithMetrics(metrics => metrics.AddPrometheusHttpListener(listener =>
            {
                // 0.0.0.0 (every interface) is HttpListener's "*".
                listener.Host = prometheus.Host == "0.0.0.0" ? "*" : prometheus.Host;
                listener.Port = prometheus.Port;
                listener.ScrapeEndpointPath = prometheus.AbsolutePath;
            }));
        }
        return builder;
    }

    internal static ITextFormatter ConsoleFormatter(TelemetryOptions options) => options.Json ? new CompactJsonFormatter() : new TextLines();

    /// <summary>
    /// A line per event, ending in " trace {id}" when the event happened inside a traced operation (a request, a reload);
    /// the JSON format has the ids as <c>@tr</c> and <c>@sp</c>.
    /// </summary>
    private sealed class TextLines : ITextFormatter
    {
        private readonly MessageTemplateTextFormatter _line = new("[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}");
        private readonly MessageTemplateTextFormatter _end = new("{NewLine}{Exception}");

        public void Format(LogEvent logEvent, TextWriter output)
        {
            _line.Format(logEvent, output);
            if (logEvent.TraceId is { } trace)
            {
                output.Write(" trace ");
                output.Write(trace.ToHexString());
            }
            _end.Format(logEvent, output);
        }
    }
}
