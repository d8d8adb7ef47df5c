using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Site;
using Stackwise.Web.Telemetry;

namespace Stackwise.Web.Seo;

/// <summary>
/// Gives content responses a strong ETag derived from their bytes, a Last-Modified that moves whenever those bytes
/// change (<see cref="ResponseDates"/>) and the configured Cache-Control, and answers a matching <c>If-None-Match</c>
/// (or, without one, an <c>If-Modified-Since</c> not older than Last-Modified) with 304 and no body. The response of a
/// canonical path is kept in the <see cref="ResponseCache"/> with the keys of what it read, and answers its repeats. A
/// request whose page another request prepared while it waited is answered with that prepared response, not rendered again.
/// </summary>
internal sealed class ConditionalGetMiddleware(RequestDelegate next, IOptions<SiteOptions> site, ResponseDates dates, ResponseCodings codings,
    ResponseCache cache)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || context.GetEndpoint()?.Metadata.GetMetadata<CacheableContent>() is null)
        {
            await next(context);
            return;
        }

        // A request for a page another request is rendering waits for that render and is answered with it.
        var (path, coding) = (request.Path.Value ?? "/", codings.For(context));
        using var claim = cache.Claim(path, coding, out var running);
        if (running is not null)
        {
            await running;
        }
        if (cache.TryGet<PreparedResponse>(path, coding, out var prepared))
        {
            await prepared.WriteAsync(context, dates.Now());
            return;
        }
        var snapshot = context.RequestServices.GetRequiredService<ContentSnapshot>();

        var response = context.Response;
        using var render = await BufferedRender.RunAsync(context, next);
        var buffer = render.Bytes;
        if (response.StatusCode == StatusCodes.Status200OK && HttpCaching.IsCacheableMediaType(response.ContentType))
        {
            var entityTag = $"\"{Convert.ToBase64String(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)), 0, 18).Replace('+', '-').Replace('/', '_')}\"";
            var now = dates.Now();
            var lastModified = dates.Since(request.Path.Value ?? "/", response.Headers.ContentEncoding, entityTag, now);
            var headers = response.Headers;
            headers.ETag = entityTag;
            headers.LastModified = HeaderUtilities.FormatDate(lastModified);
            headers.Date = now.NotBefore(lastModified, headers.LastModified);
            headers.CacheControl = site.Value.PageCacheControl;
            // The same URL is sent compressed or not, so every variant tells shared caches it varies.
            headers.Vary = HeaderNames.AcceptEncoding;
            Prepare(context, snapshot, buffer, lastModified);
            if (ConditionalGet.Answered(response, ConditionalGet.Evaluate(request, entityTag, lastModified, now.Time)))
            {
                response.ContentLength = null;
                response.Headers.ContentType = default;
                return;
            }
        }

        // The whole body is here, so it goes out with its length instead of chunked.
        await render.SendAsync(context);
    }

    /// <summary>
    /// Keeps a rendered response of a canonical path (lowercase, no trailing slash) for the snapshot it came from, so the
    /// next request for it never reaches routing (<see cref="PreparedResponseMiddleware"/>). Other spellings of a path that
    /// routing also answers (<c>/SITEMAP.XML</c>) are rendered each time, so they cannot multiply the entries. A HEAD is
    /// rendered with its body as a GET is, so it is kept the same way.
    /// </summary>
    private void Prepare(HttpContext context, ContentSnapshot snapshot, MemoryStream buffer, DateTimeOffset lastModified)
    {
        var path = context.Request.Path.Value ?? "/";
        var keys = new ContentKeySet(ContentReads.Current?.Keys ?? []);
        var headers = context.Response.Headers;
        headers[ContentKeySet.HeaderName] = keys.Header;
        if (buffer.Length == 0 || SitePaths.Normalize(path) != path)
        {
            return;
        }
        cache.Add(snapshot.Version, path, codings.For(context), new PreparedResponse(
            buffer.ToArray(), headers.ContentType, headers.ContentEncoding, headers.ETag, headers.LastModified, lastModified, headers.CacheControl,
            Environment.TickCount64, keys, PageKinds.Declared(context) ?? PageKinds.Other));
    }
}
