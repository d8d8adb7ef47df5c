using Serilog.Events;

namespace Stackwise.Web.Telemetry;

/// <summary>How the site reports on itself (<c>Telemetry</c> in appsettings.json; docs/observability.md).</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>The environment variable that turns on OTLP export of metrics and traces (OpenTelemetry's own name).</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// Where Prometheus scrapes the metrics, such as <c>http://127.0.0.1:9464/metrics</c>: a listener of its own, never the
    /// site's port. Empty by default: no scrape endpoint.
    /// </summary>
    public string PrometheusUrl { get; set; } = "";

    /// <summary><c>text</c> (a line per event, for people) or <c>json</c> (Serilog's compact JSON, one object per line:
    /// the message template and its properties, with the trace and span ids, for a log pipeline).</summary>
    public string LogFormat { get; set; } = "text";

    /// <summary>The lowest level the console shows (the levels in <c>Serilog:MinimumLevel</c> still apply first).</summary>
    public LogEventLevel ConsoleLevel { get; set; } = LogEventLevel.Verbose;

    /// <summary>The scrape URL, when one is set and valid.</summary>
    internal Uri? Prometheus =>
        Uri.TryCreate(PrometheusUrl, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttp && url.AbsolutePath.Length > 1
        && string.IsNullOrEmpty(url.Query) && string.IsNullOrEmpty(url.Fragment) ? url : null;

    internal bool Json => string.Equals(LogFormat, "json", StringComparison.OrdinalIgnoreCase);

    internal static bool IsValid(TelemetryOptions options) =>
        (options.PrometheusUrl.Length == 0 || options.Prometheus is not null)
        && (options.Json || string.Equals(options.LogFormat, "text", StringComparison.OrdinalIgnoreCase));
}
