using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Hardening;
using Stackwise.Web.Telemetry;

namespace Stackwise.Web.Seo;

/// <summary>
/// The hot path: a GET or HEAD for a page in the <see cref="ResponseCache"/> is answered here, before routing: status,
/// headers and bytes prepared when it was first rendered, with a Content-Length, and a 304 for a matching
/// <c>If-None-Match</c> (or, without one, an <c>If-Modified-Since</c> not older than Last-Modified), with the security
/// headers every response carries. The query string plays no part: no page reads it. A hit touches no request services:
/// the coding comes from <see cref="ResponseCodings"/>, so no DI scope is made for it.
/// Everything else goes on to routing with a recording of what it reads from the snapshot (<see cref="ContentReads"/>),
/// sent as its <c>Surrogate-Key</c> header and kept with its bytes by <see cref="ConditionalGetMiddleware"/>.
/// </summary>
internal sealed class PreparedResponseMiddleware(RequestDelegate next, ResponseCache cache, ResponseCodings codings, ResponseDates dates)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return next(context);
        }
        if (!cache.TryGet<PreparedResponse>(request.Path.Value ?? "/", codings.For(context), out var prepared))
        {
            return RenderAsync(context);
        }

        SecurityHeaders.ApplyTo(context.Response.Headers);  // this runs before the security headers middleware, so it writes them itself
        PageKinds.SetPrepared(context, prepared.Kind);      // routing never runs, so metrics and traces learn the page kind here
        return prepared.WriteAsync(context, dates.Now());
    }

    /// <summary>Records the request's reads for as long as it runs (this method is async, so the recording ends with it).</summary>
    private async Task RenderAsync(HttpContext context)
    {
        var reads = ContentReads.Start();
        context.Response.OnStarting(() =>
        {
            // Content responses have their keys already (ConditionalGetMiddleware); a redirect, a gone or not-found answer
            // gets them here, so a CDN that keeps it drops it when a page appears at the path. Search and the rest carry none.
            var response = context.Response;
            if (response.StatusCode is StatusCodes.Status301MovedPermanently or StatusCodes.Status404NotFound or StatusCodes.Status410Gone
                && !response.Headers.ContainsKey(ContentKeySet.HeaderName))
            {
                response.Headers[ContentKeySet.HeaderName] = new ContentKeySet(reads.Keys).Header;
            }
            return Task.CompletedTask;
        });
        await next(context);
    }
}
