using System.Security.Cryptography;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Site;

namespace Stackwise.Web.Seo;

/// <summary>
/// Gives content responses a strong ETag derived from their bytes, a Last-Modified that moves whenever those bytes
/// change (<see cref="ResponseDates"/>) and the configured Cache-Control, and answers a matching <c>If-None-Match</c>
/// (or, without one, an <c>If-Modified-Since</c> not older than Last-Modified) with 304 and no body. A GET of a canonical
/// path is kept as a prepared response, which answers its repeats; the output cache in front of it keeps the rest (other
/// spellings of a path, HEAD before any GET). A request whose page another request prepared while it waited is answered
/// with that prepared response, not rendered again.
/// </summary>
internal sealed class ConditionalGetMiddleware(RequestDelegate next, IOptions<SiteOptions> site, ResponseDates dates, ResponseCodings codings,
    EveryPageInputs pages)
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

        // Requests for one page that arrive while it renders wait for that render in the output cache, which then stores
        // nothing (the page became a prepared response): each would render the page again, so every client asking for the
        // sitemap right after a save rendered it once more. They find it prepared here instead.
        var snapshot = context.RequestServices.GetRequiredService<ContentSnapshot>();
        if (PreparedResponses.For(snapshot).TryGet(request.Path.Value ?? "/", codings.For(context), out var prepared))
        {
            KeepOutOfTheOutputCache(context);
            await prepared.WriteAsync(context, dates.Now());
            return;
        }

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
    /// Keeps a rendered GET response of a canonical path (lowercase, no trailing slash) for the snapshot it came from, so
    /// the next request for it never reaches routing (<see cref="PreparedResponseMiddleware"/>). Other spellings of a path
    /// that routing also answers (<c>/SITEMAP.XML</c>) are left to the output cache, so they cannot multiply the entries.
    /// </summary>
    private void Prepare(HttpContext context, ContentSnapshot snapshot, MemoryStream buffer, DateTimeOffset lastModified)
    {
        var path = context.Request.Path.Value ?? "/";
        if (!HttpMethods.IsGet(context.Request.Method) || SitePaths.Normalize(path) != path)
        {
            return;
        }
        var headers = context.Response.Headers;
        PreparedResponses.For(snapshot).Add(path, codings.For(context), new PreparedResponse(
            buffer.ToArray(), headers.ContentType, headers.ContentEncoding, headers.ETag, headers.LastModified, lastModified, headers.CacheControl,
            Environment.TickCount64)
        {
            Inputs = pages.InputsOf(snapshot, path),
        });
        KeepOutOfTheOutputCache(context);
    }

    /// <summary>
    /// A prepared response answers its path before the output cache is asked, so a second copy of the bytes there would only
    /// hold memory (about 9 MB for the 500 articles of the bench's mix at 10,000 articles).
    /// </summary>
    private static void KeepOutOfTheOutputCache(HttpContext context)
    {
        if (context.Features.Get<IOutputCacheFeature>() is { } outputCache)
        {
            outputCache.Context.AllowCacheStorage = false;
        }
    }
}
