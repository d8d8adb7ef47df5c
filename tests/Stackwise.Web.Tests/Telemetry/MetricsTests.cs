using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Stackwise.Web.Content.Hosting;
using Stackwise.Web.Hardening;
using Stackwise.Web.Telemetry;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Telemetry;

/// <summary>
/// Each instrument of docs/observability.md, read through OpenTelemetry's in-memory exporter: it moves when its event
/// happens, with its tags, and every response carries its page kind as its route, the hot path's included.
/// </summary>
[Collection(TelemetryTestsAlone.Name)]
public sealed class MetricsTests : IDisposable
{
    private readonly TempContentFolder _folder = new TempContentFolder()
        .Write("therapies/first.md", Article("First Synthetic", "nextReview: 2026-11-01\nauthor: writer"))
        .Write("therapies/second.md", Article("Second Synthetic", "nextReview: 2026-12-20"))
        .Write("supplements/third.md", Article("Third Synthetic", "nextReview: 2027-06-01"))
        .Write("pages/about.md", "---\ntitle: About\nsummary: Synthetic about page.\n---\nSynthetic text.\n")
        .Write("people/writer.md", "---\nname: Synthetic Writer\n---\nSynthetic biography.\n");

    public void Dispose() => _folder.Dispose();

    private static string Article(string title, string frontMatter) =>
        SyntheticContent.Article(title, "Synthetic Category", "low", "published: 2026-01-01\n" + frontMatter);

    private TelemetrySite Site(IReadOnlyDictionary<string, string>? settings = null) => new(_folder.Root)
    {
        Time = FixedTimeProvider.On(2026, 12, 7),
        Settings = settings ?? new Dictionary<string, string>(),
    };

    private static Uri Url(string path) => new(path, UriKind.Relative);

    [Fact]
    public async Task EveryResponseHasItsPageKindAsItsRouteTheHotPathsToo()
    {
        await using var site = Site();
        var client = site.CreateClient(new() { AllowAutoRedirect = false });
        (string Path, string Kind, HttpStatusCode Status)[] requests =
        [
            ("/", PageKinds.List, HttpStatusCode.OK),
            ("/therapies/first", PageKinds.Article, HttpStatusCode.OK),
            ("/therapies/first", PageKinds.Article, HttpStatusCode.OK),
            ("/about", PageKinds.SitePage, HttpStatusCode.OK),
            ("/categories/synthetic-category", PageKinds.List, HttpStatusCode.OK),
            ("/search?q=synthetic", PageKinds.Search, HttpStatusCode.OK),
            ("/feed.xml", PageKinds.Feed, HttpStatusCode.OK),
            ("/sitemap.xml", PageKinds.Sitemap, HttpStatusCode.OK),
            ("/robots.txt", PageKinds.Sitemap, HttpStatusCode.OK),
            ("/cards/therapies/first.png", PageKinds.Card, HttpStatusCode.OK),
            ("/css/site.css", PageKinds.Asset, HttpStatusCode.OK),
            ("/Therapies/First", PageKinds.Redirect, HttpStatusCode.MovedPermanently),
            ("/therapies/no-such-article", PageKinds.Error, HttpStatusCode.NotFound),
            ("/no/such/page/at/all", PageKinds.Error, HttpStatusCode.NotFound),
            ("/healthz", PageKinds.Health, HttpStatusCode.OK),
        ];
        foreach (var (path, _, status) in requests)
        {
            Assert.Equal(status, (await client.GetAsync(Url(path))).StatusCode);
        }

        var durations = site.Points("http.server.request.duration");
        Assert.All(durations, point => Assert.True(point.Tags.ContainsKey("http.route"), $"a request without a route: {string.Join(", ", point.Tags)}"));
        foreach (var (path, kind, status) in requests)
        {
            Assert.True(site.Value("http.server.request.duration", ("http.route", kind), ("http.response.status_code", (int)status)) >= 1,
                $"{path}: no request of kind {kind} with status {(int)status}; routes: {string.Join(", ", durations.Select(point => point.Tags["http.route"]))}");
        }
        // The article's first request rendered it; the second was answered from the prepared bytes, before routing.
        Assert.Equal(2, site.Value("http.server.request.duration", ("http.route", PageKinds.Article)));
        Assert.Equal(1, site.Value("stackwise.http.rendered", ("http.route", PageKinds.Article)));
        var hotPathSpan = await site.SpanAsync(span => span.Source.Name == "Microsoft.AspNetCore" && span.GetTagItem("url.path") is "/therapies/first"
            && site.Spans.Count(other => other.GetTagItem("url.path") is "/therapies/first") == 2, "for both article requests");
        Assert.All(site.Spans.Where(span => span.GetTagItem("url.path") is "/therapies/first"),
            span => Assert.Equal(PageKinds.Article, span.GetTagItem("http.route")));
        Assert.NotNull(hotPathSpan);
    }

