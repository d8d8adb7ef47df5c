using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Hardening;

public sealed class HardeningTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/therapies/alpha-test-therapy")]
    [InlineData("/no-such-page")]
    [InlineData("/sitemap.xml")]
    [InlineData("/search?q=alpha")]
    [InlineData("/favicon.svg")]
    public async Task EveryResponseCarriesTheSecurityHeaders(string url)
    {
        await using var factory = new TestContentFactory();

        var response = await factory.CreateClient().GetAsync(new Uri(url, UriKind.Relative));

        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("base-uri 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("form-action 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Contains("camera=()", Assert.Single(response.Headers.GetValues("Permissions-Policy")), StringComparison.Ordinal);
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Cross-Origin-Opener-Policy")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Cross-Origin-Resource-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        // What the MDN HTTP Observatory also looks for (bench/observatory.sh runs the real thing): no cookies, no open CORS.
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task HealthAndReadinessAnswerForLoadBalancersWithoutInformationLogs()
    {
        await using var factory = new TestContentFactory();
        var client = factory.CreateClient();

        var live = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", await live.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
        Assert.DoesNotContain(factory.Logs.Events, logEvent =>
            logEvent.Level >= Serilog.Events.LogEventLevel.Information && logEvent.RenderMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("/healthz", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false, HttpStatusCode.TooManyRequests)]
    [InlineData(true, HttpStatusCode.OK)]
    public async Task ForwardedForIsBelievedOnlyFromAKnownProxy(bool proxyIsKnown, HttpStatusCode thirtyFirst)
    {
        await using var factory = new ClientAddressFactory(proxyIsKnown);
        var client = factory.CreateClient();
        HttpResponseMessage? last = null;

        for (var i = 0; i < 31; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/search?q=alpha{i}");
            request.Headers.Add("X-Forwarded-For", $"198.51.100.{i}");
            last = await client.SendAsync(request);
        }

        Assert.Equal(thirtyFirst, last?.StatusCode);
    }

    /// <summary>Rotating addresses inside one IPv6 /64 does not escape the search limit; separate /64s are separate clients.</summary>
    [Theory]
    [InlineData("2001:db8:1:2::{0:x}", HttpStatusCode.TooManyRequests)]
    [InlineData("2001:db8:1:2:{0:x}:ffff:1234:5678", HttpStatusCode.TooManyRequests)]
    [InlineData("2001:db8:1:{0:x}::1", HttpStatusCode.OK)]
    public async Task SearchLimitCountsAnIpv6ClientByItsSlash64(string addressFormat, HttpStatusCode thirtyFirst)
    {
        await using var factory = new ClientAddressFactory(proxyIsKnown: true);
        var client = factory.CreateClient();
        HttpResponseMessage? last = null;

        for (var i = 1; i <= 31; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/search?q=alpha{i}");
            request.Headers.Add("X-Forwarded-For", string.Format(System.Globalization.CultureInfo.InvariantCulture, addressFormat, i));
            last = await client.SendAsync(request);
        }

        Assert.Equal(thirtyFirst, last?.StatusCode);
    }

    /// <summary>Every request arrives from 203.0.113.200, a proxy the site is or is not told to believe.</summary>
    private sealed class ClientAddressFactory(bool proxyIsKnown) : StackwiseFactory(RepositoryPaths.TestContent)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            if (proxyIsKnown)
            {
                builder.UseSetting("Site:KnownProxies:0", "203.0.113.200");
            }
            builder.ConfigureServices(services => services.AddTransient<IStartupFilter, ClientAddress>());
        }
    }

    private sealed class ClientAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.200");
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    [Fact]
    public async Task SearchRateLimitComesFromConfiguration()
    {
        await using var factory = new TestContentFactory();
        var client = factory.WithWebHostBuilder(builder => builder.UseSetting("SearchRateLimit:PermitLimit", "2")).CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await client.GetAsync(new Uri($"/search?q=alpha{i}", UriKind.Relative))).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task SearchIsRateLimitedWith429AndRetryAfter()
    {
        await using var factory = new TestContentFactory();
        var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 35; i++)
        {
            statuses.Add((await client.GetAsync(new Uri($"/search?q=alpha{i}", UriKind.Relative))).StatusCode);
        }
        var (limited, document) = await client.GetPageAsync("/search?q=again");

        Assert.All(statuses.Take(30), status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Equal("Too many requests", document.QuerySelector("h1")?.NormalizedText());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/therapies/alpha-test-therapy", UriKind.Relative))).StatusCode);
    }
}
