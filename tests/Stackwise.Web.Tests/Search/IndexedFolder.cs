using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Search;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Search;

/// <summary>
/// A synthetic folder of articles that share words, loaded into snapshots, and the comparison of an index's answers
/// with those of an index built from scratch: the set-up of the tests of indexes built from the previous one.
/// </summary>
public abstract class IndexedFolder : FolderTest
{
    protected static string Article(string title, string category, string risk, string body, string published = "2026-01-01") =>
        $"---\ntitle: {title}\ncategory: {category}\nrisk: {risk}\nsummary: Synthetic.\nhealthRisks:\n  - Synthetic risk\npublished: {published}\n---\n{body}\n";

    protected static readonly string[] Words = ["amber", "birch", "cedar", "delta", "ember", "fjord", "grove", "heron"];

    protected TempContentFolder WriteCorpus()
    {
        var words = Words;
        for (var i = 0; i < words.Length; i++)
        {
            Folder.Write($"therapies/synthetic-{i}.md", Article($"Synthetic {words[i]} therapy", i % 2 == 0 ? "Alpha" : "Beta",
                i % 3 == 0 ? "low" : "moderate", $"Shared words {words[i]} and {words[(i + 1) % words.Length]}.\n\n## About {words[i]}\n\nText."));
        }
        return Folder;
    }

    protected async Task<ContentSnapshot> LoadAsync(ContentSnapshot? previous)
    {
        var snapshot = await Folder.LoadAsync(previous, ChangedFiles.Everything);
        Assert.Empty(snapshot.Problems);
        return snapshot;
    }

    protected static void AssertSameAnswers(SearchIndex fresh, SearchIndex incremental)
    {
        Assert.Equal(fresh.Count, incremental.Count);
        string[] queries = ["amber", "birch", "cedar", "delta", "ember", "fjord", "grove", "heron", "iris", "quartz", "synthetic", "therapy", "shared", "amberr", "version3"];
        foreach (var text in queries)
        {
            foreach (var query in new[] { new SearchQuery(text, null, null), new SearchQuery(text, "alpha", null), new SearchQuery(text, null, Web.Content.Model.RiskLevel.Low) })
            {
                var (expected, actual) = (fresh.Search(query), incremental.Search(query));
                Assert.True(expected.Total == actual.Total, $"{query}: {expected.Total} fresh, {actual.Total} incremental ({incremental.Segments} segments)");
                // Every result, all pages: until segments are merged, masked documents still count in term statistics, so
                // scores (and the order within a page) may differ a little from a fresh index; what is found may not.
                Assert.Equal(AllUrls(fresh, query), AllUrls(incremental, query));
                Assert.Equal(expected.Categories.Select(facet => (facet.Value, facet.Count)), actual.Categories.Select(facet => (facet.Value, facet.Count)));
                Assert.Equal(expected.Risks.Select(facet => (facet.Value, facet.Count)), actual.Risks.Select(facet => (facet.Value, facet.Count)));
            }
        }
    }

    protected static IEnumerable<string> Urls(SearchResults results) => results.Hits.Select(hit => hit.Article.Url);

    protected static List<string> AllUrls(SearchIndex index, SearchQuery query)
    {
        var total = index.Search(query).Total;
        return [.. Enumerable.Range(1, Math.Max(1, (total + SearchResults.PageSize - 1) / SearchResults.PageSize))
            .SelectMany(page => Urls(index.Search(query with { Page = page })))
            .Order(StringComparer.Ordinal)];
    }
}
