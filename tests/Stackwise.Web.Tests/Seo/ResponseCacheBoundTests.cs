using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Stackwise.Web.Seo;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Seo;

/// <summary>
/// The response cache through HTTP, with <c>Site:ResponseCacheMegabytes</c> smaller than the site: a crawl of every page
/// keeps the cache within it, every page is still sent exactly as rendered, the page read between every other one stays
/// cached, and the cache's gauges say what it holds. In the telemetry collection, which runs alone, to read the gauges.
/// </summary>
[Collection(TelemetryTestsAlone.Name)]
public sealed class ResponseCacheBoundTests : IDisposable
{
    private const int Articles = 40;
    private readonly TempContentFolder _folder = new();

    public ResponseCacheBoundTests()
    {
        // About 45 KB of HTML each: 40 of them are 1.8 MB, past a bound of 1 MB.
        for (var i = 0; i < Articles; i++)
        {
            var body = new StringBuilder();
            for (var paragraph = 0; paragraph < 150; paragraph++)
            {
                body.Append(CultureInfo.InvariantCulture, $"Synthetic paragraph {paragraph} of synthetic article {i}, written to fill the page for the bound.\n\n");
                body.Append("Synthetic text, with nothing in it but words that make up the length of this test page.\n\n");
            }
            _folder.Write($"therapies/bound-{i:00}.md", SyntheticContent.Article($"Bound {i}", "Bound Category", "low", "published: 2026-01-01", body.ToString()));
        }
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ACrawlOfEveryPageKeepsTheCacheWithinItsBoundAndEveryPageAsRendered()
    {
        await using var site = new TelemetrySite(_folder.Root) { Settings = new Dictionary<string, string> { ["Site:ResponseCacheMegabytes"] = "1" } };
        var client = site.CreateClient();
        var cache = site.Services.GetRequiredService<ResponseCache>();
        var first = new Dictionary<string, byte[]>();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
        using var homeRenders = new DiagnosticEvents(site, "Microsoft.AspNetCore.Routing.EndpointMatched", request => request is HttpContext { Request.Path.Value: "/" });

        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < Articles; i++)
            {
                // The home page is read between every article, as a busy page is.
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
                var path = $"/therapies/bound-{i:00}";
                var response = await client.GetAsync(new Uri(path, UriKind.Relative));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var body = await response.Content.ReadAsByteArrayAsync();
                Assert.Contains($"Synthetic paragraph 149 of synthetic article {i},", Encoding.UTF8.GetString(body), StringComparison.Ordinal);
                if (round == 0)
                {
                    first[path] = body;
                }
                else
                {
                    Assert.Equal(first[path], body);  // kept or rendered again, the same bytes
                }
                Assert.InRange(cache.Bytes, 1, 1024 * 1024);
            }
        }

        Assert.True(first.Values.Sum(body => body.Length) > 1024 * 1024, "the pages fit in the bound: nothing was tested");
        Assert.InRange(cache.Evictions, Articles, long.MaxValue);
        Assert.Equal(0, homeRenders.Count);  // the home page stayed: it was read each time the eviction hand came by
        Assert.Equal(cache.Bytes, site.Value("stackwise.response_cache.size"));
        Assert.Equal(cache.Count, site.Value("stackwise.response_cache.entries"));
        Assert.Equal(cache.Evictions, site.Value("stackwise.response_cache.evictions"));
    }
}
