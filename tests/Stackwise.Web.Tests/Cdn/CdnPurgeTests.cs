using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Events;
using Stackwise.Web.Cdn;
using Stackwise.Web.Content.Hosting;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Cdn;

/// <summary>
/// Every URL in <c>Cdn:PurgeUrls</c> is told the keys each save changed (the very keys the pages carry in Surrogate-Key),
/// once at once and once more a moment later; a failed purge is retried and each failure logged.
/// </summary>
public sealed class CdnPurgeTests : IDisposable
{
    private readonly TempContentFolder _folder = new TempContentFolder()
        .Write("therapies/saved.md", Article("Saved", "Category One"))
        .Write("supplements/untouched.md", Article("Untouched", "Category Two"));

    public void Dispose() => _folder.Dispose();

    private static string Article(string title, string category) =>
        $"---\ntitle: {title}\ncategory: {category}\nrisk: low\nsummary: Synthetic.\npublished: 2026-01-01\n---\nText.\n";

    private StackwiseFactory Site(params FakeCdn[] cdns) => new(_folder.Root)
    {
        Settings = new Dictionary<string, string>(cdns.Select((cdn, i) => KeyValuePair.Create($"Cdn:PurgeUrls:{i}", cdn.Url)))
        {
            ["Cdn:RetryDelay"] = "00:00:00.020",
            ["Cdn:RepeatAfter"] = "00:00:00.200",
        },
    };

    [Fact]
    public async Task ASavePurgesItsChangedKeysAtEveryUrlTwiceAndTheStartPurgesEverything()
    {
        await using var first = await FakeCdn.StartAsync();
        await using var second = await FakeCdn.StartAsync();
        await using var site = Site(first, second);
        var client = site.CreateClient();
        await first.UntilAsync(purges => purges.Count == 2, "the start's purge and its repeat");
        Assert.All(first.Purged, keys => Assert.Equal(["site"], keys));
        var saved = await client.GetAsync(new Uri("/therapies/saved", UriKind.Relative));
        var untouched = await client.GetAsync(new Uri("/supplements/untouched", UriKind.Relative));

        _folder.Write("therapies/saved.md", Article("Saved Again", "Category One"));
        await site.Services.GetRequiredService<ContentStore>().ReloadAsync(CancellationToken.None);

        foreach (var cdn in new[] { first, second })
        {
            await cdn.UntilAsync(purges => purges.Count == 4, "the save's purge and its repeat");
            var keys = cdn.Purged.Skip(2).ToList();
            Assert.Equal(keys[0], keys[1]);
            // Every key the saved page was sent with that the save changed, and none of the untouched page's own.
            Assert.Contains("/therapies/saved", keys[0]);
            Assert.Contains("articles", keys[0]);
            Assert.DoesNotContain("/supplements/untouched", keys[0]);
            Assert.DoesNotContain("site", keys[0]);
        }
        Assert.Contains("/therapies/saved", saved.Headers.GetValues("Surrogate-Key").Single().Split(' '));
        Assert.DoesNotContain("/therapies/saved", untouched.Headers.GetValues("Surrogate-Key").Single().Split(' '));
    }

    [Fact]
    public async Task AFailedPurgeIsRetriedAndEachFailureLogged()
    {
        await using var failing = await FakeCdn.StartAsync(failFirst: 2);
        await using var site = Site(failing);
        site.CreateClient();

        await failing.UntilAsync(purges => purges.Count >= 1, "the start's purge after two failures");

        var failures = site.Logs.Events.Where(logEvent => logEvent.Level == LogEventLevel.Warning && logEvent.MessageTemplate.Text.StartsWith("CDN purge at", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, failures.Count);
        Assert.Contains("HTTP 503", failures[0].RenderMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains("attempt 1 of 4", failures[0].RenderMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APurgeThatKeepsFailingIsGivenUpWithAnErrorAndTheOtherUrlStillGetsIt()
    {
        await using var dead = await FakeCdn.StartAsync(failFirst: int.MaxValue);
        await using var alive = await FakeCdn.StartAsync();
        await using var site = Site(dead, alive);
        site.CreateClient();

        await alive.UntilAsync(purges => purges.Count >= 1, "the start's purge at the working URL");
        await Until(() => site.Logs.Events.Any(logEvent => logEvent.Level == LogEventLevel.Error), "the error for the dead URL");

        var error = site.Logs.Events.First(logEvent => logEvent.Level == LogEventLevel.Error).RenderMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith($"CDN purge at {dead.Url} given up after 4 attempts (HTTP 503 Service Unavailable): 1 key of content version", error, StringComparison.Ordinal);
        Assert.True(dead.Requests >= 4);
    }

    [Fact]
    public async Task NoPurgeUrlsSendNothingAndPagesStillCarryTheirKeys()
    {
        await using var site = new StackwiseFactory(_folder.Root);
        var client = site.CreateClient();

        var page = await client.GetAsync(new Uri("/therapies/saved", UriKind.Relative));
        _folder.Write("therapies/saved.md", Article("Saved Again", "Category One"));
        await site.Services.GetRequiredService<ContentStore>().ReloadAsync(CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.StartsWith("site ", page.Headers.GetValues("Surrogate-Key").Single(), StringComparison.Ordinal);
        // Every purge sent is logged, taken or failed: with no URL configured, neither the start nor the save sends one.
        await Task.Delay(300);  // longer than the purges' first retry delay and far longer than a loopback answer
        Assert.DoesNotContain(site.Logs.Events, logEvent => logEvent.MessageTemplate.Text.StartsWith("CDN purge", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    [InlineData(5000)]
    public void ManyKeysAreCutIntoHeadersUnderTheLimitAndNoneIsLost(int count)
    {
        var keys = Enumerable.Range(0, count).Select(i => $"/therapies/synthetic-article-{i}").ToList();

        var batches = CdnPurges.Batches(keys).ToList();

        Assert.All(batches, batch => Assert.True(string.Join(' ', batch).Length <= CdnPurges.MaxHeaderLength));
        Assert.Equal(keys, batches.SelectMany(batch => batch));
    }

    private static async Task Until(Func<bool> condition, string what)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(10, timeout.Token).ContinueWith(_ => Assert.False(timeout.IsCancellationRequested, $"after 10 s: {what}"), TaskScheduler.Default);
        }
    }
}
