using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Serilog;
using Serilog.Events;
using Stackwise.Web.Hardening;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Hardening;

/// <summary>One log line per request, with method, path, status and time, at a level an operator can raise.</summary>
public sealed class RequestLogTests
{
    private static IEnumerable<LogEvent> RequestLines(StackwiseFactory site) =>
        site.Logs.Events.Where(logEvent => logEvent.MessageTemplate.Text == "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0000} ms");

    [Theory]
    [InlineData("/terms", "200")]
    [InlineData("/no-such-page", "404")]
    [InlineData("/therapies/alpha-test-therapy?utm_source=x", "200")]
    public async Task EachRequestWritesOneLineWithMethodPathStatusAndTime(string url, string status)
    {
        await using var site = new TestContentFactory();
        var client = site.CreateClient();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await client.GetAsync(new Uri(url, UriKind.Relative));
        var measured = clock.Elapsed.TotalMilliseconds;

        var line = Assert.Single(RequestLines(site));
        Assert.Equal(LogEventLevel.Information, line.Level);
        Assert.Equal("\"GET\"", line.Properties["RequestMethod"].ToString());
        Assert.Equal($"\"{url.Split('?')[0]}\"", line.Properties["RequestPath"].ToString());
        Assert.Equal(status, line.Properties["StatusCode"].ToString());
        // The time is in milliseconds and is the server's part of what the client waited.
        var elapsed = double.Parse(line.Properties["Elapsed"].ToString(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(elapsed, double.Epsilon, measured);
    }

    [Fact]
    public async Task APageAnsweredFromItsPreparedResponseIsLoggedLikeARenderedOne()
    {
        await using var site = new TestContentFactory();
        using var routed = new RoutedRequests(site);
        var client = site.CreateClient();

        await client.GetAsync(new Uri("/terms", UriKind.Relative));
        await client.GetAsync(new Uri("/terms?utm_source=x", UriKind.Relative));

        Assert.Equal(1, routed.Count);  // the second never reached routing: it is the hot path's line
        Assert.Collection(RequestLines(site),
            first => Assert.Equal("200", first.Properties["StatusCode"].ToString()),
            second =>
            {
                Assert.Equal(LogEventLevel.Information, second.Level);
                Assert.Equal("\"/terms\"", second.Properties["RequestPath"].ToString());
                Assert.Equal("200", second.Properties["StatusCode"].ToString());
            });
    }

    /// <summary>
    /// In Development no exception handler answers inside the pipeline (the developer page sits outside the request log),
    /// so the exception passes the request log: its line is an Error, says 500 and carries the exception.
    /// </summary>
    [Fact]
    public async Task AnExceptionPassingTheRequestLogIsAnErrorLineWith500AndTheException()
    {
        await using var site = new ThrowingArticlesFactory("Development");

        var response = await site.CreateClient().GetAsync(new Uri("/therapies/alpha-test-therapy", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, response.StatusCode);
        var line = Assert.Single(RequestLines(site));
        Assert.Equal(LogEventLevel.Error, line.Level);
        Assert.Equal("500", line.Properties["StatusCode"].ToString());
        Assert.Equal(ThrowingArticlesFactory.Message, line.Exception?.Message);
    }

    /// <summary>
    /// The hosting layer makes no Activity (nor log scope) for a request while nothing listens: its log category is off.
    /// A tracing listener still gets one per request, and configuration can turn the category back on.
    /// </summary>
    [Fact]
    public async Task RequestsCarryAnActivityOnlyWhenATracerListens()
    {
        await using var site = new ActivityProbeFactory();
        var client = site.CreateClient();

        await client.GetAsync(new Uri("/terms", UriKind.Relative));
        Assert.False(site.SawActivity);

        using (var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
        })
        {
            ActivitySource.AddActivityListener(listener);
            await client.GetAsync(new Uri("/terms", UriKind.Relative));
            Assert.True(site.SawActivity);
        }
    }

    [Fact]
    public async Task ConfigurationCanTurnTheHostingCategoryBackOn()
    {
        await using var site = new HostingLogFactory();

        await site.CreateClient().GetAsync(new Uri("/terms", UriKind.Relative));

        Assert.Contains(site.Logs.Events, logEvent => logEvent.MessageTemplate.Text.StartsWith("Request starting", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HealthProbesAreLoggedAtDebug()
    {
        await using var site = new TestContentFactory();

        await site.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Empty(RequestLines(site));
    }

    [Fact]
    public async Task BenchmarksCanRaiseTheLevelToWarning()
    {
        await using var site = new QuietRequestsFactory();

        await site.CreateClient().GetAsync(new Uri("/terms", UriKind.Relative));
        await site.CreateClient().GetAsync(new Uri("/no-such-page", UriKind.Relative));

        Assert.Empty(RequestLines(site));
    }

    private sealed class QuietRequestsFactory() : StackwiseFactory(RepositoryPaths.TestContent)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Serilog:MinimumLevel:Override:Stackwise.Web.Hardening.RequestLogMiddleware", "Warning");
        }
    }

    /// <summary>Notes whether the last request arrived with an Activity, at the head of the pipeline.</summary>
    private sealed class ActivityProbeFactory() : StackwiseFactory(RepositoryPaths.TestContent), IStartupFilter
    {
        private volatile bool _sawActivity;

        public bool SawActivity => _sawActivity;

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                _sawActivity = context.Features.Get<IHttpActivityFeature>()?.Activity is not null;
                return following(context);
            });
            next(app);
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(this));
        }
    }

    private sealed class HostingLogFactory() : StackwiseFactory(RepositoryPaths.TestContent)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.AspNetCore.Hosting.Diagnostics", "Information");
        }
    }
}

/// <summary>
/// The two ways a request can end that the HTTP tests above do not reach (inside the test server every middleware that
/// fails, fails through its task, and every response completes synchronously): a middleware that throws before returning a
/// task, and a request that finishes later.
/// </summary>
public sealed class RequestLogMiddlewareTests
{
    private readonly LogCollector _logs = new();

    private RequestLogMiddleware Middleware(RequestDelegate next) =>
        new(next, new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(_logs).CreateLogger(), UnheardMetrics.Create());

    private static DefaultHttpContext Request(string path)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Path = path;
        return context;
    }

    [Fact]
    public async Task AnExceptionThrownBeforeAnyTaskIsLoggedAsA500AndRethrown()
    {
        var failure = new InvalidOperationException("synthetic");

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => Middleware(_ => throw failure).InvokeAsync(Request("/x")));

        Assert.Same(failure, thrown);
        var line = Assert.Single(_logs.Events);
        Assert.Equal(LogEventLevel.Error, line.Level);
        Assert.Equal("500", line.Properties["StatusCode"].ToString());
        Assert.Same(failure, line.Exception);
    }

    [Fact]
    public async Task ARequestThatFinishesLaterIsLoggedWhenItFinishesWithItsStatus()
    {
        var finish = new TaskCompletionSource();
        var context = Request("/later");

        var pending = Middleware(_ => finish.Task).InvokeAsync(context);
        Assert.Empty(_logs.Events);
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        finish.SetResult();
        await pending;

        var line = Assert.Single(_logs.Events);
        Assert.Equal(LogEventLevel.Information, line.Level);
        Assert.Equal("\"/later\"", line.Properties["RequestPath"].ToString());
        Assert.Equal("404", line.Properties["StatusCode"].ToString());
    }
}
