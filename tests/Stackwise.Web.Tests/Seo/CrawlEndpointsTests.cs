using System.Globalization;
using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.Hosting;
using Stackwise.Web.Seo;
using Stackwise.Web.Site;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Seo;

public sealed class CrawlEndpointsTests(TestContentFactory factory) : IClassFixture<TestContentFactory>
{
    private const string Base = StackwiseFactory.BaseUrl;
    private static readonly XNamespace SitemapNs = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private async Task<(HttpResponseMessage Response, string Body)> GetAsync(string url)
    {
        var response = await factory.CreateClient().GetAsync(new Uri(url, UriKind.Relative));
        return (response, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SitemapFollowsTheProtocolWithContentDates()
    {
        var (response, body) = await GetAsync("/sitemap.xml");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        var root = XDocument.Parse(body).Root;
        Assert.NotNull(root);
        Assert.Equal(SitemapNs + "urlset", root.Name);
        var urls = root.Elements(SitemapNs + "url").ToDictionary(
            url => (string?)url.Element(SitemapNs + "loc") ?? "",
            url => (string?)url.Element(SitemapNs + "lastmod"));

        Assert.All(urls.Keys, loc => Assert.True(Uri.IsWellFormedUriString(loc, UriKind.Absolute) && loc.StartsWith(Base + "/", StringComparison.Ordinal), loc));
        Assert.All(urls.Values.OfType<string>(), date => Assert.True(DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _), date));
        Assert.Equal("2026-03-15", urls[$"{Base}/"]);
        Assert.Equal("2026-01-10", urls[$"{Base}/therapies/alpha-test-therapy"]);
        Assert.Equal("2026-03-01", urls[$"{Base}/supplements/beta-test-supplement"]);
        Assert.Equal("2026-03-15", urls[$"{Base}/categories/test-category-a"]);
        Assert.Equal("2026-01-01", urls[$"{Base}/privacy"]);
        Assert.Null(urls[$"{Base}/terms"]);
        Assert.Contains($"{Base}/risk/moderate", urls.Keys);
        Assert.Contains($"{Base}/risk-levels", urls.Keys);
        Assert.DoesNotContain($"{Base}/therapies/withdrawn-test-therapy", urls.Keys);
        Assert.DoesNotContain($"{Base}/old/alpha-therapy", urls.Keys);
        Assert.Equal(14, urls.Count); // home, 3 articles, 2 categories, 3 risk levels, 4 site pages, the people list
    }

    [Fact]
    public void PastTheUrlLimitTheSitemapBecomesAnIndexOfParts()
    {
        var site = new SiteOptions { BaseUrl = Base, SitemapUrlsPerFile = 2 };
        SitemapEntry[] entries = [new("/", null), new("/a/one", new DateOnly(2026, 1, 2)), new("/a/two", new DateOnly(2026, 3, 4)), new("/b/three", null), new("/b/four", null)];

        var index = XDocument.Parse(Sitemap.Index(entries, site)).Root;
        var secondPart = XDocument.Parse(Sitemap.UrlSet(entries, site, part: 1)).Root;

        Assert.Equal(3, Sitemap.PartCount(entries.Length, maxUrlsPerFile: 2));
        Assert.Equal(SitemapNs + "sitemapindex", index?.Name);
        Assert.Equal([$"{Base}/sitemaps/1.xml", $"{Base}/sitemaps/2.xml", $"{Base}/sitemaps/3.xml"],
            index?.Elements(SitemapNs + "sitemap").Select(s => (string?)s.Element(SitemapNs + "loc")));
        Assert.Equal(["2026-01-02", "2026-03-04", null], index?.Elements(SitemapNs + "sitemap").Select(s => (string?)s.Element(SitemapNs + "lastmod")));
        Assert.Equal([$"{Base}/a/two", $"{Base}/b/three"], secondPart?.Elements(SitemapNs + "url").Select(u => (string?)u.Element(SitemapNs + "loc")));
        Assert.Equal(1, Sitemap.PartCount(Sitemap.MaxUrlsPerFile, Sitemap.MaxUrlsPerFile));
        Assert.Equal(2, Sitemap.PartCount(Sitemap.MaxUrlsPerFile + 1, Sitemap.MaxUrlsPerFile));
        Assert.Equal(Sitemap.MaxUrlsPerFile, new SiteOptions().SitemapUrlsPerFile);
    }

    [Fact]
    public async Task SitemapServedAsAnIndexOfPartsPastItsLimit()
    {
        await using var split = new SplitSitemapFactory();
        var client = split.CreateClient();

        var index = XDocument.Parse(await client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative))).Root;
        var parts = index?.Elements(SitemapNs + "sitemap").Select(s => (string?)s.Element(SitemapNs + "loc")).ToList() ?? [];
        var locs = new List<string?>();
        foreach (var part in parts)
        {
            var urlset = XDocument.Parse(await client.GetStringAsync(new Uri(part?.Replace(Base, "", StringComparison.Ordinal) ?? "", UriKind.Relative))).Root;
            Assert.Equal(SitemapNs + "urlset", urlset?.Name);
            locs.AddRange(urlset?.Elements(SitemapNs + "url").Select(u => (string?)u.Element(SitemapNs + "loc")) ?? []);
        }

