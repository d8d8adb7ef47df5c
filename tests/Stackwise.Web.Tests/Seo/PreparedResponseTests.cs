using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Stackwise.Web.Content.Hosting;
using Stackwise.Web.Seo;
using Stackwise.Web.Tests.Support;

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

    private static string Article(string title, string category, string? author = null) =>
        $"---\ntitle: {title}\ncategory: {category}\nrisk: low\nsummary: Synthetic.\npublished: 2026-01-01\n"
        + (author is null ? "" : $"author: {author}\n") + "---\nText.\n";

    /// <summary>An article to save and one in another category with no tags, so the two are not related.</summary>
    private static TempContentFolder SavedAndUntouched() => new TempContentFolder()
        .Write("therapies/saved.md", Article("Saved", "Category One"))
        .Write("supplements/untouched.md", Article("Untouched", "Category Two"));

    private static async Task<(StackwiseFactory Site, HttpClient Client, ContentStore Store)> StartAsync(TempContentFolder folder, params string[] warm)
    {
        var site = new StackwiseFactory(folder.Root);
        var client = site.CreateClient();
        foreach (var url in warm)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
        }
        return (site, client, site.Services.GetRequiredService<ContentStore>());
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
    public async Task AfterASaveAnUntouchedArticleIsServedAsPreparedInsteadOfRenderedAgain()
    {
        using var folder = SavedAndUntouched();
        var (site, client, store) = await StartAsync(folder, "/therapies/saved", "/supplements/untouched");
        await using var _ = site;
        var before = await client.GetAsync(new Uri("/supplements/untouched", UriKind.Relative));

        folder.Write("therapies/saved.md", Article("Saved Again", "Category One"));
        await store.ReloadAsync(CancellationToken.None);
        using var routed = new RoutedRequests(site);
        var untouched = await client.GetAsync(new Uri("/supplements/untouched", UriKind.Relative));
        Assert.Equal(0, routed.Count);
        var (_, saved) = await client.GetPageAsync("/therapies/saved");

        Assert.Equal(1, routed.Count);
        Assert.Equal("Saved Again", saved.QuerySelector("h1")?.NormalizedText());
        Assert.Equal(await before.Content.ReadAsByteArrayAsync(), await untouched.Content.ReadAsByteArrayAsync());
        Assert.Equal(before.Headers.ETag, untouched.Headers.ETag);
        Assert.Equal(before.Content.Headers.LastModified, untouched.Content.Headers.LastModified);
    }

    [Fact]
    public async Task AnArticleListingTheSavedOneAsRelatedIsRenderedAgainWithItsNewTitle()
    {
        using var folder = new TempContentFolder()
            .Write("therapies/saved.md", Article("Saved", "Shared Category"))
            .Write("therapies/neighbour.md", Article("Neighbour", "Shared Category"));
        var (site, client, store) = await StartAsync(folder, "/therapies/neighbour");
        await using var _ = site;
        var (_, before) = await client.GetPageAsync("/therapies/neighbour");
        Assert.Contains("Saved", before.Body?.TextContent ?? "", StringComparison.Ordinal);

        folder.Write("therapies/saved.md", Article("Renamed By The Save", "Shared Category"));
        await store.ReloadAsync(CancellationToken.None);
        using var routed = new RoutedRequests(site);
        var (_, after) = await client.GetPageAsync("/therapies/neighbour");

        Assert.Equal(1, routed.Count);
        Assert.Contains("Renamed By The Save", after.Body?.TextContent ?? "", StringComparison.Ordinal);
    }

    /// <summary>
    /// Clients that ask for a page while its first render after a save is under way wait for that render and are all
    /// answered with its bytes: the page is rendered once, not once per client (64 clients rendered the sitemap 64 times).
    /// </summary>
    [Theory]
    [InlineData(null)]
    [InlineData("gzip")]
    public async Task ClientsAskingWhileAPageRendersAreAnsweredWithThatOneRender(string? coding)
    {
        const int clients = 8;
        using var folder = SavedAndUntouched();
        await using var site = new StackwiseFactory(folder.Root);
        var client = site.CreateClient();
        var store = site.Services.GetRequiredService<ContentStore>();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/therapies/saved", UriKind.Relative))).StatusCode);
        folder.Write("therapies/saved.md", Article("Saved Again", "Category One"));
        await store.ReloadAsync(CancellationToken.None);

        using var renders = new HeldFirstRender(site, clients);
        var answers = await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => SendAsync(client, "/therapies/saved", coding)));

        Assert.Equal(clients - 1, renders.Waited);
        Assert.Equal(1, renders.Count);
        var first = await answers[0].Content.ReadAsByteArrayAsync();
        Assert.Contains("Saved Again", Encoding.UTF8.GetString(coding is null ? first : Gunzip(first)), StringComparison.Ordinal);
        foreach (var answer in answers)
        {
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Equal(first, await answer.Content.ReadAsByteArrayAsync());
            Assert.Equal(answers[0].Headers.ETag, answer.Headers.ETag);
            Assert.Equal(answers[0].Content.Headers.ContentEncoding, answer.Content.Headers.ContentEncoding);
        }
    }

    private static byte[] Gunzip(byte[] compressed)
    {
        using var unzip = new System.IO.Compression.GZipStream(new MemoryStream(compressed), System.IO.Compression.CompressionMode.Decompress);
        using var plain = new MemoryStream();
        unzip.CopyTo(plain);
        return plain.ToArray();
    }

    /// <summary>
    /// Counts the page renders of a test host (MVC's "before action" diagnostic event) and holds the first one until the
    /// other <c>expected - 1</c> requests wait for it, so they all ask while it is under way.
    /// </summary>
    private sealed class HeldFirstRender : IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly IDisposable _subscription;
        private readonly ResponseCache _cache;
        private readonly long _waitsBefore;
        private readonly int _expected;
        private int _count;

        public HeldFirstRender(WebApplicationFactory<Program> site, int expected)
        {
            _expected = expected;
            _cache = site.Services.GetRequiredService<ResponseCache>();
            _waitsBefore = _cache.Waits;
            _subscription = site.Services.GetRequiredService<System.Diagnostics.DiagnosticListener>()
                .Subscribe(this, name => name is "Microsoft.AspNetCore.Mvc.BeforeAction");
        }

        public long Waited => _cache.Waits - _waitsBefore;

        public int Count => Volatile.Read(ref _count);

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (Interlocked.Increment(ref _count) == 1)
            {
                Assert.True(SpinWait.SpinUntil(() => Waited >= _expected - 1, TimeSpan.FromSeconds(10)),
                    $"{Waited} of {_expected - 1} requests waited for the render under way");
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose() => _subscription.Dispose();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("br")]
    public async Task TheSitemapIsServedAsPreparedAfterASaveThatChangesNoAddressAndNoDate(string? coding)
    {
        using var folder = SavedAndUntouched();
        var (site, client, store) = await StartAsync(folder);
        await using var _ = site;
        var before = await SendAsync(client, "/sitemap.xml", coding);

        folder.Write("therapies/saved.md", Article("Saved With A New Title", "Category One"));
        await store.ReloadAsync(CancellationToken.None);
        using var routed = new RoutedRequests(site);
        var after = await SendAsync(client, "/sitemap.xml", coding);

        Assert.Equal(0, routed.Count);
        Assert.Equal(await before.Content.ReadAsByteArrayAsync(), await after.Content.ReadAsByteArrayAsync());
        Assert.Equal(before.Headers.ETag, after.Headers.ETag);
        Assert.Equal(before.Content.Headers.LastModified, after.Content.Headers.LastModified);
    }

    [Theory]
    [InlineData("therapies/saved.md", "updated: 2026-02-03\n", "<lastmod>2026-02-03</lastmod>")]
    [InlineData("therapies/added.md", "", "/therapies/added</loc>")]
    public async Task TheSitemapIsWrittenAgainWhenADateOrAnAddressChanges(string file, string extraFrontMatter, string expected)
    {
        using var folder = SavedAndUntouched();
        var (site, client, store) = await StartAsync(folder);
        await using var _ = site;
        Assert.DoesNotContain(expected, await client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative)), StringComparison.Ordinal);

        folder.Write(file, Article("Synthetic", "Category One").Replace("---\nText.", extraFrontMatter + "---\nText.", StringComparison.Ordinal));
        await store.ReloadAsync(CancellationToken.None);
        using var routed = new RoutedRequests(site);
        var after = await client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative));

        Assert.Equal(1, routed.Count);
        Assert.Contains(expected, after, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string url, string? coding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        if (coding is not null)
        {
            request.Headers.AcceptEncoding.ParseAdd(coding);
        }
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task AnArticleIsRenderedAgainWhenItsWriterChanges()
    {
        using var folder = new TempContentFolder()
            .Write("people/writer-one.md", "---\nname: First Spelling\n---\nSynthetic biography.\n")
            .Write("therapies/written.md", Article("Written", "Category One", author: "writer-one"));
        var (site, client, store) = await StartAsync(folder, "/therapies/written");
        await using var _ = site;

        folder.Write("people/writer-one.md", "---\nname: Second Spelling\n---\nSynthetic biography.\n");
        await store.ReloadAsync(CancellationToken.None);
        var (_, after) = await client.GetPageAsync("/therapies/written");

        Assert.Contains("Second Spelling", after.QuerySelector(".article-header")?.TextContent ?? "", StringComparison.Ordinal);
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
