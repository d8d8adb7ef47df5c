using Stackwise.Web.Content.Hosting;
using Stackwise.Web.Hardening;

namespace Stackwise.Web.Seo;

/// <summary>
/// The hot path: a GET or HEAD for a page already rendered from the request's snapshot is answered here, before routing,
/// from <see cref="PreparedResponses"/>: status, headers and bytes prepared when it was first rendered, with a
/// Content-Length, and a 304 for a matching <c>If-None-Match</c> (or, without one, an <c>If-Modified-Since</c> not older
/// than Last-Modified), with the security headers every response carries. Right after a reload, a page not yet rendered
/// from the new snapshot is answered with the previous snapshot's response when the page's <see cref="PageInputs"/> are
/// unchanged. Everything else goes on to routing. The query string plays no part: no page reads it.
/// A hit touches no request services: the snapshot comes from the store (a hit is answered wholly from it, so the request
/// still sees one snapshot) and the coding from <see cref="ResponseCodings"/>, so no DI scope is made for it.
/// </summary>
internal sealed class PreparedResponseMiddleware(RequestDelegate next, ContentStore store, ResponseCodings codings, EveryPageInputs pages,
    ResponseDates dates)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return next(context);
        }
        var snapshot = store.Current;
        var responses = PreparedResponses.For(snapshot);
        var (path, coding) = (request.Path.Value ?? "/", codings.For(context));
        if (!responses.TryGet(path, coding, out var prepared) && !responses.TryCarryOver(path, coding, pages, snapshot, out prepared))
        {
            return next(context);
        }

        SecurityHeaders.ApplyTo(context.Response.Headers);  // this runs before the security headers middleware, so it writes them itself
        return prepared.WriteAsync(context, dates.Now());
    }
}
