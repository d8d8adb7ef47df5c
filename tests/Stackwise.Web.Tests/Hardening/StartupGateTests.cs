using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Serilog.Events;
using Stackwise.Web.Content.Hosting;
using Stackwise.Web.Hardening;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Hardening;

/// <summary>
/// The server starts beside the first content load. While that load runs, a crawler or reader gets 503 with Retry-After
/// (never a 404 from an empty site), the health probes answer, and the pages come once the load is in.
/// </summary>
public sealed class StartupGateTests
{
    private static readonly string[] Paths =
        ["/", "/therapies/alpha-test-therapy", "/therapies/alpha-test-therapy?utm_source=x", "/terms", "/sitemap.xml", "/feed.xml", "/search?q=test", "/no-such-page", "/robots.txt"];

    [Fact]
    public async Task WhileTheFirstLoadRunsEveryPageIsServiceUnavailableWithRetryAfter()
    {
        await using var site = new StillLoadingFactory();
        var client = site.CreateClient();

        foreach (var path in Paths)
        {
            var response = await client.GetAsync(new Uri(path, UriKind.Relative));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
            Assert.True(response.Headers.CacheControl?.NoStore, path);
            Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal("Stackwise is starting. Please try again in a few seconds.\n", body);
            Assert.Equal(body.Length, response.Content.Headers.ContentLength);

            using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, head.StatusCode);
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task ASiteInSpanishSaysSoInSpanish()
    {
        await using var site = new StillLoadingFactory { Settings = new Dictionary<string, string> { ["Site:Languages:0"] = "es" } };

        var response = await site.CreateClient().GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("Stackwise se está iniciando. Vuelva a intentarlo en unos segundos.\n", System.Text.Encoding.UTF8.GetString(body));
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
    }

    [Fact]
    public async Task WhileTheFirstLoadRunsTheHealthProbesAnswer()
    {
        await using var site = new StillLoadingFactory();
        var client = site.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await client.PostAsync(new Uri("/therapies/alpha-test-therapy", UriKind.Relative), null)).StatusCode);
    }

    [Fact]
    public async Task OnceTheFirstLoadIsInThePagesAnswer()
    {
        await using var site = new StillLoadingFactory();
        var client = site.CreateClient();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync(new Uri("/therapies/alpha-test-therapy", UriKind.Relative))).StatusCode);

        await site.Services.GetRequiredService<ContentStore>().ReloadAsync(CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/therapies/alpha-test-therapy", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/no-such-page", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task AStartStillLoadingIsLoggedAsInformationNotAsAnError()
    {
        await using var site = new StillLoadingFactory();
        var client = site.CreateClient();

        await client.GetAsync(new Uri("/therapies/alpha-test-therapy", UriKind.Relative));
        await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        // The page's 503 at Information; the probes' lines at Debug (below what the site writes); nothing at Warning or above
        // from any source (the health check service wrote an error for each unready probe).
        var line = Assert.Single(site.Logs.Events, logEvent => logEvent.Properties.ContainsKey("StatusCode"));
        Assert.Equal(("\"/therapies/alpha-test-therapy\"", "503", LogEventLevel.Information), (line.Properties["RequestPath"].ToString(), line.Properties["StatusCode"].ToString(), line.Level));
        Assert.DoesNotContain(site.Logs.Events, logEvent => logEvent.Level >= LogEventLevel.Warning);
    }

    [Theory]
    [InlineData(503, "1", LogEventLevel.Warning)]
    [InlineData(503, null, LogEventLevel.Error)]
    [InlineData(500, "1", LogEventLevel.Error)]
    [InlineData(502, null, LogEventLevel.Error)]
    public void OnlyA503ThatAsksToRetryLaterIsAWarning(int status, string? retryAfter, LogEventLevel level)
    {
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        context.Request.Path = "/cards/therapies/synthetic.png";
        context.Response.StatusCode = status;
        if (retryAfter is not null)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        Assert.Equal(level, RequestLogMiddleware.LevelOf(context, error: null));
    }

    [Fact]
    public void AReadinessProbeAnswered503OnceLoadedIsStillAnError()
    {
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        context.Request.Path = "/readyz";
        context.Response.StatusCode = 503;

        Assert.Equal(LogEventLevel.Error, RequestLogMiddleware.LevelOf(context, error: null));
    }

    [Fact]
    public async Task TheServerStartsBesideTheContentLoadNotAfterIt()
    {
        await using var site = new TestContentFactory();

        Assert.True(site.Services.GetRequiredService<IOptions<HostOptions>>().Value.ServicesStartConcurrently);
    }

    /// <summary>The site as it is while its first load runs: the content store's start (that load) is taken out, so it
    /// never ends.</summary>
    private sealed class StillLoadingFactory() : StackwiseFactory(RepositoryPaths.TestContent)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                foreach (var hosted in services.Where(service => service.ServiceType == typeof(IHostedService) && service.ImplementationFactory is not null).ToList())
                {
                    var create = hosted.ImplementationFactory!;
                    services.Remove(hosted);
                    services.AddSingleton<IHostedService>(provider => create(provider) is ContentStore ? new NotStarted() : (IHostedService)create(provider));
                }
            });
        }

        private sealed class NotStarted : IHostedService
        {
            public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

            public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        }
    }
}
