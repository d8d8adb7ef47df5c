using System.Collections.Concurrent;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Stackwise.Web.Content.Snapshot;

namespace Stackwise.Web.Seo;

/// <summary>One rendered content response, with every header it is sent with already written out.</summary>
/// <param name="PreparedAt">When it was rendered (<see cref="Environment.TickCount64"/>), for the <c>Age</c> it is served with.</param>
public sealed record PreparedResponse(
    byte[] Body,
    StringValues ContentType,
    StringValues ContentEncoding,
    StringValues ETag,
    StringValues LastModified,
    DateTimeOffset LastModifiedTime,
    StringValues CacheControl,
    long PreparedAt)
{
    /// <summary>What the page was rendered from, when it may be served for a later snapshot with the same inputs.</summary>
    public PageInputs? Inputs { get; init; }

    private static readonly string[] SmallAges = [.. Enumerable.Range(0, 600).Select(seconds => seconds.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>
    /// Whole seconds since it was rendered: like the output cache before it, a response served from memory says how old
    /// it is, so shared caches count its freshness from when it was made.
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
    /// The most bytes handed to Kestrel in one write. Kestrel copies a write whole into its pooled 4 KB blocks before it
    /// waits for the client, so the 1.3 MB sitemap of 10,000 articles written at once to 64 clients held 80 MB of pinned
    /// blocks, and every request after such a burst ran about a fifth slower (docs/performance.md). Written in slices, each
    /// write waits while the connection already holds Kestrel's response buffer (64 KB), so a client takes no more.
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

/// <summary>
/// The content responses of one snapshot, each kept the first time it is rendered (per path and coding) and served from
/// then on by <see cref="PreparedResponseMiddleware"/> before routing: a dictionary lookup and a write of bytes. It lives
/// and dies with its snapshot (<see cref="ContentSnapshot.Derived{T}"/>). After a reload a page is rendered again unless
/// the previous snapshot's response for it was made from the same <see cref="PageInputs"/> (an article whose file,
/// related articles and people did not change): a save then re-renders the pages it touches instead of every page.
/// Only canonical paths are kept, so the entries are bounded by the pages the snapshot serves times three codings.
/// </summary>
public sealed class PreparedResponses
{
    // Keyed by (path, coding): a value tuple, so a lookup builds no key string.
    private readonly ConcurrentDictionary<(string Path, string Coding), PreparedResponse> _responses = new();

    // The previous snapshot's responses, one level only (never their snapshot): what a page may be carried over from.
    private volatile PreparedResponses? _previous;

    public int Count => _responses.Count;

    public static PreparedResponses For(ContentSnapshot snapshot) => snapshot.Derived(_ => new PreparedResponses());

    public bool TryGet(string path, string coding, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PreparedResponse? response) =>
        _responses.TryGetValue((path, coding), out response);

    public void Add(string path, string coding, PreparedResponse response) => _responses.TryAdd((path, coding), response);

    /// <summary>Takes over the responses of the snapshot this one replaces; that one lets go of its own predecessor.</summary>
    public void CarryFrom(PreparedResponses previous)
    {
        previous._previous = null;
        _previous = previous;
    }

    /// <summary>
    /// The previous snapshot's response for the page when it was rendered from the same inputs as the page has now; it is
    /// kept here from then on.
    /// </summary>
    /// <param name="snapshot">The snapshot these responses belong to.</param>
    public bool TryCarryOver(string path, string coding, EveryPageInputs pages, ContentSnapshot snapshot,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PreparedResponse? response)
    {
        response = null;
        if (_previous is not { } previous || !previous.TryGet(path, coding, out var earlier) || earlier.Inputs is not { } inputs
            || pages.InputsOf(snapshot, path) is not { } now || !now.SameAs(inputs))
        {
            return false;
        }
        response = _responses.GetOrAdd((path, coding), earlier);
        return true;
    }
}
