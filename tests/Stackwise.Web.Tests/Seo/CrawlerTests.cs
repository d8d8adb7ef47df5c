using System.Net;
using System.Xml.Linq;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Seo;

/// <summary>A crawler that starts at <c>/</c>, on the fixture content and on the real content folder.</summary>
public sealed class CrawlerTests
{
    private const string Base = StackwiseFactory.BaseUrl;

    public static TheoryData<string> ContentFolders => [RepositoryPaths.TestContent, RepositoryPaths.Content];

    [Theory]
    [MemberData(nameof(ContentFolders))]
    public async Task CrawlerFromHomeFindsEveryPageFollowsNoBrokenLinkAndSeesOneCanonicalEach(string contentRoot)
    {
        await using var factory = new StackwiseFactory(contentRoot);
        var client = factory.CreateNoRedirectClient();
        var canonicals = new Dictionary<string, string>(StringComparer.Ordinal);
        var queue = new Queue<string>(["/"]);
        var seen = new HashSet<string>(["/"], StringComparer.Ordinal);

        while (queue.TryDequeue(out var path))
        {
            var (response, document) = await client.GetPageAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}");
            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            var canonical = Assert.Single(document.QuerySelectorAll("link[rel=canonical]")).GetAttribute("href") ?? "";
            Assert.Equal(Base + path, canonical);
            Assert.True(canonicals.TryAdd(canonical, path), $"{path} and {canonicals.GetValueOrDefault(canonical)} share a canonical URL");

            var links = document.QuerySelectorAll("a[href], link[rel=alternate][href]")
                .Select(element => element.GetAttribute("href") ?? "")
                .Where(href => href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal))
                .Select(href => href.Split('#')[0])
                .Where(href => href.Length > 0);
            foreach (var link in links.Where(seen.Add))
            {
                queue.Enqueue(link);
            }
        }

        var sitemap = XDocument.Parse(await client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative)));
        var inSitemap = sitemap.Descendants(XName.Get("loc", "http://www.sitemaps.org/schemas/sitemap/0.9")).Select(loc => loc.Value).ToHashSet();
        Assert.Equal(inSitemap.Order(StringComparer.Ordinal), canonicals.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RevalidatingACrawledPageGets304()
    {
        await using var factory = new StackwiseFactory(RepositoryPaths.Content);
        var client = factory.CreateClient();
        var first = await client.GetAsync(new Uri("/therapies/ketamine-assisted-therapy", UriKind.Relative));

        using var revalidation = new HttpRequestMessage(HttpMethod.Get, "/therapies/ketamine-assisted-therapy");
        revalidation.Headers.IfNoneMatch.Add(first.Headers.ETag ?? throw new InvalidOperationException("no ETag"));
        revalidation.Headers.IfModifiedSince = first.Content.Headers.LastModified;

        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(revalidation)).StatusCode);
    }
}
