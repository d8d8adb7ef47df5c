using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Stackwise.Web.Content.Hosting;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Content;

/// <summary>The store awaits every observer of a swap; one that throws is logged, and the new content and the other
/// observers go on.</summary>
public sealed class SnapshotObserverTests : IDisposable
{
    private readonly TempContentFolder _folder = new TempContentFolder().Write("therapies/first.md", SyntheticContent.LowRiskArticle);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task AFailingObserverIsLoggedAndTheSwapStands()
    {
        var counting = new CountingObserver();
        await using var site = new ObservedFactory(_folder.Root, new FailingObserver(), counting);
        var client = site.CreateClient();
        var store = site.Services.GetRequiredService<ContentStore>();
        var swapsAtStart = counting.Swaps;

        _folder.Write("therapies/second.md", SyntheticContent.LowRiskArticle);
        await store.ReloadAsync(CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/therapies/second", UriKind.Relative))).StatusCode);
        Assert.Equal(swapsAtStart + 1, counting.Swaps);
        Assert.True(site.Logs.Messages.Any(message =>
            message.StartsWith($"Content version {store.Current.Version} is online, but \"FailingObserver\" failed", StringComparison.Ordinal)), string.Join("\n", site.Logs.Messages));
    }

    [Fact]
    public async Task ObserversHearWhenTheFirstSnapshotIsWarmedAndAFailingOneIsLogged()
    {
        var counting = new CountingObserver();
        await using var site = new ObservedFactory(_folder.Root, new FailingObserver(), counting);
        site.CreateClient();
        var store = site.Services.GetRequiredService<ContentStore>();

        await store.WarmingIdle;

        Assert.Equal([store.Current.Version], counting.Warmed);
        Assert.Contains(site.Logs.Messages, message => message.StartsWith($"\"FailingObserver\" failed for content version {store.Current.Version}", StringComparison.Ordinal));
    }

    private sealed class ObservedFactory(string root, params ISnapshotObserver[] observers) : StackwiseFactory(root)
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                foreach (var observer in observers)
                {
                    services.AddSingleton(observer);
                }
            });
        }
    }

    private sealed class FailingObserver : ISnapshotObserver
    {
        public void Swapping(ContentChange change) => throw new InvalidOperationException("synthetic observer failure before the swap");

        public Task SnapshotSwappedAsync(ContentChange change, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("synthetic observer failure");

        public void Warmed(Stackwise.Web.Content.Snapshot.ContentSnapshot snapshot) => throw new InvalidOperationException("synthetic observer failure after warming");
    }

    private sealed class CountingObserver : ISnapshotObserver
    {
        private int _swaps;

        public int Swaps => _swaps;

        public List<long> Warmed { get; } = [];

        void ISnapshotObserver.Warmed(Stackwise.Web.Content.Snapshot.ContentSnapshot snapshot) => Warmed.Add(snapshot.Version);

        public Task SnapshotSwappedAsync(ContentChange change, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _swaps);
            return Task.CompletedTask;
        }
    }
}
