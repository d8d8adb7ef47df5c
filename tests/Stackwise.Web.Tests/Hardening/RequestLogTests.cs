using Microsoft.AspNetCore.Hosting;
using Serilog.Events;
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

        await site.CreateClient().GetAsync(new Uri(url, UriKind.Relative));

        var line = Assert.Single(RequestLines(site));
        Assert.Equal(LogEventLevel.Information, line.Level);
        Assert.Equal("\"GET\"", line.Properties["RequestMethod"].ToString());
        Assert.Equal($"\"{url.Split('?')[0]}\"", line.Properties["RequestPath"].ToString());
        Assert.Equal(status, line.Properties["StatusCode"].ToString());
        Assert.True(double.Parse(line.Properties["Elapsed"].ToString(), System.Globalization.CultureInfo.InvariantCulture) >= 0);
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
            builder.UseSetting("Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware", "Warning");
        }
    }
}
