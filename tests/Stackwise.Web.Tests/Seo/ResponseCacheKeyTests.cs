using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Seo;

/// <summary>
/// What a client sends besides the path never makes a new render or cache entry: each request after the first is
/// answered from the page's prepared response, so no client can grow the cache or evict real pages.
/// </summary>
public sealed class ResponseCacheKeyTests
{
    private const string Article = "/therapies/alpha-test-therapy";

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, Action<HttpRequestMessage>? change = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        change?.Invoke(request);
        return await client.SendAsync(request);
    }

    public static TheoryData<string, string> HostileVariants => new()
    {
        { "long unique query strings", "query" },
        { "campaign parameters", "utm" },
        { "unique Accept-Encoding values", "encoding" },
        { "other ports in Host", "host" },
    };

    [Theory]
    [MemberData(nameof(HostileVariants))]
    public async Task UniqueRequestsShareTheOnePreparedResponseOfTheirPage(string what, string variant)
    {
        await using var site = new TestContentFactory();
        using var routed = new RoutedRequests(site);
        var client = site.CreateClient();
        foreach (var url in new[] { Article, "/robots.txt", "/" })
        {
            var first = await (await GetAsync(client, url)).Content.ReadAsByteArrayAsync();
            var routedBefore = routed.Count;
            for (var i = 0; i < 50; i++)
            {
                var response = await GetAsync(client, variant switch
                {
                    "query" => $"{url}?{new string('x', 4000)}{i}",
                    "utm" => $"{url}?utm_source=newsletter&utm_campaign=c{i}&fbclid={Guid.NewGuid():N}",
                    _ => url,
                }, request =>
                {
                    if (variant == "encoding")
                    {
                        request.Headers.TryAddWithoutValidation("Accept-Encoding", $"x-{new string('y', 2000)}-{i}");
                    }
                    if (variant == "host")
                    {
                        request.Headers.Host = $"localhost:{1000 + i}";
                    }
                });
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal(first, await response.Content.ReadAsByteArrayAsync());
            }
            Assert.True(routed.Count == routedBefore, $"{what} for {url}: {routed.Count - routedBefore} of 50 requests were rendered again");
        }
    }

    [Fact]
    public async Task SearchKeepsTheParametersItReadsAfterAnyPageWasPrepared()
    {
        await using var site = new TestContentFactory();
        using var routed = new RoutedRequests(site);
        var client = site.CreateClient();
        await client.GetPageAsync(Article);   // the article is prepared; the search page must never be

        var results = new Dictionary<string, string>();
        foreach (var query in new[] { "alpha", "gamma", "alpha", "alpha&risk=high", "gamma&page=2" })
        {
            var before = routed.Count;
            var (response, document) = await client.GetPageAsync($"/search?q={query}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(before + 1, routed.Count);   // each one reached routing and was answered for its own query
            results[query] = string.Join('|', document.QuerySelectorAll(".search-results .article-card-title").Select(title => title.TextContent.Trim()));
        }

        Assert.Contains("Alpha Test Therapy", results["alpha"], StringComparison.Ordinal);
        Assert.DoesNotContain("Alpha Test Therapy", results["gamma"], StringComparison.Ordinal);
        Assert.Contains("Gamma Test Therapy", results["gamma"], StringComparison.Ordinal);
        Assert.NotEqual(results["alpha"], results["alpha&risk=high"]);
        Assert.Equal("", results["gamma&page=2"]);   // one page of results: page 2 is empty, not page 1 again
    }

    [Theory]
    [InlineData("br", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("BR", "br")]
    [InlineData("gzip, br", "br")]
    [InlineData("gzip;q=1, br;q=0.5", "gzip")]
    [InlineData("br;q=0, gzip", "gzip")]
    [InlineData("*", "br")]
    [InlineData("deflate", "")]
    [InlineData("identity", "")]
    [InlineData("gzip;q=0", "")]
    [InlineData("not a coding; q=x", "")]
    public async Task EachClientGetsTheCodingItAskedForWhicheverWasCachedFirst(string acceptEncoding, string expected)
    {
        await using var site = new TestContentFactory();
        var client = site.CreateClient();
        var plain = await (await GetAsync(client, Article)).Content.ReadAsStringAsync();
        // Fill the cache with every coding first, so a wrong key would serve one of them.
        foreach (var coding in new[] { "br", "gzip", "identity" })
        {
            await GetAsync(client, Article, request => request.Headers.TryAddWithoutValidation("Accept-Encoding", coding));
        }

        using var routed = new RoutedRequests(site);
        var response = await GetAsync(client, Article, request => request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding));

        Assert.Equal(0, routed.Count);
        Assert.Equal(expected, string.Join(',', response.Content.Headers.ContentEncoding));
        Assert.Equal(plain, await DecodeAsync(response));
    }

    private static async Task<string> DecodeAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStreamAsync();
        Stream decoded = response.Content.Headers.ContentEncoding.FirstOrDefault() switch
        {
            "br" => new System.IO.Compression.BrotliStream(body, System.IO.Compression.CompressionMode.Decompress),
            "gzip" => new System.IO.Compression.GZipStream(body, System.IO.Compression.CompressionMode.Decompress),
            _ => body,
        };
        using var reader = new StreamReader(decoded, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    [Fact]
    public async Task HostileTrafficDoesNotEvictTheRealPages()
    {
        await using var site = new TestContentFactory();
        var client = site.CreateClient();
        await GetAsync(client, Article);
        using var routed = new RoutedRequests(site);

        for (var i = 0; i < 300; i++)
        {
            await GetAsync(client, $"/robots.txt?{new string('q', 7000)}{i}",
                request => request.Headers.TryAddWithoutValidation("Accept-Encoding", $"gzip, z{i}{new string('z', 3000)}"));
        }
        var article = await GetAsync(client, Article);

        Assert.Equal(HttpStatusCode.OK, article.StatusCode);
        Assert.Equal(1, routed.Count);  // the first gzip request for robots.txt; the article was never rendered again
        Assert.Equal(new MediaTypeHeaderValue("text/html") { CharSet = "utf-8" }, article.Content.Headers.ContentType);
    }
}
