using System.Net;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Seo;

public sealed class RedirectsTests(TestContentFactory factory) : IClassFixture<TestContentFactory>
{
    [Theory]
    [InlineData("/old/alpha-therapy", "/therapies/alpha-test-therapy")]
    [InlineData("/OLD/alpha-therapy/", "/therapies/alpha-test-therapy")]
    [InlineData("/therapies/alpha.html", "/therapies/alpha-test-therapy")]
    [InlineData("/Therapies/Alpha-Test-Therapy", "/therapies/alpha-test-therapy")]
    [InlineData("/therapies/alpha-test-therapy/", "/therapies/alpha-test-therapy")]
    [InlineData("/Terms", "/terms")]
    [InlineData("/categories/Test-Category-A/", "/categories/test-category-a")]
    [InlineData("/risk/HIGH", "/risk/high")]
    [InlineData("/therapies/alpha-test-therapy/?utm_source=x", "/therapies/alpha-test-therapy?utm_source=x")]
    public async Task AliasesAndUrlVariantsAnswer301ToTheCanonicalUrl(string url, string location)
    {
        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Head })
        {
            using var request = new HttpRequestMessage(method, url);

            var response = await factory.CreateNoRedirectClient().SendAsync(request);

            Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
            Assert.Equal(location, response.Headers.Location?.OriginalString);
        }
    }

    [Fact]
    public async Task RemovedPageAnswers410WithTheLayout()
    {
        var (response, document) = await factory.CreateNoRedirectClient().GetPageAsync("/therapies/withdrawn-test-therapy");

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Equal("Page removed", document.QuerySelector("h1")?.NormalizedText());
        Assert.NotNull(document.QuerySelector("footer .disclaimer"));
        Assert.Equal("noindex", document.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
    }

    [Theory]
    [InlineData("/therapies/unknown")]
    [InlineData("/Therapies/Unknown/")]
    public async Task UnknownPathAnswers404EvenInAnotherCase(string url)
    {
        var (response, document) = await factory.CreateNoRedirectClient().GetPageAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", document.QuerySelector("h1")?.NormalizedText());
    }

    [Fact]
    public async Task PostIsNeverRedirected()
    {
        var response = await factory.CreateNoRedirectClient().PostAsync(new Uri("/old/alpha-therapy", UriKind.Relative), null);

        Assert.NotEqual(HttpStatusCode.MovedPermanently, response.StatusCode);
    }
}
