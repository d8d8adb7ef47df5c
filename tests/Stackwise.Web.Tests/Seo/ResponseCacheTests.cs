using Microsoft.Extensions.Primitives;
using Stackwise.Web.Content.Hosting;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Seo;

namespace Stackwise.Web.Tests.Seo;

/// <summary>The one response cache: what a new snapshot's changed keys drop, and that a render of an older snapshot is
/// never kept.</summary>
public sealed class ResponseCacheTests
{
    private static PreparedResponse Response(params string[] keys) =>
        new([1, 2, 3], "text/html", StringValues.Empty, "\"tag\"", "Mon, 07 Dec 2026 00:00:00 GMT", DateTimeOffset.UnixEpoch, "public", 0, new ContentKeySet(keys), "article");

    private static ContentSnapshot Snapshot() => ContentSnapshot.Create(LoadedContent.Empty, new ContentVisibility(DateOnly.MinValue, IncludeUnpublished: false));

    private static (ResponseCache Cache, ContentSnapshot Current) AtNewSnapshot(ResponseCache? cache = null, params string[] changed)
    {
        cache ??= new ResponseCache();
        var snapshot = Snapshot();
        cache.Swapping(new ContentChange(Snapshot(), snapshot, changed.ToHashSet(StringComparer.Ordinal)));
        return (cache, snapshot);
    }

    [Fact]
    public void ASwapDropsExactlyTheEntriesCarryingAChangedKeyInEveryCoding()
    {
        var (cache, current) = AtNewSnapshot();
        cache.Add(current.Version, "/a", "", Response("/a", "tag:x"));
        cache.Add(current.Version, "/a", "br", Response("/a", "tag:x"));
        cache.Add(current.Version, "/b", "", Response("/b", "tag:y"));
        cache.Add(current.Version, "/c", "", Response("/c", "tag:x", "tag:y"));

        AtNewSnapshot(cache, "tag:x", "never-read");

        Assert.False(cache.TryGet<PreparedResponse>("/a", "", out _));
        Assert.False(cache.TryGet<PreparedResponse>("/a", "br", out _));
        Assert.False(cache.TryGet<PreparedResponse>("/c", "", out _));
        Assert.True(cache.TryGet<PreparedResponse>("/b", "", out _));
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void ARenderOfAnOlderSnapshotIsNeverKept()
    {
        var (cache, old) = AtNewSnapshot();
        var (_, current) = AtNewSnapshot(cache, "/a");

        cache.Add(old.Version, "/a", "", Response("/a"));

        Assert.False(cache.TryGet<PreparedResponse>("/a", "", out _));
        cache.Add(current.Version, "/a", "", Response("/a"));
        Assert.True(cache.TryGet<PreparedResponse>("/a", "", out _));
    }

    [Fact]
    public void TheSiteKeyEmptiesTheCache()
    {
        var (cache, current) = AtNewSnapshot();
        cache.Add(current.Version, "/a", "", Response("/a"));
        cache.Add(current.Version, "/b", "", Response());

        AtNewSnapshot(cache, ContentKeys.Site);

        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void AReplacedEntryIsNoLongerDroppedByTheKeysOfTheOneItReplaced()
    {
        var (cache, current) = AtNewSnapshot();
        cache.Add(current.Version, "/a", "", Response("tag:old"));
        cache.Add(current.Version, "/a", "", Response("tag:new"));

        AtNewSnapshot(cache, "tag:old");

        Assert.True(cache.TryGet<PreparedResponse>("/a", "", out var kept));
        Assert.Equal(["tag:new"], kept.Keys.Keys);
    }
}
