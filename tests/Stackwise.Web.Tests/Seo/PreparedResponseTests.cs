using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Stackwise.Web.Content.Hosting;
using Stackwise.Web.Seo;
using Stackwise.Web.Tests.Support;
using static Stackwise.Web.Tests.Seo.SavedSite;

namespace Stackwise.Web.Tests.Seo;

/// <summary>A page rendered once is answered from then on before routing, exactly as it was first sent.</summary>
public sealed class PreparedResponseTests
{
    [Theory]
    [InlineData("/therapies/alpha-test-therapy", null)]
    [InlineData("/therapies/alpha-test-therapy", "br")]
    [InlineData("/", "gzip")]
    [InlineData("/categories/test-category-a", null)]
    [InlineData("/sitemap.xml", "gzip")]
    [InlineData("/feed.xml", null)]
    [InlineData("/robots.txt", null)]
    public async Task SecondRequestIsAnsweredBeforeRoutingWithTheSameBytesAndHeaders(string url, string? coding)
    {
        await using var site = new TestContentFactory();
        var client = site.CreateClient();
        client.DefaultRequestHeaders.AcceptEncoding.ParseAdd(coding ?? "identity");
        var first = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using var routed = new RoutedRequests(site);

        var second = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(0, routed.Count);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(second.Content.Headers.ContentLength, (await second.Content.ReadAsByteArrayAsync()).Length);
        Assert.False(second.Headers.TransferEncodingChunked ?? false);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(first.Content.Headers.LastModified, second.Content.Headers.LastModified);
        Assert.Equal(first.Content.Headers.ContentType, second.Content.Headers.ContentType);
        Assert.Equal(first.Content.Headers.ContentEncoding, second.Content.Headers.ContentEncoding);
        Assert.Equal(first.Headers.CacheControl, second.Headers.CacheControl);
        Assert.Contains("Accept-Encoding", second.Headers.Vary);
        Assert.Null(first.Headers.Age);
        Assert.InRange(second.Headers.Age ?? TimeSpan.MinValue, TimeSpan.Zero, TimeSpan.FromSeconds(60));
        Assert.Contains("default-src 'self'", string.Join(' ', second.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        // Every other header is the rendered response's, security headers included (the hot path writes them itself).
        Assert.Equal(HeadersBesidesAge(first), HeadersBesidesAge(second));
    }

    [Fact]
    public async Task HeadAndConditionalRequestsAreAnsweredBeforeRoutingToo()
    {
        await using var site = new TestContentFactory();
        var client = site.CreateClient();
        var get = await client.GetAsync(new Uri("/therapies/alpha-test-therapy", UriKind.Relative));
        using var routed = new RoutedRequests(site);

        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/therapies/alpha-test-therapy"));
        using var ifNoneMatch = new HttpRequestMessage(HttpMethod.Get, "/therapies/alpha-test-therapy");
        ifNoneMatch.Headers.IfNoneMatch.Add(get.Headers.ETag ?? throw new InvalidOperationException("no ETag"));
        var notModified = await client.SendAsync(ifNoneMatch);
        using var ifModifiedSince = new HttpRequestMessage(HttpMethod.Get, "/therapies/alpha-test-therapy");
        ifModifiedSince.Headers.IfModifiedSince = get.Content.Headers.LastModified;
        var notModifiedSince = await client.SendAsync(ifModifiedSince);
        using var otherTag = new HttpRequestMessage(HttpMethod.Get, "/therapies/alpha-test-therapy");
        otherTag.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"other\""));
        var modified = await client.SendAsync(otherTag);

        Assert.Equal(0, routed.Count);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(get.Headers.ETag, notModified.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, notModifiedSince.StatusCode);
        Assert.Equal(HttpStatusCode.OK, modified.StatusCode);
    }

