using System.Net;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Pages;

public sealed class ErrorPageTests
{
    private const string Secret = ThrowingArticlesFactory.Message;

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task UnhandledExceptionShowsTheErrorPageWithoutDetailsOutsideDevelopment(string environment)
    {
        await using var factory = new ThrowingArticlesFactory(environment);

        var (response, document) = await factory.CreateClient().GetPageAsync("/therapies/alpha-test-therapy");
        var html = document.DocumentElement.OuterHtml;

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("Something went wrong", Assert.Single(document.QuerySelectorAll("h1")).NormalizedText());
        Assert.NotNull(document.QuerySelector("footer .disclaimer"));
        Assert.DoesNotContain(Secret, html, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" at Stackwise", html, StringComparison.Ordinal);
        Assert.Contains(factory.Logs.Events, logEvent => logEvent.Exception?.Message == Secret);
        // The request log line an operator's alarm (and bench/lib/logcheck.sh) looks for.
        Assert.Contains(factory.Logs.Events, logEvent => logEvent.Level == Serilog.Events.LogEventLevel.Error
            && logEvent.MessageTemplate.Text.StartsWith("HTTP {RequestMethod} {RequestPath} responded {StatusCode}", StringComparison.Ordinal)
            && logEvent.Properties["RequestPath"].ToString() == "\"/therapies/alpha-test-therapy\""
            && logEvent.Properties["StatusCode"].ToString() == "500");
    }
}
