using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Stackwise.Web.Content.Hosting;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Search;
using Stackwise.Web.Seo;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Content;

/// <summary>Warmers run for the newest snapshot, one at a time, and a failing one is logged without stopping the rest.</summary>
public sealed class SnapshotWarmingTests
{
    private static ContentSnapshot NewSnapshot() =>
        ContentSnapshot.Create(LoadedContent.Empty, new ContentVisibility(new DateOnly(2026, 1, 1), IncludeUnpublished: false));

    [Fact]
    public async Task SnapshotsReplacedDuringAWarmAreSkippedAndTheNewestIsWarmed()
    {
        var warmer = new GatedWarmer();
        var warming = new SnapshotWarming([warmer], [], new ListLogger());
        var (first, second, third) = (NewSnapshot(), NewSnapshot(), NewSnapshot());

        warming.Enqueue(first);
        Assert.True(await warmer.Entered.WaitAsync(TimeSpan.FromSeconds(10)));
        warming.Enqueue(second);
        warming.Enqueue(third);
        warmer.Gate.Release(10);
        await warming.Idle.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([first.Version, third.Version], warmer.Warmed);
    }

    [Fact]
    public async Task AFailingWarmerIsLoggedAndTheOthersAndTheNextSnapshotAreStillWarmed()
    {
        var failing = new FailingOnceWarmer();
        var other = new GatedWarmer();
        other.Gate.Release(10);
        var logger = new ListLogger();
        var warming = new SnapshotWarming([failing, other], [], logger);
        var (first, second) = (NewSnapshot(), NewSnapshot());

        warming.Enqueue(first);
        await warming.Idle.WaitAsync(TimeSpan.FromSeconds(10));
        warming.Enqueue(second);
        await warming.Idle.WaitAsync(TimeSpan.FromSeconds(10));

        var error = Assert.Single(logger.Entries, entry => entry.Level == LogLevel.Error);
        Assert.Contains($"{nameof(FailingOnceWarmer)} failed for content version {first.Version}", error.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(error.Exception);
        Assert.Equal([first.Version, second.Version], other.Warmed);
        Assert.Equal([first.Version, second.Version], failing.Calls);
    }

    [Fact]
    public async Task TheSiteMakesTheSitemapEntriesFirstThenTheSearchIndex()
    {
        await using var site = new TestContentFactory();
        site.CreateClient();
        var warmers = site.Services.GetRequiredService<IEnumerable<ISnapshotWarmer>>().ToList();
        var store = site.Services.GetRequiredService<ContentStore>();
        await store.WarmingIdle.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(["SitemapEntriesWarmer", "SearchIndexWarmer"], warmers.Select(warmer => warmer.GetType().Name));
        Assert.True(Sitemap.Entries.IsBuilt(store.Current), "the served snapshot's sitemap entries are made without a request");
        Assert.True(site.Services.GetRequiredService<SearchService>().HasIndex(store.Current), "the served snapshot's search index is built without a request");
    }

    [Fact]
    public async Task AReloadGoesLiveWarmedAndOnlyTheFirstSnapshotIsWarmedAfterItsSwap()
    {
        var recorder = new SwapRecordingWarmer();
        await using var site = new WarmedSiteFactory(recorder);
        site.CreateClient();
        var store = site.Services.GetRequiredService<ContentStore>();
        await store.WarmingIdle.WaitAsync(TimeSpan.FromSeconds(30));

        await store.ReloadAsync(CancellationToken.None);

        // Asked at once, with no wait for warming: the search index was built before the snapshot went live.
        Assert.True(site.Services.GetRequiredService<SearchService>().HasIndex(store.Current), "the live snapshot's search index is not built");
        Assert.True(Sitemap.Entries.IsBuilt(store.Current), "the live snapshot's sitemap entries are not made");
        Assert.Equal([(1, true), (2, false)], recorder.Warmed.Select((warm, i) => (i + 1, warm.WasLive)));
        Assert.Equal(store.Current.Version, recorder.Warmed.Last().Version);
    }

    [Fact]
    public async Task AReloadWhileAnEarlierSnapshotIsWarmingGoesLiveAtOnceAndIsWarmedAfter()
    {
        var recorder = new SwapRecordingWarmer { Gate = new SemaphoreSlim(0) };
        await using var site = new WarmedSiteFactory(recorder);
        site.CreateClient();
        var store = site.Services.GetRequiredService<ContentStore>();
        var first = store.Current;
        // The first snapshot's warming has reached the gated warmer (it records, then waits): without this the reload could
        // go live before that warmer was called, and a busy test run saw the first snapshot recorded as not live.
        Assert.True(SpinWait.SpinUntil(() => !recorder.Warmed.IsEmpty, TimeSpan.FromSeconds(30)));

        await store.ReloadAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.NotSame(first, store.Current);
        recorder.Gate.Release(10);
        await store.WarmingIdle.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal([(first.Version, true), (store.Current.Version, true)], recorder.Warmed.Select(warm => (warm.Version, warm.WasLive)));
    }

    [Fact]
    public async Task AWarmerFailingBeforeTheSwapIsLoggedAndTheSnapshotStillGoesLive()
    {
        var recorder = new SwapRecordingWarmer { FailFrom = 2 };
        await using var site = new WarmedSiteFactory(recorder);
        site.CreateClient();
        var store = site.Services.GetRequiredService<ContentStore>();
        await store.WarmingIdle.WaitAsync(TimeSpan.FromSeconds(30));
        var first = store.Current;

        await store.ReloadAsync(CancellationToken.None);

        Assert.NotSame(first, store.Current);
        Assert.True(site.Services.GetRequiredService<SearchService>().HasIndex(store.Current), "the warmers after the failing one did not run");
        var error = Assert.Single(site.Logs.Events, logged => logged.Level == Serilog.Events.LogEventLevel.Error);
        var message = error.RenderMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"\"{nameof(SwapRecordingWarmer)}\" failed for content version {store.Current.Version}; the version is served all the same",
            message, StringComparison.Ordinal);
    }