    [Fact]
    public async Task ARequestContinuesTheCallersTraceAndItsLogLineCarriesTheTraceId()
    {
        await using var site = Site();
        var client = site.CreateClient();
        var (trace, parent) = (ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom());
        using var request = new HttpRequestMessage(HttpMethod.Get, Url("/therapies/second"));
        request.Headers.Add("traceparent", $"00-{trace.ToHexString()}-{parent.ToHexString()}-01");

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);

        var span = await site.SpanAsync(span => span.TraceId == trace, "in the caller's trace");
        Assert.Equal(parent, span.ParentSpanId);
        Assert.Equal(ActivityKind.Server, span.Kind);
        Assert.Equal(PageKinds.Article, span.GetTagItem("http.route"));
        var line = Assert.Single(site.Logs.Events, logEvent => logEvent.Properties.TryGetValue("RequestPath", out var path)
            && path.ToString() == "\"/therapies/second\"");
        Assert.Equal(trace, line.TraceId);
        Assert.Equal(span.SpanId, line.SpanId);
    }

    [Fact]
    public async Task AReloadIsMeasuredAndTracedAndTheContentGaugesFollowIt()
    {
        await using var site = Site();
        var store = site.Services.GetRequiredService<ContentStore>();
        Assert.Equal(1, site.Value("stackwise.content.reload.duration", (SiteMetrics.OutcomeTag, "swapped"), (SiteMetrics.TriggerTag, "start")));
        Assert.Equal(3, site.Value("stackwise.content.documents", (ContentMetrics.DocumentKindTag, "article")));
        Assert.Equal(1, site.Value("stackwise.content.documents", (ContentMetrics.DocumentKindTag, "page")));
        Assert.Equal(1, site.Value("stackwise.content.documents", (ContentMetrics.DocumentKindTag, "person")));
        Assert.Equal(0, site.Value("stackwise.content.files.refused"));
        // Overdue on 2026-12-07: the first; due within 30 days: the second; the third is months away.
        Assert.Equal(1, site.Value("stackwise.content.reviews", (ContentMetrics.ReviewStateTag, "overdue")));
        Assert.Equal(1, site.Value("stackwise.content.reviews", (ContentMetrics.ReviewStateTag, "due_soon")));
        var fingerprint = site.Value("stackwise.content.fingerprint");

        _folder.Write("therapies/fourth.md", Article("Fourth Synthetic", ""))
            .Write("therapies/broken.md", "---\ntitle: Broken Synthetic\n---\nNo category, risk or summary.\n");
        await store.ReloadAsync(CancellationToken.None);

        Assert.Equal(1, site.Value("stackwise.content.reload.duration", (SiteMetrics.OutcomeTag, "swapped"), (SiteMetrics.TriggerTag, "change")));
        Assert.Equal(store.Current.Version, site.Value("stackwise.content.version"));
        Assert.Equal(0, site.Value("stackwise.content.age"));
        ((FixedTimeProvider)site.Time).Now += TimeSpan.FromSeconds(90);
        Assert.Equal(90, site.Value("stackwise.content.age"));
        Assert.Equal(4, site.Value("stackwise.content.documents", (ContentMetrics.DocumentKindTag, "article")));
        Assert.Equal(1, site.Value("stackwise.content.files.refused"));
        var problems = site.Points("stackwise.content.problems").Where(point => point.Value > 0).ToList();
        Assert.NotEmpty(problems);
        Assert.All(problems, point => Assert.Equal("error", point.Tags[ContentMetrics.ProblemSeverityTag]));
        Assert.Equal(store.Current.Problems.Count(problem => problem.Code == "SW001"),
            site.Value("stackwise.content.problems", (ContentMetrics.ProblemCodeTag, "SW001"), (ContentMetrics.ProblemSeverityTag, "error")) ?? 0);
        Assert.NotEqual(fingerprint, site.Value("stackwise.content.fingerprint"));
        var reload = await site.SpanAsync(span => span.DisplayName == "content reload" && span.GetTagItem(SiteMetrics.TriggerTag) is "change", "of the save");
        Assert.Equal(store.Current.Version, reload.GetTagItem("stackwise.content.version"));
        Assert.Equal(store.Current.FilesRead, reload.GetTagItem("stackwise.content.files"));
        // The save added a file and a broken one: the keys it changed (the new page, the lists that show it) are counted.
        Assert.True(reload.GetTagItem("stackwise.content.changed_keys") is int changed && changed > 0, "the reload's span counts no changed key");

        // Fixed: its problems are no longer counted, at their last count or any other.
        File.Delete(Path.Combine(_folder.Root, "therapies", "broken.md"));
        await store.ReloadAsync(CancellationToken.None);
        Assert.All(site.Points("stackwise.content.problems"), point => Assert.Equal(0, point.Value));
        Assert.Equal(0, site.Value("stackwise.content.files.refused"));

        // A good file saved with an error: refused, and kept online at its last good version.
        Assert.Equal(0, site.Value("stackwise.content.files.kept"));
        _folder.Write("therapies/fourth.md", "---\ntitle: Fourth Synthetic\n---\nNow without its category, risk or summary.\n");
        await store.ReloadAsync(CancellationToken.None);
        Assert.Equal(1, site.Value("stackwise.content.files.kept"));
        Assert.Equal(1, site.Value("stackwise.content.files.refused"));
        Assert.Equal(4, site.Value("stackwise.content.documents", (ContentMetrics.DocumentKindTag, "article")));

        // A reload that fails (the folder is gone) is counted as failed, and its span says so.
        var moved = _folder.Root + "-moved";
        Directory.Move(_folder.Root, moved);
        try
        {
            await store.ReloadAsync(CancellationToken.None);
        }
        finally
        {
            Directory.Move(moved, _folder.Root);
        }
        Assert.Equal(1, site.Value("stackwise.content.reload.duration", (SiteMetrics.OutcomeTag, "failed"), (SiteMetrics.TriggerTag, "change")));
        await site.SpanAsync(span => span.DisplayName == "content reload" && span.Status == ActivityStatusCode.Error, "of the failed reload");
    }

    [Fact]
    public async Task InstancesOnTheSameFilesHaveOneFingerprintAndAChangedFileSetsThemApart()
    {
        // One host at a time: both would add to the one stream of a process-wide meter name.
        async Task<double?> FingerprintAsync(bool reloadFirst = false)
        {
            await using var site = Site();
            if (reloadFirst)
            {
                // The version is each process's own count of reloads: not what tells instances apart.
                await site.Services.GetRequiredService<ContentStore>().ReloadAsync(CancellationToken.None);
            }
            return site.Value("stackwise.content.fingerprint");
        }

        var first = await FingerprintAsync();
        Assert.NotNull(first);
        Assert.Equal(first, await FingerprintAsync(reloadFirst: true));
        _folder.Write("therapies/second.md", Article("Second Synthetic", "nextReview: 2026-12-21"));
        Assert.NotEqual(first, await FingerprintAsync());
    }

    [Fact]
    public async Task SearchesAreTimedZeroResultsCountedAndTraced()
    {
        await using var site = Site();
        var client = site.CreateClient();
        foreach (var query in new[] { "synthetic", "synthetic", "qqqzzzxxx" })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Url($"/search?q={query}"))).StatusCode);
        }

        Assert.Equal(2, site.Value("stackwise.search.duration", (SiteMetrics.SearchSourceTag, "index")));
        Assert.Equal(1, site.Value("stackwise.search.duration", (SiteMetrics.SearchSourceTag, "recent")));
        Assert.Equal(1, site.Value("stackwise.search.zero_results"));
        var found = await site.SpanAsync(span => span.DisplayName == "search" && span.GetTagItem("stackwise.search.results") is 3, "that found the three articles");
        Assert.Equal("Microsoft.AspNetCore", found.Parent?.Source.Name);
    }

    [Fact]
    public async Task ACardIsCountedWhenDrawnNotWhenServedAgain()
    {
        await using var site = Site();
        var client = site.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Url("/cards/therapies/first.png"))).StatusCode);
        }

        Assert.Equal(1, site.Value("stackwise.cards.drawn"));
    }

    [Fact]
    public async Task SearchesRefusedByTheRateLimitAreCountedByAspNetCore()
    {
        await using var site = Site(new Dictionary<string, string> { ["SearchRateLimit:PermitLimit"] = "1" });
        var client = site.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Url("/search?q=one"))).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync(Url("/search?q=two"))).StatusCode);

        Assert.Equal(1, site.Value("aspnetcore.rate_limiting.requests", ("aspnetcore.rate_limiting.result", "acquired"), ("aspnetcore.rate_limiting.policy", HardeningServices.PerClientPolicy)));
        Assert.Equal(1, site.Value("aspnetcore.rate_limiting.requests", ("aspnetcore.rate_limiting.result", "endpoint_limiter"), ("aspnetcore.rate_limiting.policy", HardeningServices.PerClientPolicy)));
        Assert.Equal(1, site.Value("http.server.request.duration", ("http.route", PageKinds.Error), ("http.response.status_code", 429)));
    }

    [Fact]
    public async Task EachPurgeIsTimedAndTracedSentOrFailed()
    {
        await using var cdn = await FakeCdn.StartAsync(failFirst: 1);
        await using var site = Site(new Dictionary<string, string>
        {
            ["Cdn:PurgeUrls:0"] = cdn.Url,
            ["Cdn:RetryDelay"] = "00:00:00.020",
            ["Cdn:RepeatAfter"] = "00:00:00.100",
        });
        _ = site.Services;
        await cdn.UntilAsync(purges => purges.Count == 2, "the start's purge, after one failure, and its repeat");

        Assert.Equal(1, site.Value("stackwise.cdn.purge.duration", (SiteMetrics.OutcomeTag, "failed"), (SiteMetrics.UrlHostTag, "127.0.0.1")));
        Assert.Equal(2, site.Value("stackwise.cdn.purge.duration", (SiteMetrics.OutcomeTag, "sent"), (SiteMetrics.UrlHostTag, "127.0.0.1")));
        await site.SpanAsync(span => span.DisplayName == "cdn purge" && span.Status == ActivityStatusCode.Error, "that failed");
        await site.SpanAsync(span => span.DisplayName == "cdn purge" && span.Status != ActivityStatusCode.Error, "that was sent");
    }

    [Fact]
    public async Task WithNoExporterConfiguredNoProviderIsBuilt()
    {
        await using var site = new StackwiseFactory(_folder.Root);
        Assert.Equal(HttpStatusCode.OK, (await site.CreateClient().GetAsync(Url("/therapies/first"))).StatusCode);

        Assert.Null(site.Services.GetService<MeterProvider>());
        Assert.Null(site.Services.GetService<TracerProvider>());
    }
}
