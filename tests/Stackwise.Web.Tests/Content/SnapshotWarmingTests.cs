using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Stackwise.Web.Content.Hosting;
using Stackwise.Web.Content.Snapshot;
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
        var warming = new SnapshotWarming([warmer], new ListLogger());
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
        var warming = new SnapshotWarming([failing, other], logger);
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
    public async Task TheSiteBuildsRelatedArticlesFirstThenTheSearchIndex()
    {
        await using var site = new TestContentFactory();
        site.CreateClient();
        var warmers = site.Services.GetRequiredService<IEnumerable<ISnapshotWarmer>>().ToList();
        var store = site.Services.GetRequiredService<ContentStore>();
        var fresh = NewSnapshot();

        warmers[0].Warm(fresh);
        await store.WarmingIdle.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(["RelatedArticlesWarmer", "SearchIndexWarmer"], warmers.Select(warmer => warmer.GetType().Name));
        Assert.True(fresh.IsDerived<RelatedArticles>());
        Assert.True(store.Current.IsDerived<RelatedArticles>(), "the served snapshot's related articles are built without a request");
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
