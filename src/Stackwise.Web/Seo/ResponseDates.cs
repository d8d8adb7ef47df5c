using System.Collections.Concurrent;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Stackwise.Web.Seo;

/// <summary>
/// Since when each URL has been sent with the bytes it has now, per content coding. A content date alone cannot say
/// when a page changed: a corrected body without a new <c>updated</c>, a related article's new title or a new layout
/// change the bytes but not the date. So <c>Last-Modified</c> is the moment this process first sent these bytes (never
/// before a content date: dates after today are refused), and an <c>If-Modified-Since</c> from before a change never
/// gets a 304. After a restart every page dates from its first request: a 200 instead of a 304 once, never a stale page.
/// Bounded by the pages the site serves: only 200 responses of content endpoints are recorded.
/// </summary>
/// <remarks>
/// A response that carries one of these dates also carries its <c>Date</c> from the same clock (<see cref="Now"/>): HTTP
/// forbids a <c>Last-Modified</c> later than the response's <c>Date</c> (RFC 9110, 8.8.2.1), and Kestrel's own <c>Date</c>
/// is the time of its last once-a-second tick, up to a second behind the clock, so a page first sent in that second went
/// out with a <c>Last-Modified</c> a second after its <c>Date</c>.
/// </remarks>
public sealed class ResponseDates(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (string ETag, DateTimeOffset Since)> _sent = new(StringComparer.Ordinal);
    private volatile ResponseDate? _now;

    /// <summary>The current second of the clock, with its <c>Date</c> header written once per second.</summary>
    public ResponseDate Now()
    {
        var seconds = time.GetUtcNow().ToUnixTimeSeconds();
        var now = _now;
        if (now is null || now.Time.ToUnixTimeSeconds() != seconds)
        {
            _now = now = new ResponseDate(DateTimeOffset.FromUnixTimeSeconds(seconds));
        }
        return now;
    }

    /// <summary>When <paramref name="entityTag"/> was first sent for this path and coding (<paramref name="now"/> if it is new).</summary>
    public DateTimeOffset Since(string path, string? contentEncoding, string entityTag, ResponseDate now)
    {
        var key = $"{path.ToLowerInvariant()}\n{contentEncoding}";
        return _sent.AddOrUpdate(key, (entityTag, now.Time), (_, last) => last.ETag == entityTag ? last : (entityTag, now.Time)).Since;
    }
}

/// <summary>One second of the clock and the <c>Date</c> header that says it.</summary>
public sealed class ResponseDate(DateTimeOffset time)
{
    public DateTimeOffset Time { get; } = time;

    public StringValues Header { get; } = HeaderUtilities.FormatDate(time);

    /// <summary>
    /// The <c>Date</c> for a response last modified at <paramref name="lastModified"/> (written as <paramref name="lastModifiedHeader"/>):
    /// this second, or the Last-Modified itself when the clock has been set back since the bytes were first sent.
    /// </summary>
    public StringValues NotBefore(DateTimeOffset lastModified, StringValues lastModifiedHeader) =>
        Time < lastModified ? lastModifiedHeader : Header;
}
