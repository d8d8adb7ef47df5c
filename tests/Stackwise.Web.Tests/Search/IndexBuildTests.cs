using Microsoft.Extensions.Logging.Abstractions;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Search;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Search;

/// <summary>
/// A snapshot's search index is built once, by its first caller; a search that comes during the build waits for it without
/// holding a thread (a blocked wait per search starved the thread pool right after a start, and articles waited behind it).
/// </summary>
public sealed class IndexBuildTests : IDisposable
{
    // Only a guard against a hang: every wait here ends at once unless the code under test blocks.
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(30);

    private readonly TempContentFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private async Task<ContentSnapshot> ASnapshotAsync()
    {
        _folder.Write("therapies/synthetic.md", "---\ntitle: Synthetic\ncategory: Synthetic\nrisk: low\nsummary: Synthetic.\npublished: 2026-01-01\n---\nWords about quartz.\n");
        return await _folder.LoadAsync();
    }

    private async Task<SearchIndex> AnIndexAsync() => SearchIndex.Build(await ASnapshotAsync(), null);

    [Fact]
    public async Task ACallerDuringTheBuildGetsATaskAtOnceAndTheOneIndexWhenItIsBuilt()
    {
        var index = await AnIndexAsync();
        using var entered = new ManualResetEventSlim();
        using var gate = new ManualResetEventSlim();
        var builds = 0;
        var build = new IndexBuild(() =>
        {
            Interlocked.Increment(ref builds);
            entered.Set();
            Assert.True(gate.Wait(Hang));
            return index;
        });

        var first = Task.Factory.StartNew(build.GetAsync, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        Assert.True(entered.Wait(Hang));
        // The second caller's call returns while the build is still held: it holds no thread while it waits.
        var second = await Task.Factory.StartNew(build.GetAsync, CancellationToken.None, TaskCreationOptions.None, TaskScheduler.Default).WaitAsync(Hang);
        Assert.False(second.IsCompleted);

        gate.Set();
        Assert.Same(index, await (await first.WaitAsync(Hang)).WaitAsync(Hang));
        Assert.Same(index, await second.WaitAsync(Hang));
        Assert.Same(index, await build.GetAsync());
        Assert.Equal(1, builds);
    }

    [Fact]
    public async Task ASearchDuringTheFirstIndexBuildWaitsWithoutHoldingAThread()
    {
        var snapshot = await ASnapshotAsync();
        using var entered = new ManualResetEventSlim();
        using var gate = new ManualResetEventSlim();
        var search = new SearchService(NullLogger<SearchService>.Instance, UnheardMetrics.Create(), (content, previous) =>
        {
            entered.Set();
            Assert.True(gate.Wait(Hang));
            return SearchIndex.Build(content, previous);
        });

        // The warmer builds the first index on its own thread; a reader searches meanwhile.
        var warming = Task.Factory.StartNew(() => search.IndexOfAsync(snapshot), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        Assert.True(entered.Wait(Hang));
        var searching = await Task.Factory.StartNew(() => search.SearchAsync(snapshot, new SearchQuery("quartz", null, null)),
            CancellationToken.None, TaskCreationOptions.None, TaskScheduler.Default).WaitAsync(Hang);
        Assert.False(searching.IsCompleted);

        gate.Set();
        Assert.Equal(1, (await searching.WaitAsync(Hang)).Total);
        Assert.True(search.HasIndex(snapshot));
        await (await warming.WaitAsync(Hang)).WaitAsync(Hang);
    }

    [Fact]
    public async Task AFailedBuildFailsEveryCallerAndIsNotTriedAgain()
    {
        var builds = 0;
        var build = new IndexBuild(() =>
        {
            Interlocked.Increment(ref builds);
            throw new InvalidOperationException("synthetic failure");
        });

        var first = await Assert.ThrowsAsync<InvalidOperationException>(() => build.GetAsync().WaitAsync(Hang));
        var later = await Assert.ThrowsAsync<InvalidOperationException>(() => build.GetAsync().WaitAsync(Hang));

        Assert.Same(first, later);
        Assert.Equal(1, builds);
    }
}