        Assert.Equal(SitemapNs + "sitemapindex", index?.Name);
        Assert.Equal(3, parts.Count);
        Assert.Equal(14, locs.Distinct().Count());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/sitemaps/4.xml", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData("/sitemaps/01.xml")]
    [InlineData("/sitemaps/001.xml")]
    [InlineData("/sitemaps/+1.xml")]
    [InlineData("/sitemaps/0.xml")]
    [InlineData("/sitemaps/-1.xml")]
    [InlineData("/sitemaps/1.0.xml")]
    [InlineData("/sitemaps/%2B1.xml")]
    [InlineData("/sitemaps/%31.xml")]
    [InlineData("/sitemaps/2147483648.xml")]
    public async Task SitemapPartsAnswerOnlyAtTheirCanonicalNumber(string url)
    {
        await using var site = new SplitSitemapFactory();
        var client = site.CreateClient();

        var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.True(response.StatusCode is HttpStatusCode.NotFound || (response.StatusCode is HttpStatusCode.OK && url == "/sitemaps/%31.xml"),
            $"{url} answered {response.StatusCode}");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/sitemaps/1.xml", UriKind.Relative))).StatusCode);
    }

    /// <summary>The fixture content with five URLs per sitemap file, so its 14 URLs need three parts.</summary>
    private sealed class SplitSitemapFactory() : StackwiseFactory(RepositoryPaths.TestContent)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Site:SitemapUrlsPerFile", "5");
        }
    }

    [Fact]
    public async Task SitemapPartsAnswer404WhileOneFileIsEnough()
    {
        var (response, _) = await GetAsync("/sitemaps/1.xml");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task RobotsAllowsCrawlingAndNamesTheSitemap()
    {
        var (response, body) = await GetAsync("/robots.txt");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var lines = body.Split('\n');
        Assert.Contains("User-agent: *", lines);
        Assert.Contains("Allow: /", lines);
        Assert.Contains($"Sitemap: {Base}/sitemap.xml", lines);
    }

    [Theory]
    [InlineData("/feed.xml", "application/atom+xml")]
    [InlineData("/rss.xml", "application/rss+xml")]
    public async Task FeedsListTheNewestArticlesFirst(string url, string mediaType)
    {
        var (response, body) = await GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        using var reader = XmlReader.Create(new StringReader(body));
        var feed = SyndicationFeed.Load(reader);
        Assert.Equal("Stackwise", feed.Title.Text);
        Assert.Equal(["Gamma Test Therapy", "Beta Test Supplement", "Alpha Test Therapy"], feed.Items.Select(item => item.Title.Text));
        var beta = feed.Items.ElementAt(1);
        Assert.Equal($"{Base}/supplements/beta-test-supplement", beta.Links.Single().Uri.ToString());
        Assert.Equal("A synthetic high-risk article used by the automated tests.", beta.Summary.Text);
        Assert.Equal(new DateTimeOffset(2026, 2, 20, 0, 0, 0, TimeSpan.Zero), beta.PublishDate);
        Assert.Equal("Test Category B", beta.Categories.Single().Name);
    }

    [Theory]
    [InlineData("/sitemap.xml")]
    [InlineData("/robots.txt")]
    [InlineData("/feed.xml")]
    [InlineData("/rss.xml")]
    public async Task HeadWorksOnCrawlEndpoints(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, url);

        var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
    }
}