    /// <summary>The test app with one more warmer, after the site's own.</summary>
    private sealed class WarmedSiteFactory(SwapRecordingWarmer warmer) : StackwiseFactory(RepositoryPaths.TestContent)
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<ISnapshotWarmer>(provider =>
            {
                warmer.Services = provider;
                return warmer;
            }));
        }
    }

    /// <summary>Records each snapshot it warms and whether it was already the live one; may hold or fail its warms.</summary>
    private sealed class SwapRecordingWarmer : ISnapshotWarmer
    {
        public IServiceProvider? Services { get; set; }

        public SemaphoreSlim? Gate { get; init; }

        public int FailFrom { get; init; } = int.MaxValue;

        public ConcurrentQueue<(long Version, bool WasLive)> Warmed { get; } = new();

        public void Warm(ContentSnapshot snapshot)
        {
            var live = Services!.GetRequiredService<ContentStore>().Current;
            Warmed.Enqueue((snapshot.Version, ReferenceEquals(live, snapshot)));
            Gate?.Wait(TimeSpan.FromSeconds(10));
            if (Warmed.Count >= FailFrom)
            {
                throw new InvalidOperationException("synthetic warmer failure");
            }
        }
    }

    private sealed class GatedWarmer : ISnapshotWarmer
    {
        public SemaphoreSlim Gate { get; } = new(0);

        public SemaphoreSlim Entered { get; } = new(0);

        public ConcurrentQueue<long> Warmed { get; } = new();

        public void Warm(ContentSnapshot snapshot)
        {
            Entered.Release();
            Gate.Wait(TimeSpan.FromSeconds(10));
            Warmed.Enqueue(snapshot.Version);
        }
    }

    private sealed class FailingOnceWarmer : ISnapshotWarmer
    {
        public ConcurrentQueue<long> Calls { get; } = new();

        public void Warm(ContentSnapshot snapshot)
        {
            Calls.Enqueue(snapshot.Version);
            if (Calls.Count == 1)
            {
                throw new InvalidOperationException("synthetic warmer failure");
            }
        }
    }

    private sealed class ListLogger : ILogger
    {
        public ConcurrentQueue<(LogLevel Level, string Message, Exception? Exception)> Entries { get; } = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Enqueue((logLevel, formatter(state, exception), exception));
    }
}
