using Microsoft.Extensions.Primitives;
using Stackwise.Web.Content.Hosting;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Seo;

namespace Stackwise.Web.Tests.Seo;

/// <summary>The one response cache: what a new snapshot's changed keys drop, that a render of an older snapshot is never
/// kept, and that its bytes stay within the bound with the pages read lately kept.</summary>
public sealed class ResponseCacheTests
{
    private static PreparedResponse Response(params string[] keys) => Response(3, keys);

    private static PreparedResponse Response(int bodyBytes, params string[] keys) =>
        new(new byte[bodyBytes], "text/html", StringValues.Empty, "\"tag\"", "Mon, 07 Dec 2026 00:00:00 GMT", DateTimeOffset.UnixEpoch, "public", 0, new ContentKeySet(keys), "article");

    private static ContentSnapshot Snapshot() => ContentSnapshot.Create(LoadedContent.Empty, new ContentVisibility(DateOnly.MinValue, IncludeUnpublished: false));

    private static (ResponseCache Cache, ContentSnapshot Current) AtNewSnapshot(ResponseCache? cache = null, params string[] changed)
    {
        cache ??= new ResponseCache(long.MaxValue);
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

    private const int Overhead = ResponseCache.EntryOverheadBytes;

    [Fact]
    public void PastTheBoundTheEntriesAddedFirstAndNotReadSinceGo()
    {
        var (cache, current) = AtNewSnapshot(new ResponseCache(4 * (1000 + Overhead)));
        string[] pages = ["/a", "/b", "/c", "/d"];
        foreach (var page in pages)
        {
            cache.Add(current.Version, page, "", Response(1000, page));
        }
        Assert.Equal(4 * (1000 + Overhead), cache.Bytes);

        cache.Add(current.Version, "/e", "", Response(1000, "/e"));

        Assert.False(cache.TryGet<PreparedResponse>("/a", "", out _));
        string[] kept = ["/b", "/c", "/d", "/e"];
        Assert.All(kept, page => Assert.True(cache.TryGet<PreparedResponse>(page, "", out _), page));
        Assert.Equal(4 * (1000 + Overhead), cache.Bytes);
        Assert.Equal(1, cache.Evictions);
    }

    [Fact]
    public void AnEntryReadSinceTheHandLastPassedGetsASecondChance()
    {
        var (cache, current) = AtNewSnapshot(new ResponseCache(3 * (1000 + Overhead)));
        cache.Add(current.Version, "/home", "br", Response(1000, "/home"));
        cache.Add(current.Version, "/once", "br", Response(1000, "/once"));
        cache.Add(current.Version, "/twice", "br", Response(1000, "/twice"));

        // The home page is read between every addition, as a busy page is: it stays while every other page comes and goes.
        for (var i = 0; i < 20; i++)
        {
            Assert.True(cache.TryGet<PreparedResponse>("/home", "br", out _), $"the home page went at addition {i}");
            cache.Add(current.Version, $"/crawled-{i}", "br", Response(1000, $"/crawled-{i}"));
        }

        Assert.False(cache.TryGet<PreparedResponse>("/once", "br", out _));
        Assert.False(cache.TryGet<PreparedResponse>("/crawled-0", "br", out _));
        Assert.True(cache.TryGet<PreparedResponse>("/crawled-19", "br", out _));
        Assert.True(cache.Bytes <= 3 * (1000 + Overhead));
    }

    [Fact]
    public void AResponseLargerThanTheBoundIsNotKeptAndDropsNothing()
    {
        var (cache, current) = AtNewSnapshot(new ResponseCache(2000 + Overhead));
        cache.Add(current.Version, "/small", "", Response(1000, "/small"));

        cache.Add(current.Version, "/sitemap.xml", "", Response(2001, "/sitemap.xml"));

        Assert.False(cache.TryGet<PreparedResponse>("/sitemap.xml", "", out _));
        Assert.True(cache.TryGet<PreparedResponse>("/small", "", out _));
        Assert.Equal(0, cache.Evictions);
    }

    [Fact]
    public void EntriesASwapDropsOrAnAdditionReplacesAreNoLongerCounted()
    {
        var (cache, current) = AtNewSnapshot(new ResponseCache(3 * (1000 + Overhead)));
        cache.Add(current.Version, "/a", "", Response(1000, "/a"));
        cache.Add(current.Version, "/a", "", Response(500, "/a"));
        cache.Add(current.Version, "/b", "", Response(1000, "/b"));
        Assert.Equal(1500 + (2 * Overhead), cache.Bytes);

        (_, current) = AtNewSnapshot(cache, "/a");
        Assert.Equal(1000 + Overhead, cache.Bytes);
        cache.Add(current.Version, "/c", "", Response(1000, "/c"));
        cache.Add(current.Version, "/d", "", Response(1000, "/d"));

        Assert.Equal(0, cache.Evictions);
        (_, current) = AtNewSnapshot(cache, ContentKeys.Site);
        Assert.Equal(0, cache.Bytes);
    }

    /// <summary>
    /// Every sequence of additions, reads and swaps (random sizes, pages, codings and keys from a fixed seed, 20,000 steps
    /// on three bounds): the count is the sum of what the entries are counted at, never past the bound after a step, a
    /// dropped key leaves nothing that carries it, and an entry is what was last added for its page and coding.
    /// </summary>
    [Theory]
    [InlineData(1, 5_000)]
    [InlineData(2, 40_000)]
    [InlineData(3, 400_000)]
    public void TheCountAndTheBoundHoldOverAnySequenceOfAdditionsReadsAndSwaps(int seed, int maxBytes)
    {
        var random = new Random(seed);
        var (cache, current) = AtNewSnapshot(new ResponseCache(maxBytes));
        var added = new Dictionary<(string, string), PreparedResponse>();
        string[] codings = ["", "br", "gzip"];
        for (var step = 0; step < 20_000; step++)
        {
            var page = $"/page-{random.Next(200)}";
            var coding = codings[random.Next(codings.Length)];
            switch (random.Next(10))
            {
                case < 6:
                    var response = Response(random.Next(0, maxBytes / 3), page, $"tag:{random.Next(20)}");
                    cache.Add(current.Version, page, coding, response);
                    added[(page, coding)] = response;
                    break;
                case < 9:
                    if (cache.TryGet<PreparedResponse>(page, coding, out var found))
                    {
                        Assert.Same(added[(page, coding)], found);
                    }
                    break;
                default:
                    var changed = random.Next(4) == 0 ? $"tag:{random.Next(20)}" : page;
                    (_, current) = AtNewSnapshot(cache, changed);
                    Assert.All(codings, dropped => Assert.False(
                        cache.TryGet<PreparedResponse>(page, dropped, out var left) && left.Keys.Keys.Contains(changed)));
                    break;
            }
            var kept = added.Where(pair => cache.TryGet<PreparedResponse>(pair.Key.Item1, pair.Key.Item2, out var entry) && entry == pair.Value).ToList();
            Assert.Equal(cache.Count, kept.Count);
            Assert.Equal(kept.Sum(pair => (long)pair.Value.Body.Length + Overhead), cache.Bytes);
            Assert.True(cache.Bytes <= maxBytes, $"{cache.Bytes} bytes past the bound of {maxBytes} at step {step}");
        }
        Assert.True(cache.Evictions > 0);
    }
}
