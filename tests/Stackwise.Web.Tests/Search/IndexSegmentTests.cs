using Stackwise.Web.Search;

namespace Stackwise.Web.Tests.Search;

/// <summary>
/// The segments of an index built from the previous one: saves add small segments that are merged without copying the
/// first, and once a fifth of the documents are masked everything is merged into one; the answers never change.
/// </summary>
public sealed class IndexSegmentTests : IndexedFolder
{
    [Fact]
    public async Task SavesAddSmallSegmentsThatAreMergedWithoutCopyingTheFirst()
    {
        const int Articles = 100;
        for (var i = 0; i < Articles; i++)
        {
            Folder.Write($"therapies/many-{i:000}.md", Article($"Synthetic many {i:000} therapy", i % 2 == 0 ? "Alpha" : "Beta", "low", $"Common words number{i} and amber."));
        }
        var snapshot = await LoadAsync(null);
        var index = SearchIndex.Build(snapshot);
        var builds = new List<(int Segments, int Copied)>();

        // Saves of one file each, a different file every time: fewer than a fifth of the documents end up masked.
        for (var save = 0; save < 2 * SearchIndex.MaxSegments + 1; save++)
        {
            Folder.Write($"therapies/many-{save:000}.md", Article($"Synthetic many {save:000} therapy", "Alpha", "low", $"Common words saved{save} and amber."));
            snapshot = await LoadAsync(snapshot);
            index = SearchIndex.Build(snapshot, index);
            builds.Add((index.Segments, index.Copied));

            Assert.Equal(1, index.Analyzed);
            Assert.InRange(index.Segments, 1, SearchIndex.MaxSegments);
            Assert.Equal([$"/therapies/many-{save:000}"], Urls(index.Search(new SearchQuery($"saved{save}", null, null))));
            Assert.DoesNotContain($"/therapies/many-{save:000}", AllUrls(index, new SearchQuery($"number{save}", null, null)));  // its old word
            AssertSameAnswers(SearchIndex.Build(snapshot), index);
        }
        Assert.Contains(builds, build => build.Segments > 2);             // saves added segments
        Assert.Contains(builds, build => build.Copied > 0);               // and they were merged again,
        // Never with the 100 of the first: at most the articles saved so far (one each).
        Assert.All(builds.Select((build, save) => (build, save)), pair => Assert.InRange(pair.build.Copied, 0, pair.save + 1));
        Assert.All(builds.Where(build => build.Copied > 0), build => Assert.Equal(2, build.Segments));
    }

    [Fact]
    public async Task WhenAFifthOfTheDocumentsAreMaskedEverythingIsMergedIntoOneSegment()
    {
        for (var i = 0; i < 20; i++)
        {
            Folder.Write($"therapies/many-{i:00}.md", Article($"Synthetic many {i:00} therapy", "Alpha", "low", $"Common words number{i} and amber."));
        }
        var snapshot = await LoadAsync(null);
        var index = SearchIndex.Build(snapshot);
        var builds = new List<(int Segments, int Copied)>();

        for (var save = 0; save < 6; save++)
        {
            Folder.Write($"therapies/many-{save:00}.md", Article($"Synthetic many {save:00} therapy", "Alpha", "low", $"Common words saved{save} and amber."));
            snapshot = await LoadAsync(snapshot);
            index = SearchIndex.Build(snapshot, index);
            builds.Add((index.Segments, index.Copied));
            AssertSameAnswers(SearchIndex.Build(snapshot), index);
        }

        // Each save masks one more of the first 20 documents (small segments come and are merged meanwhile); at the sixth,
        // 6 masked of 26 documents is more than a fifth: all 20 live documents are copied into one segment.
        Assert.All(builds[..5], build => Assert.True(build.Segments > 1 && build.Copied < 20, $"{build}"));
        Assert.Equal((1, 20), builds[5]);
    }
}
