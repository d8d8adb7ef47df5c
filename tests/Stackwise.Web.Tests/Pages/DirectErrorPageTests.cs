using System.Net;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Pages;

/// <summary>The error page shows an error status only when the site itself sends a request there; asked for directly it
/// is not found.</summary>
public sealed class DirectErrorPageTests(TestContentFactory factory) : IClassFixture<TestContentFactory>
{
    [Theory]
    [InlineData("/error/{0}")]
    [InlineData("/error?statusCode={0}")]
    [InlineData("/error/404?statusCode={0}")]
    public async Task ErrorPageRequestedDirectlyIsAnUnknownPageForEveryStatus(string spelling)
    {
        var client = factory.CreateClient();
        for (var status = 400; status <= 599; status++)
        {
            var url = string.Format(System.Globalization.CultureInfo.InvariantCulture, spelling, status);

            var (response, document) = await client.GetPageAsync(url);

            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url} answered {(int)response.StatusCode}");
            Assert.Equal("Page not found", document.QuerySelector("h1")?.NormalizedText());
        }
    }

    [Theory]
    [InlineData("/error")]
    [InlineData("/error/")]
    [InlineData("/error/0")]
    [InlineData("/error/200")]
    [InlineData("/error/-1")]
    [InlineData("/error/99999999999")]
    public async Task OtherSpellingsAreUnknownPagesToo(string url)
    {
        var (response, _) = await factory.CreateClient().GetPageAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
