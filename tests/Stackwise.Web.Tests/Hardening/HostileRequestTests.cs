using System.Net;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Hardening;

public sealed class HostileRequestTests(TestContentFactory factory) : IClassFixture<TestContentFactory>
{
    [Theory]
    [InlineData("POST", "/")]
    [InlineData("POST", "/therapies/alpha-test-therapy")]
    [InlineData("PUT", "/terms")]
    [InlineData("DELETE", "/therapies/alpha-test-therapy")]
    [InlineData("PATCH", "/search?q=alpha")]
    [InlineData("TRACE", "/")]
    [InlineData("OPTIONS", "/sitemap.xml")]
    [InlineData("PROPFIND", "/no-such-page")]
    public async Task MethodsOtherThanGetAndHeadAnswer405(string method, string url)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);

        var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow.Order());
    }

    [Theory]
    [InlineData("/..%2f..%2fappsettings.json")]
    [InlineData("/%2e%2e/%2e%2e/appsettings.json")]
    [InlineData("/images/..%2f..%2fappsettings.json")]
    [InlineData("/images/%2e%2e/therapies/alpha-test-therapy.md")]
    [InlineData("/images/..%5c..%5cappsettings.json")]
    [InlineData("/images/%252e%252e%252ftherapies%252falpha-test-therapy.md")]
    [InlineData("/css/..%2f..%2fProgram.cs")]
    [InlineData("/therapies/alpha-test-therapy.md")]
    [InlineData("/redirects.yml")]
    public async Task PathTraversalNeverReachesAFileOutsideTheWebAndImageFolders(string url)
    {
        var response = await factory.CreateClient().GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{url} answered {(int)response.StatusCode}");
        Assert.DoesNotContain("Serilog", body, StringComparison.Ordinal);
        Assert.DoesNotContain("category: Test Category A", body, StringComparison.Ordinal);
        Assert.DoesNotContain("gone:", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OverlongPathAnswers404WithoutAnError()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/" + new string('a', 4000), UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
