using System.Net;
using Microsoft.AspNetCore.Hosting;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Hardening;

/// <summary>Host names, HTTPS redirection and HSTS, as a deployment behind a TLS-terminating proxy sees them.</summary>
public sealed class TransportTests
{
    [Theory]
    [InlineData("attacker.example", HttpStatusCode.BadRequest)]
    [InlineData("stackwise.test.attacker.example", HttpStatusCode.BadRequest)]
    [InlineData("localhost.attacker.example:80", HttpStatusCode.BadRequest)]
    [InlineData("stackwise.test", HttpStatusCode.OK)]
    [InlineData("localhost:5033", HttpStatusCode.OK)]
    [InlineData("127.0.0.1:8080", HttpStatusCode.OK)]
    [InlineData("[::1]:8080", HttpStatusCode.OK)]
    public async Task OnlyTheBaseUrlHostAndLoopbackAreAnsweredOtherHostsGetABare400(string host, HttpStatusCode expected)
    {
        await using var factory = new TestContentFactory();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/terms");
        request.Headers.Host = host;

        var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.BadRequest)
        {
            Assert.Empty(await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task AllowedHostsFromConfigurationReplaceTheDefaults()
    {
        await using var factory = new HttpsFactory(settings: ("AllowedHosts", "www.stackwise.test"));
        var client = factory.CreateClient(new() { BaseAddress = new Uri("https://www.stackwise.test"), AllowAutoRedirect = false });

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/terms", UriKind.Relative))).StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/terms");
        request.Headers.Host = "localhost";
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(request)).StatusCode);
    }

    [Theory]
    [InlineData("/terms", "https://stackwise.test/terms")]
    [InlineData("/search?q=alpha%20beta", "https://stackwise.test/search?q=alpha%20beta")]
    [InlineData("/no-such-page", "https://stackwise.test/no-such-page")]
    public async Task PlainHttpIsRedirectedToHttpsWith308(string url, string location)
    {
        await using var factory = new HttpsFactory();
        var client = factory.CreateClient(new() { BaseAddress = new Uri("http://stackwise.test"), AllowAutoRedirect = false });

        var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.PermanentRedirect, response.StatusCode);
        Assert.Equal(location, response.Headers.Location?.OriginalString);
        Assert.Contains("default-src 'self'", string.Join(' ', response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    public async Task HealthProbesAnswerOverPlainHttp(string url)
    {
        await using var factory = new HttpsFactory();
        var client = factory.CreateClient(new() { BaseAddress = new Uri("http://stackwise.test"), AllowAutoRedirect = false });

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task HttpsFromATrustedProxyIsServedWithHsts()
    {
        await using var factory = new HttpsFactory();
        var client = factory.CreateClient(new() { BaseAddress = new Uri("http://stackwise.test"), AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/terms");
        request.Headers.Add("X-Forwarded-Proto", "https");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("max-age=", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HttpsRequestCarriesHstsAndIsNotRedirected()
    {
        await using var factory = new HttpsFactory();
        var client = factory.CreateClient(new() { BaseAddress = new Uri("https://stackwise.test"), AllowAutoRedirect = false });

        var response = await client.GetAsync(new Uri("/terms", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task DevelopmentNeitherRedirectsNorSendsHsts()
    {
        await using var factory = new HttpsFactory("Development");
        var client = factory.CreateClient(new() { BaseAddress = new Uri("http://localhost"), AllowAutoRedirect = false });

        var response = await client.GetAsync(new Uri("/terms", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    /// <summary>The app as deployed: HTTPS redirection on (the default), on the test content.</summary>
    private sealed class HttpsFactory(string environment = "Production", params (string Key, string Value)[] settings)
        : StackwiseFactory(RepositoryPaths.TestContent, environment)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Site:RedirectToHttps", "true");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
