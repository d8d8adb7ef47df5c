using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Primitives;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Seo;

namespace Stackwise.Web.Pages.Errors;

/// <summary>
/// The "not found" and "gone" pages, kept in the <see cref="ResponseCache"/> the first time each is rendered (per status
/// and coding) and written from then on for every path that gets that status. Outside Development their words depend on
/// the status alone (Development adds the problems of the file behind the path, so there each is rendered); what they read
/// from the snapshot is keyed like any page, so a change to it renders them again. Bounded by two statuses times three codings.
/// </summary>
public static class PreparedErrorPages
{
    /// <summary>The statuses whose page is the same for every path.</summary>
    public static bool IsPrepared(int status) => status is StatusCodes.Status404NotFound or StatusCodes.Status410Gone;

    /// <summary>The cache's path for a status's page: a status is never a URL path, which starts with a slash.</summary>
    public static string CachePath(int status) => status == StatusCodes.Status404NotFound ? "404" : "410";
}

/// <summary>A rendered error page: its bytes as sent (compressed or not) and the headers that describe them.</summary>
public sealed record PreparedErrorPage(byte[] Body, StringValues ContentType, StringValues ContentEncoding, StringValues Vary, ContentKeySet Keys)
    : CachedResponse(Body, Keys)
{
    /// <summary>Writes the page into a response that has its error status and nothing else yet; a HEAD gets the headers.</summary>
    public Task WriteAsync(HttpContext context)
    {
        var response = context.Response;
        response.Headers.ContentType = ContentType;
        if (ContentEncoding.Count > 0)
        {
            response.Headers.ContentEncoding = ContentEncoding;
        }
        if (Vary.Count > 0)
        {
            response.Headers.Vary = Vary;
        }
        response.ContentLength = Body.Length;
        // No cancellation token, as on the hot path: a client gone mid-write is not a server error.
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : PreparedResponse.WriteBodyAsync(response.Body, Body);
    }
}

/// <summary>
/// Sits right after the status code pages. A GET or HEAD that ends in 404 or 410 with nothing written gets the request's
/// snapshot's prepared page for that status, so the status code pages have nothing left to do; the first one of a
/// snapshot (per coding) goes on to be re-executed as usual, and its render, compressed, is kept on its way back through
/// here. Before this, every unknown path a crawler or scanner asked for was routed twice, rendered and compressed: 6,000
/// to 7,000 requests/s with Brotli against 54,000 for an article ("Error pages kept like pages" in docs/performance.md).
/// </summary>
internal sealed class PreparedErrorPagesMiddleware(RequestDelegate next, ResponseCodings codings, IHostEnvironment environment, ResponseCache cache)
{
    public Task InvokeAsync(HttpContext context)
    {
        var method = context.Request.Method;
        if (environment.IsDevelopment() || !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method)))
        {
            return next(context);
        }
        return context.Features.Get<IStatusCodeReExecuteFeature>() is null ? AnswerAsync(context) : RenderAndKeepAsync(context);
    }

    /// <summary>The request itself: when it ends in a prepared status with nothing written, the prepared page answers it.</summary>
    private async Task AnswerAsync(HttpContext context)
    {
        await next(context);
        var response = context.Response;
        if (!PreparedErrorPages.IsPrepared(response.StatusCode) || response.HasStarted || response.ContentLength is not null
            || !string.IsNullOrEmpty(response.ContentType) || context.Features.Get<IStatusCodePagesFeature>() is not { Enabled: true })
        {
            return;  // answered already, or not an error page the status code pages would render
        }
        if (cache.TryGet<PreparedErrorPage>(PreparedErrorPages.CachePath(response.StatusCode), codings.For(context), out var page))
        {
            // The page's own reads join the request's (the path that was not found), and both go out as its keys.
            ContentReads.Current?.AddRange(page.Keys.Keys);
            await page.WriteAsync(context);
        }
    }

    /// <summary>
    /// The status code pages' re-execution: the error page is rendered into a buffer, with a recording of its own reads (not
    /// the path that was not found), kept when it may be, and sent.
    /// </summary>
    private async Task RenderAndKeepAsync(HttpContext context)
    {
        var response = context.Response;
        var request = ContentReads.Current;
        var reads = ContentReads.Start();
        using var render = await BufferedRender.RunAsync(context, next);
        request?.AddRange(reads.Keys);
        var headers = response.Headers;
        if (HttpMethods.IsGet(context.Request.Method) && PreparedErrorPages.IsPrepared(response.StatusCode) && render.Bytes.Length > 0
            && HttpCaching.IsCacheableMediaType(response.ContentType))
        {
            var snapshot = context.RequestServices.GetRequiredService<ContentSnapshot>();
            cache.Add(snapshot.Version, PreparedErrorPages.CachePath(response.StatusCode), codings.For(context),
                new PreparedErrorPage(render.Bytes.ToArray(), headers.ContentType, headers.ContentEncoding, headers.Vary, new ContentKeySet(reads.Keys)));
        }
        await render.SendAsync(context);
    }
}
