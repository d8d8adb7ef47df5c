using Microsoft.Net.Http.Headers;
using Stackwise.Web.Content;

namespace Stackwise.Web.Seo;

/// <summary>
/// The hot path: a GET or HEAD for a page already rendered from the request's snapshot is answered here, before routing,
/// from <see cref="PreparedResponses"/>: status, headers and bytes prepared when it was first rendered, with a
/// Content-Length, and a 304 for a matching <c>If-None-Match</c> (or, without one, an <c>If-Modified-Since</c> not older
/// than Last-Modified). Everything else goes on to routing. The query string plays no part: no page reads it.
/// </summary>
internal sealed class PreparedResponseMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, ContentSnapshot snapshot)
    {
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || !PreparedResponses.For(snapshot).TryGet(PreparedResponses.Key(request.Path.Value ?? "/", HttpCaching.ResponseEncoding(context)), out var prepared))
        {
            return next(context);
        }

        var response = context.Response;
        var headers = response.Headers;
        headers.ETag = prepared.ETag;
        headers.LastModified = prepared.LastModified;
        headers.CacheControl = prepared.CacheControl;
        headers.Vary = HeaderNames.AcceptEncoding;
        if (ConditionalGet.IsNotModified(request.GetTypedHeaders(), prepared.ETag.ToString(), prepared.LastModifiedTime))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        response.StatusCode = StatusCodes.Status200OK;
        headers.ContentType = prepared.ContentType;
        if (prepared.ContentEncoding.Count > 0)
        {
            headers.ContentEncoding = prepared.ContentEncoding;
        }
        response.ContentLength = prepared.Body.Length;
        headers.Age = prepared.AgeAt(Environment.TickCount64);
        // No cancellation token: a client that goes away mid-write is Kestrel's to drop quietly; a cancelled write would
        // throw, and the request log would report the disconnect as a 500 (bench/hostile-memory.sh caught exactly that).
        return HttpMethods.IsHead(request.Method) ? Task.CompletedTask : response.Body.WriteAsync(prepared.Body).AsTask();
    }
}
