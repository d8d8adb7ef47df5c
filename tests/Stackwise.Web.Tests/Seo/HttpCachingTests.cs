using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Stackwise.Web.Content.Hosting;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Seo;

public sealed class HttpCachingTests(TestContentFactory factory) : IClassFixture<TestContentFactory>
{
    [Theory]
    [InlineData("/therapies/alpha-test-therapy")]
    [InlineData("/")]
    [InlineData("/sitemap.xml")]
    [InlineData("/feed.xml")]
    [InlineData("/rss.xml")]
    public async Task MatchingIfNoneMatchGets304WithNoBody(string url)
    {
        var client = factory.CreateClient();
        var first = await client.GetAsync(new Uri(url, UriKind.Relative));
        var entityTag = first.Headers.ETag;
        Assert.NotNull(entityTag);
        Assert.False(entityTag.IsWeak);

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(entityTag);
        var second = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(entityTag, second.Headers.ETag);
    }

    [Fact]
    public async Task DifferentETagGetsTheFullPage()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/therapies/alpha-test-therapy");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));

        var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task PagesLetSharedCachesKeepThemAndServeStaleWhileRevalidating()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/therapies/alpha-test-therapy", UriKind.Relative));

        var cacheControl = response.Headers.CacheControl;
        Assert.NotNull(cacheControl);
        Assert.True(cacheControl.Public);
        Assert.Equal(TimeSpan.FromMinutes(1), cacheControl.MaxAge);
        Assert.Equal(TimeSpan.FromMinutes(5), cacheControl.SharedMaxAge);
        Assert.Contains(cacheControl.Extensions, extension => extension.Name == "stale-while-revalidate" && extension.Value == "600");
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task PagesAreCompressedWhenTheClientAcceptsItWithTheirOwnETag(string encoding)
    {
        var client = factory.CreateClient();
        using var compressed = new HttpRequestMessage(HttpMethod.Get, "/therapies/alpha-test-therapy");
        compressed.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));

        var response = await client.SendAsync(compressed);
        var plain = await client.GetAsync(new Uri("/therapies/alpha-test-therapy", UriKind.Relative));

        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.Contains("Accept-Encoding", plain.Headers.Vary);
        Assert.NotEqual(plain.Headers.ETag, response.Headers.ETag);
        Assert.True(response.Content.Headers.ContentLength < plain.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task ErrorPagesAreNotGivenCacheValidators()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/no-such-page", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(response.Headers.ETag);
    }

    [Fact]
    public async Task OutputCacheIsEvictedWhenContentReloads()
    {
        using var folder = new TempContentFolder().Write("therapies/changing.md", SyntheticContent.LowRiskArticle);
        await using var changing = new StackwiseFactory(folder.Root);
        var client = changing.CreateClient();
        var before = await client.GetPageAsync("/therapies/changing");
        Assert.Equal("Good", before.Document.QuerySelector("h1")?.NormalizedText());

        folder.Write("therapies/changing.md", SyntheticContent.LowRiskArticle.Replace("title: Good", "title: Changed", StringComparison.Ordinal));
        await changing.Services.GetRequiredService<ContentStore>().ReloadAsync(CancellationToken.None);
        var after = await client.GetPageAsync("/therapies/changing");

        Assert.Equal("Changed", after.Document.QuerySelector("h1")?.NormalizedText());
        Assert.NotEqual(before.Response.Headers.ETag, after.Response.Headers.ETag);
    }
}
