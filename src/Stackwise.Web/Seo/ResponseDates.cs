using System.Collections.Concurrent;

namespace Stackwise.Web.Seo;

/// <summary>
/// Since when each URL has been sent with the bytes it has now, per content coding. A content date alone cannot say
/// when a page changed: a corrected body without a new <c>updated</c>, a related article's new title or a new layout
/// change the bytes but not the date. So <c>Last-Modified</c> is the moment this process first sent these bytes (never
/// before a content date: dates after today are refused), and an <c>If-Modified-Since</c> from before a change never
/// gets a 304. After a restart every page dates from its first request: a 200 instead of a 304 once, never a stale page.
/// Bounded by the pages the site serves: only 200 responses of content endpoints are recorded.
/// </summary>
public sealed class ResponseDates(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (string ETag, DateTimeOffset Since)> _sent = new(StringComparer.Ordinal);

    /// <summary>When <paramref name="entityTag"/> was first sent for this path and coding (now, to the second, if it is new).</summary>
    public DateTimeOffset Since(string path, string? contentEncoding, string entityTag)
    {
        var key = $"{path.ToLowerInvariant()}\n{contentEncoding}";
        var now = DateTimeOffset.FromUnixTimeSeconds(time.GetUtcNow().ToUnixTimeSeconds());
        return _sent.AddOrUpdate(key, (entityTag, now), (_, last) => last.ETag == entityTag ? last : (entityTag, now)).Since;
    }
}
