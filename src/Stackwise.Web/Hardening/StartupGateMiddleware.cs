using Microsoft.Extensions.Localization;
using Stackwise.Web.Content.Hosting;
using Stackwise.Web.Localization;

namespace Stackwise.Web.Hardening;

/// <summary>
/// The server starts beside the first content load, not after it (hosted services start concurrently: at 10,000
/// articles the site is ready about a quarter of a second sooner, "The server starts beside the first load" in
/// docs/performance.md). Until that load is in, every request but the health probes is answered 503 with Retry-After:
/// never a page of the empty snapshot, whose 404s a crawler would take as pages gone.
/// </summary>
internal sealed class StartupGateMiddleware(RequestDelegate next, ContentStore content, IStringLocalizer<SiteText> text)
{
    /// <summary>Seconds a client is asked to wait: a start at 10,000 articles takes about three.</summary>
    private const string RetryAfterSeconds = "5";

    private static readonly object StartingKey = new();

    public Task InvokeAsync(HttpContext context)
    {
        if (content.IsLoaded)
        {
            return next(context);
        }
        context.Items[StartingKey] = true;
        if (HardeningServices.IsHealthProbe(context))
        {
            return next(context);
        }
        var response = context.Response;
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = RetryAfterSeconds;
        response.Headers.CacheControl = "no-store";
        response.ContentType = "text/plain; charset=utf-8";
        var body = System.Text.Encoding.UTF8.GetBytes(text["Site.Starting"] + "\n");
        response.ContentLength = body.Length;
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : response.Body.WriteAsync(body).AsTask();
    }

    /// <summary>
    /// True for a request that arrived before the first load was in: its 503 (from this gate, or from <c>/readyz</c>) is
    /// what a start looks like, not a failure to log as an error.
    /// </summary>
    internal static bool ArrivedWhileStarting(HttpContext context) => context.Items.ContainsKey(StartingKey);
}
