using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Stackwise.Web.Seo;

/// <summary>One rendered content response, with every header it is sent with already written out.</summary>
/// <param name="PreparedAt">When it was rendered (<see cref="Environment.TickCount64"/>), for the <c>Age</c> it is served with.</param>
/// <param name="Kind">The kind of page it is (<see cref="Telemetry.PageKinds"/>), its route in metrics and traces.</param>
public sealed record PreparedResponse(
    byte[] Body,
    StringValues ContentType,
    StringValues ContentEncoding,
    StringValues ETag,
    StringValues LastModified,
    DateTimeOffset LastModifiedTime,
    StringValues CacheControl,
    long PreparedAt,
    ContentKeySet Keys,
    string Kind) : CachedResponse(Body, Keys)
{
    private static readonly string[] SmallAges = [.. Enumerable.Range(0, 600).Select(seconds => seconds.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>
    /// Whole seconds since it was rendered: a response served from memory says how old it is, so shared caches count its
    /// freshness from when it was made.
    /// </summary>
    public string AgeAt(long now)
    {
        var seconds = Math.Max(0, (now - PreparedAt) / 1000);
        return seconds < SmallAges.Length ? SmallAges[seconds] : seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Answers a GET or HEAD with this response: its headers, then a 304 for a matching <c>If-None-Match</c> (or, without
    /// one, an <c>If-Modified-Since</c> not older than Last-Modified) or a 412 for a failed <c>If-Match</c> or
    /// <c>If-Unmodified-Since</c> (<see cref="ConditionalGet"/>), else its bytes with their Content-Length.
    /// </summary>
    /// <param name="now">The <c>Date</c> it is sent with, from the clock its Last-Modified came from (<see cref="ResponseDates"/>).</param>
    public Task WriteAsync(HttpContext context, ResponseDate now)
    {
        var (request, response) = (context.Request, context.Response);
        var headers = response.Headers;
        headers.ETag = ETag;
        headers.LastModified = LastModified;
        headers.Date = now.NotBefore(LastModifiedTime, LastModified);
        headers.CacheControl = CacheControl;
        headers.Vary = HeaderNames.AcceptEncoding;
        headers[ContentKeySet.HeaderName] = Keys.Header;
        if (ConditionalGet.Answered(response, ConditionalGet.Evaluate(request, ETag.ToString(), LastModifiedTime, now.Time)))
        {
            return Task.CompletedTask;
        }

        response.StatusCode = StatusCodes.Status200OK;
        headers.ContentType = ContentType;
        if (ContentEncoding.Count > 0)
        {
            headers.ContentEncoding = ContentEncoding;
        }
        response.ContentLength = Body.Length;
        headers.Age = AgeAt(Environment.TickCount64);
        // No cancellation token: a client that goes away mid-write is Kestrel's to drop quietly; a cancelled write would
        // throw, and the request log would report the disconnect as a 500 (bench/hostile-memory.sh caught exactly that).
        return HttpMethods.IsHead(request.Method) ? Task.CompletedTask : WriteBodyAsync(response.Body, Body);
    }

    /// <summary>
    /// The most bytes handed to Kestrel in one write. Kestrel copies a write whole into its pooled 4 KB blocks before
    /// it waits for the client, so the 1.3 MB sitemap of 10,000 articles written at once to 64 clients held 80 MB of
    /// pinned blocks, and every request after such a burst ran about a fifth slower ("Large bodies in 64 KB slices" in
    /// docs/performance.md). Written in slices, each write waits while the connection already holds Kestrel's response
    /// buffer (64 KB), so a client takes no more.
    /// </summary>
    internal const int LargestWrite = 64 * 1024;

    /// <summary>Writes a whole body to the response, in slices of at most <see cref="LargestWrite"/> bytes.</summary>
    internal static Task WriteBodyAsync(Stream body, ReadOnlyMemory<byte> bytes) =>
        bytes.Length <= LargestWrite ? body.WriteAsync(bytes).AsTask() : WriteInSlicesAsync(body, bytes);

    private static async Task WriteInSlicesAsync(Stream body, ReadOnlyMemory<byte> bytes)
    {
        for (var offset = 0; offset < bytes.Length; offset += LargestWrite)
        {
            await body.WriteAsync(bytes.Slice(offset, Math.Min(LargestWrite, bytes.Length - offset)));
        }
    }
}
