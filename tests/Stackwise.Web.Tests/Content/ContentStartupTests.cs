using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Content;

public sealed class ContentStartupTests
{
    /// <summary>Each start that cannot serve, run as the real process: its setting, and what its one line must say.</summary>
    public static TheoryData<string, string[], string> StartsThatCannotServe => new()
    {
        { "content folder missing", ["--Content:Root", "/nonexistent/stackwise-content"], "The content folder '/nonexistent/stackwise-content' does not exist. Set Content:Root (environment variable Content__Root)" },
        { "base URL without a scheme", ["--Site:BaseUrl", "stackwise.example"], "Site:BaseUrl must be an absolute http(s) URL" },
        { "base URL with a trailing slash", ["--Site:BaseUrl", "https://stackwise.example/"], "Site:BaseUrl must be an absolute http(s) URL" },
        { "base URL not http", ["--Site:BaseUrl", "ftp://stackwise.example"], "Site:BaseUrl must be an absolute http(s) URL" },
        { "search permits zero", ["--SearchRateLimit:PermitLimit", "0"], "The field PermitLimit must be between" },
        { "search permits negative", ["--SearchRateLimit:PermitLimit", "-5"], "The field PermitLimit must be between" },
        { "search window zero", ["--SearchRateLimit:WindowSeconds", "0"], "The field WindowSeconds must be between" },
        { "setting that cannot be read", ["--Content:MaxReadingGrade", "twelve"], "Failed to convert configuration value 'twelve' at 'Content:MaxReadingGrade'" },
        { "CDN purge URL not a URL", ["--Cdn:PurgeUrls:0", "not a url"], "Cdn:PurgeUrls must be absolute http or https URLs" },
        { "CDN purge URL not http", ["--Cdn:PurgeUrls:0", "ftp://127.0.0.1/"], "Cdn:PurgeUrls must be absolute http or https URLs" },
        { "CDN purge attempts zero", ["--Cdn:Attempts", "0"], "Cdn:PurgeUrls must be absolute http or https URLs, Cdn:Attempts at least 1" },
        { "language tag unknown", ["--Site:Languages:0", "xx"], "Site:Languages must list lowercase language tags such as en, es or pt-br (got 'xx')" },
        { "language tag in capitals", ["--Site:Languages:0", "ES"], "Site:Languages must list lowercase language tags such as en, es or pt-br (got 'ES')" },
        { "language without interface words", ["--Site:Languages:0", "fr"], "Site:Languages lists 'fr', which has no interface words: add Localization/SiteText.fr.resx" },
        { "region without words of its own", ["--Site:Languages:0", "es-mx"], "Site:Languages lists 'es-mx', which has no interface words" },
        { "a language twice", ["--Site:Languages:0", "es", "--Site:Languages:1", "es"], "Site:Languages lists a language twice (es, es)" },
        { "preview key too short to be secret", ["--Site:PreviewKey", "thirty-one-characters-is-short"], "Site:PreviewKey must be at least 32 characters (it has 30)" },
        { "Prometheus URL not http", ["--Telemetry:PrometheusUrl", "https://127.0.0.1:9464/metrics"], "Telemetry:PrometheusUrl must be an absolute http URL with a path" },
        { "Prometheus URL without a path", ["--Telemetry:PrometheusUrl", "http://127.0.0.1:9464"], "Telemetry:PrometheusUrl must be an absolute http URL with a path" },
        { "log format unknown", ["--Telemetry:LogFormat", "xml"], "Telemetry:LogFormat is text or json" },
        { "Prometheus port in use", ["--Telemetry:PrometheusUrl", "http://127.0.0.1:{taken}/metrics"], "(Telemetry:PrometheusUrl): Address already in use" },
        { "port in use", [], "address already in use" },
    };

    [Theory]
    [MemberData(nameof(StartsThatCannotServe))]
    public async Task AStartThatCannotServeSaysWhyInOneLineAndExitsOne(string why, string[] settings, string reason)
    {
        using var folder = new TempContentFolder().Write("therapies/good.md", SyntheticContent.LowRiskArticle);
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        string[] root = why == "content folder missing" ? [] : ["--Content:Root", folder.Root];

        // A setting that names the taken port gets it, and the site listens on another.
        var taking = settings.Any(setting => setting.Contains("{taken}", StringComparison.Ordinal));
        settings = [.. settings.Select(setting => setting.Replace("{taken}", port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))];
        var (exitCode, _, error) = await AppProcess.RunAsync([.. root, .. settings, "--urls", $"http://127.0.0.1:{(taking ? 0 : port)}"]);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: the site cannot start: ", line, StringComparison.Ordinal);
        Assert.Contains(reason, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartUpLogsTheCountsAndOneLinePerRejectedFile()
    {
        using var folder = new TempContentFolder()
            .Write("therapies/good.md", SyntheticContent.LowRiskArticle)
            .Write("therapies/bad.md", SyntheticContent.LowRiskArticle.Replace("risk: low", "risk: medium", StringComparison.Ordinal));
        await using var factory = new StackwiseFactory(folder.Root);

        var response = await factory.CreateClient().GetAsync(new Uri("/therapies/good", UriKind.Relative));

        response.EnsureSuccessStatusCode();
        Assert.Contains(factory.Logs.Messages, message => message.StartsWith("Content loaded: 1 article and 0 pages (0 people), 1 file rejected", StringComparison.Ordinal));
        var rejection = Assert.Single(factory.Logs.Messages, message => message.Contains("rejected: ", StringComparison.Ordinal));
        Assert.Contains("therapies/bad.md:4:7: error SW027: field `risk` must be one of low, moderate, high (got `medium`)", rejection, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RejectedArticleAnswers404WhileTheOthersServe()
    {
        using var folder = new TempContentFolder()
            .Write("therapies/good.md", SyntheticContent.LowRiskArticle)
            .Write("therapies/bad.md", "---\ntitle: [unclosed\n---\n");
        await using var factory = new StackwiseFactory(folder.Root);
        var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/therapies/good", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/therapies/bad", UriKind.Relative))).StatusCode);
    }
}
