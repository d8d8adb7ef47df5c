using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Stackwise.Web.Content.Hosting;
using Stackwise.Web.Seo;
using Stackwise.Web.Tests.Support;
using static Stackwise.Web.Tests.Seo.SavedSite;

namespace Stackwise.Web.Tests.Seo;

/// <summary>
/// What a save renders again, and what it leaves as prepared: the saved article and the pages that show it (a related
/// list, a writer's byline, the sitemap when a date or an address moved), once however many clients ask.
/// </summary>
public sealed class RenderAfterSaveTests
{
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
}
