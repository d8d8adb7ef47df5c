using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Search;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Search;

/// <summary>
/// A new snapshot's index is built from the previous one, analysing only articles whose words changed; whatever the edits,
/// it answers every query as an index built from scratch would.
/// </summary>
public sealed class IncrementalIndexTests : IndexedFolder
{
    [Fact]
    public async Task OnlyChangedAndNewArticlesAreAnalysedAndTheIndexAnswersAsAFreshOne()
    {
        WriteCorpus();
        var first = await LoadAsync(null);
        var before = SearchIndex.Build(first);

        Folder.Write("therapies/synthetic-1.md", Article("Synthetic birch therapy", "Beta", "moderate", "Rewritten with quartz instead."))
            .Write("therapies/synthetic-2.md", Article("Synthetic cedar therapy", "Gamma", "high", "Shared words cedar and delta.\n\n## About cedar\n\nText."))
            .Write("therapies/synthetic-9.md", Article("Synthetic iris therapy", "Alpha", "low", "Brand new words: iris and amber."));
        File.Delete(Path.Combine(Folder.Root, "therapies", "synthetic-3.md"));
        var second = await LoadAsync(first);

        var incremental = SearchIndex.Build(second, before);

        Assert.Equal(2, incremental.Analyzed);  // the rewritten article and the new one; a new category or risk is not a new word
        AssertSameAnswers(SearchIndex.Build(second), incremental);
        Assert.Equal(["/therapies/synthetic-1"], Urls(incremental.Search(new SearchQuery("quartz", null, null))));
        Assert.DoesNotContain("/therapies/synthetic-1", Urls(incremental.Search(new SearchQuery("cedar", null, null))));  // its old words are gone
        Assert.DoesNotContain("/therapies/synthetic-3", Urls(incremental.Search(new SearchQuery("delta", null, null))));  // deleted
        Assert.Equal(["/therapies/synthetic-2"], Urls(incremental.Search(new SearchQuery("cedar", "gamma", null))));
    }

    [Fact]
    public async Task AChainOfSavesStaysEqualToAFreshIndex()
    {
        WriteCorpus();
        var snapshot = await LoadAsync(null);
        var index = SearchIndex.Build(snapshot);

        for (var save = 0; save < 12; save++)
        {
            var file = $"therapies/synthetic-{save % 8}.md";
            if (save % 5 == 4)
            {
                File.Delete(Path.Combine(Folder.Root, file));
            }
            else
            {
                Folder.Write(file, Article($"Synthetic save {save} therapy", save % 2 == 0 ? "Alpha" : "Beta", "low", $"Saved words version{save} and amber."));
            }
            snapshot = await LoadAsync(snapshot);
            index = SearchIndex.Build(snapshot, index);

            AssertSameAnswers(SearchIndex.Build(snapshot), index);
        }
    }

    [Fact]
    public async Task ASavePatchedIntoTheSnapshotIsAnalysedAloneAndTheIndexAnswersAsAFreshOne()
    {
        WriteCorpus();
        var snapshot = await LoadAsync(null);
        var index = SearchIndex.Build(snapshot);

        for (var save = 0; save < 12; save++)
        {
            var number = save % 8;
            var file = $"therapies/synthetic-{number}.md";
            // Even saves change the words; odd ones only the risk level, which leaves the article's document as it was. Every
            // version keeps the article's section, so each save is patched (a section others could link to is a whole load).
            var words = save % 2 == 0;
            var section = $"\n\n## About {Words[number]}\n\nText.";
            Folder.Write(file, Article(words ? $"Synthetic save {save} therapy" : $"Synthetic {save} kept", number % 2 == 0 ? "Alpha" : "Beta",
                words ? "low" : "high", (words ? $"Saved words version{save} and amber." : "Kept words.") + section));
            if (!words)
            {
                // Write the words first (analysed), then only the risk level: the second save keeps the document.
                snapshot = await Folder.LoadAsync(snapshot, ChangedFiles.Complete([file]));
                index = SearchIndex.Build(snapshot, index);
                Folder.Write(file, Article($"Synthetic {save} kept", number % 2 == 0 ? "Alpha" : "Beta", "moderate", "Kept words." + section));
            }
            snapshot = await Folder.LoadAsync(snapshot, ChangedFiles.Complete([file]));
            Assert.NotNull(snapshot.PatchedFrom);
            index = SearchIndex.Build(snapshot, index);

            Assert.Equal(words ? 1 : 0, index.Analyzed);
            AssertSameAnswers(SearchIndex.Build(snapshot), index);
        }
    }

