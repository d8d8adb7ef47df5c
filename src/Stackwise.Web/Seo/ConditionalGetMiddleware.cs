using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.Headers;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Stackwise.Web.Seo;

/// <summary>
/// Gives content responses a strong ETag derived from their bytes, a Last-Modified that moves whenever those bytes
/// change (<see cref="ResponseDates"/>) and the configured Cache-Control, and answers a matching <c>If-None-Match</c>
/// (or, without one, an <c>If-Modified-Since</c> not older than Last-Modified) with 304 and no body. The output cache
/// in front of it stores these headers and answers repeat requests.
/// </summary>
internal sealed class ConditionalGetMiddleware(RequestDelegate next, IOptions<SiteOptions> site, ResponseDates dates)
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

        var response = context.Response;
        var body = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = body;
        }

        if (response.StatusCode == StatusCodes.Status200OK && HttpCaching.IsCacheableMediaType(response.ContentType))
        {
            var entityTag = new EntityTagHeaderValue($"\"{Convert.ToBase64String(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)), 0, 18).Replace('+', '-').Replace('/', '_')}\"");
            var headers = response.GetTypedHeaders();
            headers.ETag = entityTag;
            headers.LastModified = dates.Since(request.Path.Value ?? "/", response.Headers.ContentEncoding, entityTag.Tag.Value ?? "");
            response.Headers.CacheControl = site.Value.PageCacheControl;
            // The same URL is sent compressed or not, so every variant tells shared caches it varies.
            response.Headers.Vary = HeaderNames.AcceptEncoding;
            if (IsNotModified(request.GetTypedHeaders(), entityTag, headers.LastModified))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentLength = null;
                response.Headers.ContentType = default;
                return;
            }
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(body, context.RequestAborted);
    }

    private static bool IsNotModified(RequestHeaders request, EntityTagHeaderValue entityTag, DateTimeOffset? lastModified)
    {
        if (request.IfNoneMatch.Count > 0)
        {
            return request.IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(entityTag, useStrongComparison: false));
        }
        return request.IfModifiedSince is { } since && lastModified is { } modified && modified <= since;
    }
}
