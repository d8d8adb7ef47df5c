using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;

namespace Stackwise.Benchmarks;

/// <summary>
/// The hot path in process: one cached article served through the whole app (hosting, every middleware, the prepared
/// response), against a control that answers the same request with the same bytes and nothing else. Both go through
/// the in-memory TestServer, so the difference between the two rows is the cost of our own pipeline per request, in time
/// and in bytes allocated (the memory diagnoser counts every thread). With <see cref="Telemetry"/> the site exports its
/// metrics for Prometheus (docs/observability.md), so every request is measured: the difference is telemetry's cost.
/// </summary>
[MemoryDiagnoser]
public class HotPathBenchmarks
{
    private const string Article = "/therapies/synthetic-article-00000";

    // Any public type of the web assembly names its entry point (the benchmarks have their own Program).
    private WebApplicationFactory<Stackwise.Web.Seo.ResponseCache>? _site;
    private WebApplication? _controlApp;
    private TestServer? _siteServer;
    private TestServer? _controlServer;

    [Params("br", "")]
    public string AcceptEncoding { get; set; } = "";

    [Params(false, true)]
    public bool Telemetry { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var corpus = Path.Combine(Path.GetTempPath(), "stackwise-bench-hotpath-100");
        if (!Directory.Exists(corpus))
        {
            CorpusGenerator.Write(corpus, 100, seed: 1);
        }
        // The factory finds the web project's folder from an attribute that test projects get; here it is told.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_STACKWISE_WEB", WebProjectFolder());
        _site = new WebApplicationFactory<Stackwise.Web.Seo.ResponseCache>().WithWebHostBuilder(builder => builder
            .UseEnvironment("Production")
            .UseSetting("Content:Root", corpus)
            .UseSetting("Content:Watch", "false")
            .UseSetting("Site:BaseUrl", "https://stackwise.example")
            .UseSetting("Site:RedirectToHttps", "false")
            .UseSetting("Serilog:MinimumLevel:Override:Stackwise.Web.Hardening.RequestLogMiddleware", "Warning")
            .UseSetting("Telemetry:PrometheusUrl", Telemetry ? $"http://127.0.0.1:{FreePort()}/metrics" : ""));
        _siteServer = _site.Server;
        var first = await SendAsync(_siteServer);   // renders the page once: every later request takes the hot path
        var body = await ReadBodyAsync(first);

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        _controlApp = builder.Build();
        var contentType = first.Response.ContentType;
        _controlApp.Run(context =>
        {
            context.Response.ContentType = contentType;
            context.Response.ContentLength = body.Length;
            return context.Response.Body.WriteAsync(body).AsTask();
        });
        await _controlApp.StartAsync();
        _controlServer = _controlApp.GetTestServer();

        foreach (var server in new[] { _siteServer, _controlServer })
        {
            var answer = await SendAsync(server);
            if (answer.Response.StatusCode != 200 || !(await ReadBodyAsync(answer)).AsSpan().SequenceEqual(body))
            {
                throw new InvalidOperationException("the site and the control must answer 200 with the same bytes");
            }
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        if (_controlApp is not null)
        {
            await _controlApp.DisposeAsync();
        }
        _site?.Dispose();
    }

    /// <summary>The same bytes from a bare app: the cost of hosting and the in-memory server alone.</summary>
    [Benchmark(Baseline = true)]
    public Task<HttpContext> Control() => SendAsync(_controlServer!);

    /// <summary>A cached article through the whole site.</summary>
    [Benchmark]
    public Task<HttpContext> CachedArticle() => SendAsync(_siteServer!);

    private Task<HttpContext> SendAsync(TestServer server) => server.SendAsync(context =>
    {
        context.Request.Method = HttpMethods.Get;
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("localhost");
        context.Request.Path = Article;
        if (AcceptEncoding.Length > 0)
        {
            context.Request.Headers.AcceptEncoding = AcceptEncoding;
        }
    });

    private static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static string WebProjectFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "src", "Stackwise.Web");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("src/Stackwise.Web not found above " + AppContext.BaseDirectory);
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Response.Body.CopyToAsync(buffer);
        return buffer.ToArray();
    }
}
