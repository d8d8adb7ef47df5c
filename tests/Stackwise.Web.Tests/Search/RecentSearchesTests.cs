using System.Collections.Immutable;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Search;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Search;

/// <summary>A query asked again on the same content is answered with the results it got, never across a reload, and the
/// kept queries are bounded.</summary>
public sealed class RecentSearchesTests : IDisposable
{

    private readonly TempContentFolder _folder = new();
    private readonly SearchService _search = new(NullLogger<SearchService>.Instance, UnheardMetrics.Create(), Options.Create(new Stackwise.Web.Site.SiteOptions()));

    public void Dispose() => _folder.Dispose();

    private static string Article(string title, string body) =>
        $"---\ntitle: {title}\ncategory: Synthetic\nrisk: low\nsummary: Synthetic.\npublished: 2026-01-01\n---\n{body}\n";

    private static SearchQuery Query(string text, int page = 1) => new(text, null, null, page);

    private static SearchResults Results(string text, int page = 1) => new(Query(text, page), [], 0, [], [], TimeSpan.Zero);

    [Fact]
    public async Task TheSameQueryOnTheSameContentIsSearchedOnce()
    {
        for (var i = 0; i < 12; i++)
        {
            _folder.Write($"therapies/synthetic-{i:00}.md", Article($"Synthetic {i:00}", "Words about quartz."));
        }
        var snapshot = await _folder.LoadAsync();

        var first = await _search.SearchAsync(snapshot, Query("quartz"));
        var again = await _search.SearchAsync(snapshot, Query("quartz"));
        var secondPage = await _search.SearchAsync(snapshot, Query("quartz", page: 2));
        var filtered = await _search.SearchAsync(snapshot, new SearchQuery("quartz", "synthetic", null));

        Assert.Same(first, again);
        Assert.NotSame(first, secondPage);
        Assert.Equal(2, secondPage.Hits.Length);
        Assert.NotSame(first, filtered);
    }

    [Fact]
    public async Task AReloadAnswersFromTheNewContent()
    {
        _folder.Write("therapies/changing.md", Article("Synthetic changing", "Words about quartz."));
        var before = await _folder.LoadAsync();
        var found = await _search.SearchAsync(before, Query("quartz"));

        _folder.Write("therapies/changing.md", Article("Synthetic changing", "Words about basalt instead."));
        var after = await _folder.LoadAsync(before, ChangedFiles.Of(["therapies/changing.md"]));

        Assert.Equal(1, found.Total);
        Assert.Equal(0, (await _search.SearchAsync(after, Query("quartz"))).Total);
        Assert.Equal(1, (await _search.SearchAsync(after, Query("basalt"))).Total);
        Assert.Same(found, await _search.SearchAsync(before, Query("quartz")));  // the old content's answer stays with it
    }

    [Fact]
    public void TheLeastRecentlyAskedQueryGoesFirst()
    {
        var recent = new RecentSearches(capacity: 2);
        recent.Add(Results("amber"));
        recent.Add(Results("birch"));

        Assert.True(recent.TryGet(Query("amber"), out _));  // now asked more recently than birch
        recent.Add(Results("cedar"));

        Assert.True(recent.TryGet(Query("amber"), out _));
        Assert.False(recent.TryGet(Query("birch"), out _));
        Assert.True(recent.TryGet(Query("cedar"), out _));
        Assert.Equal(2, recent.Count);
    }

    [Fact]
    public void QueriesEachAskedOnceCannotGrowIt()
    {
        var recent = new RecentSearches();
        ImmutableArray<string> popular = ["amber", "birch"];
        for (var i = 0; i < 10 * RecentSearches.DefaultCapacity; i++)
        {
            recent.Add(Results($"unique{i}"));
            foreach (var text in popular)
            {
                if (!recent.TryGet(Query(text), out _))
                {
                    recent.Add(Results(text));
                }
            }
            Assert.InRange(recent.Count, 1, RecentSearches.DefaultCapacity);
        }
        Assert.All(popular, text => Assert.True(recent.TryGet(Query(text), out _)));  // asked all along, never let go
    }
}
