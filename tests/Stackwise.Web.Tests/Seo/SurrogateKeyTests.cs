using System.Net;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Seo;

/// <summary>
/// Which responses tell a CDN their keys: content pages (their own path among what they read), and redirects, gone and
/// not-found answers (the path, so a page appearing there purges them); search and static files carry none.
/// </summary>
public sealed class SurrogateKeyTests
{
    [Theory]
    [InlineData("/therapies/alpha-test-therapy", HttpStatusCode.OK, "/therapies/alpha-test-therapy")]
    [InlineData("/categories/test-category-a", HttpStatusCode.OK, "category:test-category-a")]
    [InlineData("/sitemap.xml", HttpStatusCode.OK, "sitemap")]
    [InlineData("/feed.xml", HttpStatusCode.OK, "articles")]
    [InlineData("/old/alpha-therapy", HttpStatusCode.MovedPermanently, "/old/alpha-therapy")]
    [InlineData("/therapies/withdrawn-test-therapy", HttpStatusCode.Gone, "/therapies/withdrawn-test-therapy")]
    [InlineData("/therapies/no-such-therapy", HttpStatusCode.NotFound, "/therapies/no-such-therapy")]
    public async Task ContentAnswersCarryTheSiteKeyAndWhatTheyRead(string path, HttpStatusCode status, string key)
    {
        await using var site = new TestContentFactory();
        var client = site.CreateNoRedirectClient();

        foreach (var attempt in new[] { "rendered", "cached" })
        {
            var response = await client.GetAsync(new Uri(path, UriKind.Relative));

            Assert.Equal(status, response.StatusCode);
            var keys = response.Headers.GetValues("Surrogate-Key").Single().Split(' ');
            Assert.True(keys[0] == "site" && keys.Contains(key), $"{attempt}: {string.Join(' ', keys)}");
            Assert.All(keys, one => Assert.True(one.Length > 0 && !one.Any(char.IsWhiteSpace) && !one.Contains(','), $"key `{one}`"));
        }
    }

    [Theory]
    [InlineData("/search?q=alpha")]
    [InlineData("/css/site.css")]
    [InlineData("/healthz")]
    public async Task SearchStaticFilesAndProbesCarryNoKeys(string path)
    {
        await using var site = new TestContentFactory();

        var response = await site.CreateClient().GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Surrogate-Key"));
    }
}