    [Fact]
    public async Task AReloadServesTheNewVersionAndOtherSpellingsAreNotKept()
    {
        using var folder = new TempContentFolder().Write("therapies/changing.md", SyntheticContent.LowRiskArticle);
        await using var site = new StackwiseFactory(folder.Root);
        var client = site.CreateClient();
        await client.GetAsync(new Uri("/therapies/changing", UriKind.Relative));
        await client.GetAsync(new Uri("/SITEMAP.XML", UriKind.Relative));
        var store = site.Services.GetRequiredService<ContentStore>();

        folder.Write("therapies/changing.md", SyntheticContent.LowRiskArticle.Replace("title: Good", "title: Changed", StringComparison.Ordinal));
        await store.ReloadAsync(CancellationToken.None);
        var (_, after) = await client.GetPageAsync("/therapies/changing");

        Assert.Equal("Changed", after.QuerySelector("h1")?.NormalizedText());
        // The count is the memory the cache holds, which no response shows: the changed page replaced its entry.
        Assert.Equal(1, site.Services.GetRequiredService<ResponseCache>().Count);
    }

    /// <summary>Another spelling of a path that routing answers is rendered each time and never kept, so it cannot
    /// multiply the entries.</summary>
    [Fact]
    public async Task OtherSpellingsOfAPathAreRenderedEachTimeAndNotKept()
    {
        await using var site = new TestContentFactory();
        var client = site.CreateClient();
        var cache = site.Services.GetRequiredService<ResponseCache>();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/sitemap.xml", UriKind.Relative))).StatusCode);
        var kept = cache.Count;
        using var routed = new RoutedRequests(site);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/SITEMAP.XML", UriKind.Relative))).StatusCode);
        }

        Assert.Equal(3, routed.Count);
        Assert.Equal(kept, cache.Count);  // the memory the cache holds, which no response shows, did not grow
    }

    [Fact]
    public async Task AResponseLargerThanOneWriteIsSentWholeInSlices()
    {
        // The sitemap of a thousand articles, uncompressed: several slices, the last one cut short.
        using var folder = new TempContentFolder();
        for (var i = 0; i < 1000; i++)
        {
            folder.Write($"therapies/synthetic-article-with-a-long-name-{i:0000}{new string('x', i % 7)}.md", Article($"Synthetic {i}", "Category One"));
        }
        var (site, client, _) = await StartAsync(folder);
        await using var _ = site;
        var rendered = await client.GetByteArrayAsync(new Uri("/sitemap.xml", UriKind.Relative));
        using var routed = new RoutedRequests(site);

        var prepared = await client.GetAsync(new Uri("/sitemap.xml", UriKind.Relative));
        var bytes = await prepared.Content.ReadAsByteArrayAsync();

        Assert.Equal(0, routed.Count);
        Assert.Equal(rendered, bytes);
        Assert.Equal(bytes.Length, prepared.Content.Headers.ContentLength);
        Assert.True(bytes.Length > 2 * PreparedResponse.LargestWrite && bytes.Length % PreparedResponse.LargestWrite != 0, $"the sitemap has {bytes.Length} bytes");
        Assert.Equal(1000, System.Xml.Linq.XDocument.Parse(Encoding.UTF8.GetString(bytes)).Descendants().Count(element => element.Name.LocalName == "loc"
            && element.Value.Contains("/therapies/synthetic-article-with-a-long-name-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task OnlyTheLastSnapshotsResponsesAreHandedOnNotTheSnapshotsThemselves()
    {
        using var folder = SavedAndUntouched();
        var (site, client, store) = await StartAsync(folder, "/supplements/untouched");
        await using var _ = site;
        var first = OldSnapshot(store);

        for (var save = 1; save <= 2; save++)
        {
            folder.Write("therapies/saved.md", Article($"Saved {save}", "Category One"));
            await store.ReloadAsync(CancellationToken.None);
            await store.WarmingIdle;
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/supplements/untouched", UriKind.Relative))).StatusCode);
        }
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(first.IsAlive, "the first snapshot is still referenced after two reloads");
    }

    // Not inlined, so no local of the test method keeps the snapshot alive.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static WeakReference OldSnapshot(ContentStore store) => new(store.Current);

    private static SortedDictionary<string, string> HeadersBesidesAge(HttpResponseMessage response) =>
        new(response.Headers.Concat(response.Content.Headers)
            .Where(header => header.Key is not ("Age" or "Date"))
            .ToDictionary(header => header.Key, header => string.Join(", ", header.Value), StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);
}