    [Fact]
    public async Task AnUnchangedSnapshotReusesTheIndexAndAScheduledArticleIsLeftOutUntilItsDay()
    {
        WriteCorpus().Write("therapies/scheduled.md", Article("Synthetic scheduled therapy", "Alpha", "low", "Hidden words zircon.", published: "2026-09-01"));
        var first = await LoadAsync(null);
        var before = SearchIndex.Build(first);

        var again = SearchIndex.Build(await LoadAsync(first), before);
        var later = await Folder.LoadAsync(first, visibility: TempContentFolder.Production with { Today = new DateOnly(2026, 9, 1) });
        var published = SearchIndex.Build(later, before);

        Assert.Equal(0, again.Analyzed);
        Assert.Empty(again.Search(new SearchQuery("zircon", null, null)).Hits);
        Assert.Equal(1, published.Analyzed);
        Assert.Equal(["/therapies/scheduled"], Urls(published.Search(new SearchQuery("zircon", null, null))));
        AssertSameAnswers(SearchIndex.Build(later), published);
    }

    /// <summary>Every word of the corpus, alone and with each filter, gives the same results, totals and filter counts.</summary>
    [Fact]
    public async Task CategoriesThatComeAndGoRenumberTheFacetsOfUnchangedArticles()
    {
        WriteCorpus();
        var snapshot = await LoadAsync(null);
        var index = SearchIndex.Build(snapshot);

        // Saves as the watch names them (patched): a category named before every other comes, then the one article of
        // another goes to it and its category goes, then a category named between the others comes: each time every
        // unchanged article's category number shifts.
        foreach (var (i, category) in new[] { (0, "Aardvark"), (2, "Aardvark"), (4, "Mid") })
        {
            var file = $"therapies/synthetic-{i}.md";
            Folder.Write(file, Article($"Synthetic {Words[i]} therapy", category, i % 3 == 0 ? "low" : "moderate",
                $"Shared words {Words[i]} and {Words[(i + 1) % Words.Length]}.\n\n## About {Words[i]}\n\nText."));
            var next = await Folder.LoadAsync(snapshot, ChangedFiles.Complete([file]));
            Assert.NotNull(next.PatchedFrom);  // the unchanged articles are the same objects: their numbers are carried
            index = SearchIndex.Build(next, index);
            snapshot = next;
            AssertSameAnswers(SearchIndex.Build(snapshot), index);
            foreach (var word in Words)
            {
                var (fresh, incremental) = (SearchIndex.Build(snapshot).Search(new SearchQuery(word, null, null)), index.Search(new SearchQuery(word, null, null)));
                Assert.Equal(fresh.Categories.Select(facet => (facet.Value, facet.Count)), incremental.Categories.Select(facet => (facet.Value, facet.Count)));
            }
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(8)]
    public async Task AnIndexAnalysedInPartsAnswersAsOneAnalysedWhole(int parts)
    {
        WriteCorpus();
        var snapshot = await LoadAsync(null);
        var articles = snapshot.Articles.Where(snapshot.IsPublic).ToArray();

        var (whole, inParts) = (SearchIndex.BuildInParts(snapshot, articles, 1), SearchIndex.BuildInParts(snapshot, articles, parts));

        Assert.Equal(1, inParts.Segments);
        AssertSameAnswers(whole, inParts);
        foreach (var text in Words.Append("synthetic"))
        {
            // One segment with the same documents in the same order: the same scores, so the same order of results.
            Assert.Equal(Urls(whole.Search(new SearchQuery(text, null, null))), Urls(inParts.Search(new SearchQuery(text, null, null))));
        }
    }
}
