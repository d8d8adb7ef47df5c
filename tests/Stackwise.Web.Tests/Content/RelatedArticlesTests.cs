using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Content;

/// <summary>
/// How related articles are chosen: two points for the same category, one for each shared tag (in any letter case),
/// ties to the newest, at most <see cref="RelatedArticles.Max"/>, never the article itself.
/// </summary>
public sealed class RelatedArticlesTests : IDisposable
{
    private readonly TempContentFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private TempContentFolder Write(string slug, string category, string published, params string[] tags) =>
        _folder.Write($"therapies/{slug}.md",
            $"---\ntitle: Synthetic {slug}\ncategory: {category}\nrisk: low\nsummary: Synthetic.\n"
            + (tags.Length == 0 ? "" : "tags:\n" + string.Concat(tags.Select(tag => $"  - {tag}\n")))
            + $"published: {published}\n---\nText.\n");

    private async Task<(ContentSnapshot Snapshot, Func<string, string[]> RelatedTo)> LoadAsync()
    {
        var snapshot = await _folder.LoadAsync();
        return (snapshot, slug => [.. snapshot.RelatedTo(snapshot.FindArticle("therapies", slug)!).Select(article => article.Path.Slug)]);
    }

    [Fact]
    public async Task TagsMatchInAnyLetterCase()
    {
        Write("subject", "Alpha", "2026-01-01", "Sleep-Hygiene", "breathing");
        Write("lower", "Beta", "2026-01-02", "sleep-hygiene");
        Write("upper", "Gamma", "2026-01-03", "BREATHING");
        Write("unrelated", "Delta", "2026-01-04", "other");

        var (_, relatedTo) = await LoadAsync();

        Assert.Equal(["upper", "lower"], relatedTo("subject"));
        Assert.Equal(["subject"], relatedTo("lower"));
    }

    [Fact]
    public async Task TheSameCategoryCountsTwoAndEachSharedTagOneWithTiesToTheNewest()
    {
        Write("subject", "Alpha", "2026-01-01", "one", "two", "three");
        Write("three-tags", "Gamma", "2026-01-03", "one", "two", "three"); // 3
        Write("category-and-tag", "Alpha", "2026-01-04", "one");          // 2 + 1, newer than three-tags
        Write("two-tags", "Beta", "2026-02-01", "one", "two");            // 2, newer than same-category
        Write("same-category", "Alpha", "2026-01-02");                     // 2
        Write("one-tag", "Beta", "2026-05-01", "one");                     // 1

        var (_, relatedTo) = await LoadAsync();

        Assert.Equal(["category-and-tag", "three-tags", "two-tags"], relatedTo("subject"));
    }

    [Fact]
    public async Task AtMostThreeNeverItselfAndNothingForAnArticleOutsideTheSnapshot()
    {
        foreach (var i in Enumerable.Range(1, 6))
        {
            Write($"sibling-{i}", "Alpha", $"2026-01-0{i}");
        }

        var (snapshot, relatedTo) = await LoadAsync();

        Assert.Equal(["sibling-6", "sibling-5", "sibling-4"], relatedTo("sibling-1"));
        Assert.Equal(["sibling-5", "sibling-4", "sibling-3"], relatedTo("sibling-6"));
        var stranger = snapshot.FindArticle("therapies", "sibling-1")! with { Title = "Not in the snapshot" };
        Assert.Empty(snapshot.RelatedTo(stranger));
    }
}
