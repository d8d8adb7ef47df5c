using System.Diagnostics;
using Serilog.Events;
using Stackwise.Web.Telemetry;

namespace Stackwise.Web.Hardening;

/// <summary>
/// One log line per request: method, path (without the query string), status and time, at the level <see cref="LevelOf"/>
/// gives (Error for a 5xx or an exception, Warning for a 503 that asks to retry later, Debug for health probes,
/// Information otherwise). An operator quiets it with
/// <c>Serilog__MinimumLevel__Override__Stackwise.Web.Hardening.RequestLogMiddleware=Warning</c>; 5xx lines still appear.
/// As the outermost middleware it also settles each response's page kind (<see cref="PageKinds.Settle"/>), which metrics
/// and traces show as its route, and counts a response that was not written from prepared bytes (<see cref="SiteMetrics.Rendered"/>).
/// </summary>
/// <remarks>
/// This replaces Serilog.AspNetCore's <c>UseSerilogRequestLogging</c> (the usual way to log requests with Serilog),
/// which writes the same line but opens a diagnostic context per request (an async-local value, so a new execution
/// context) and an async state machine, for properties this site never adds: about 3% of the hot path's CPU in a perf
/// profile even with its line turned off ("A request log of our own" in docs/performance.md). This one reads the clock
/// twice and, when the request finished synchronously, allocates nothing unless the line is written.
/// </remarks>
internal sealed class RequestLogMiddleware(RequestDelegate next, Serilog.ILogger logger, SiteMetrics metrics)
{
    private const string MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0000} ms";

    private readonly Serilog.ILogger _log = logger.ForContext<RequestLogMiddleware>();

    public Task InvokeAsync(HttpContext context)
    {
        var start = Stopwatch.GetTimestamp();
        Task pending;
        try
        {
            pending = next(context);
        }
        catch (Exception error)
        {
            pending = Task.FromException(error);  // thrown before the first await: logged and rethrown below like any other
        }
        if (!pending.IsCompletedSuccessfully)
        {
            return Completion(pending, context, start);
        }
        Write(context, start, error: null);
        return Task.CompletedTask;
    }

    private async Task Completion(Task pending, HttpContext context, long start)
    {
        try
        {
            await pending;
        }
        catch (Exception error)
        {
            Write(context, start, error);
            throw;
        }
        Write(context, start, error: null);
    }

    /// <summary>An exception that reached this far is a 500 whatever the response said: nothing answered it.</summary>
    private void Write(HttpContext context, long start, Exception? error)
    {
        var (kind, prepared) = PageKinds.Settle(context, failed: error is not null);
        if (!prepared)
        {
            metrics.Rendered(kind);
        }
        var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        var level = LevelOf(context, error);
        if (!_log.IsEnabled(level))
        {
            return;
        }
        var status = error is null ? context.Response.StatusCode : StatusCodes.Status500InternalServerError;
        _log.Write(level, error, MessageTemplate, context.Request.Method, context.Request.Path.Value ?? "/", status, elapsed);
    }

    /// <summary>
    /// The level of a request's line: errors for failures, Debug for health probes (they arrive every few seconds), and
    /// for a request that arrived while the first content load ran, its expected 503 at Information (Debug for a probe).
    /// </summary>
    internal static LogEventLevel LevelOf(HttpContext context, Exception? error) =>
        error is not null ? LogEventLevel.Error
        : StartupGateMiddleware.ArrivedWhileStarting(context) ? (HardeningServices.IsHealthProbe(context) ? LogEventLevel.Debug : LogEventLevel.Information)
        // A 503 that tells the client when to come back (every share card draw taken) is load shed by design, not a fault:
        // a crawler of cards made 90,000 error lines in 20 s (bench/cards-crawl.sh).
        : context.Response.StatusCode == StatusCodes.Status503ServiceUnavailable && context.Response.Headers.RetryAfter.Count > 0 ? LogEventLevel.Warning
        : context.Response.StatusCode >= 500 ? LogEventLevel.Error
        : HardeningServices.IsHealthProbe(context) ? LogEventLevel.Debug
        : LogEventLevel.Information;
}
