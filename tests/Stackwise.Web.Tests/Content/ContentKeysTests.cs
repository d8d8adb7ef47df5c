using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Seo;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Content;

/// <summary>
/// Which keys a change between two snapshots changes: a document's own key, and a list's or an index's only when what it
/// holds really differs. Each snapshot here is loaded from the one before, as the store does, so unchanged files keep
/// their objects.
/// </summary>
public sealed class ContentKeysTests : IDisposable
{
    private readonly TempContentFolder _folder = new TempContentFolder()
        .Write("people/writer.md", "---\nname: Synthetic Writer\n---\nSynthetic biography.\n")
        .Write("therapies/first.md", Article("First", "Category One", "published: 2026-01-01\nauthor: writer\ntags: [alpha]"))
        .Write("therapies/second.md", Article("Second", "Category One", "published: 2026-01-02"))
        .Write("supplements/other.md", Article("Other", "Category Two", "published: 2026-01-03\ntags: [beta]"));

    public void Dispose() => _folder.Dispose();

    private static string Article(string title, string category, string frontMatter) =>
        $"---\ntitle: {title}\ncategory: {category}\nrisk: low\nsummary: Synthetic.\n{frontMatter}\n---\nText.\n";

    private static readonly IPerSnapshot[] Declared = [Sitemap.Entries];

    private async Task<IReadOnlySet<string>> ChangeAsync(string file, string? text)
    {
        var before = await _folder.LoadAsync();
        Sitemap.Entries.Get(before);
        if (text is null)
        {
            File.Delete(Path.Combine(_folder.Root, file));
        }
        else
        {
            _folder.Write(file, text);
        }
        var after = await _folder.LoadAsync(before);
        return ContentKeys.Changed(before, after, Declared);
    }

    /// <summary>Only `all` changes with every reload: what no key covers (a picture's size, read from its file) may have changed.</summary>
    [Fact]
    public async Task NothingChangedChangesOnlyTheKeyOfReadsNoKeyCovers()
    {
        var before = await _folder.LoadAsync();
        Sitemap.Entries.Get(before);
        var after = await _folder.LoadAsync(before);

        Assert.Equal([ContentKeys.Everything], ContentKeys.Changed(before, after, Declared));
    }

    [Fact]
    public async Task ATitleChangesTheArticleAndTheListsThatShowItButNotTheSitemapOrTheOtherCategory()
    {
        var changed = await ChangeAsync("therapies/first.md", Article("First, retitled", "Category One", "published: 2026-01-01\nauthor: writer\ntags: [alpha]"));

        Assert.Superset(new HashSet<string>(["/therapies/first", "articles", "categories", "category:category-one", "person:writer", "tag:alpha", ContentKeys.Everything]), (HashSet<string>)changed);
        Assert.DoesNotContain("/therapies/second", changed);
        Assert.DoesNotContain("/supplements/other", changed);
        Assert.DoesNotContain("category:category-two", changed);
        Assert.DoesNotContain("tag:beta", changed);
        Assert.DoesNotContain("sitemap", changed);
        Assert.DoesNotContain("/people/writer", changed);
    }

    [Fact]
    public async Task ADateChangesTheSitemap()
    {
        var changed = await ChangeAsync("therapies/second.md", Article("Second", "Category One", "published: 2026-01-02\nupdated: 2026-03-01"));

        Assert.Contains("sitemap", changed);
        Assert.Contains("/therapies/second", changed);
    }

    [Fact]
    public async Task AMoveToAnotherCategoryChangesBothCategories()
    {
        var changed = await ChangeAsync("therapies/second.md", Article("Second", "Category Two", "published: 2026-01-02"));

        Assert.Contains("category:category-one", changed);
        Assert.Contains("category:category-two", changed);
        Assert.Contains("newest:category-two", changed);
    }

    [Fact]
    public async Task APersonsNameChangesTheirPageAndTheirListingNotTheArticlesKeys()
    {
        var changed = await ChangeAsync("people/writer.md", "---\nname: Renamed Writer\n---\nSynthetic biography.\n");

        Assert.Contains("/people/writer", changed);
        Assert.Contains("person:writer", changed);
        Assert.Contains("people", changed);
        Assert.DoesNotContain("/therapies/first", changed);
        Assert.DoesNotContain("articles", changed);
    }

    [Fact]
    public async Task AnAddedPageChangesItsPathFromNothingAndADeletedOneToNothing()
    {
        var added = await ChangeAsync("pages/new-page.md", "---\ntitle: Synthetic Page\nsummary: Synthetic.\n---\nText.\n");
        var deleted = await ChangeAsync("therapies/second.md", null);

        Assert.Contains("/new-page", added);
        Assert.Contains("sitemap", added);
        Assert.Contains("/therapies/second", deleted);
        Assert.Contains("category:category-one", deleted);
    }

    [Fact]
    public async Task AGonePathChangesOnlyThatPathAndAnAliasItsPathAndItsPage()
    {
        var gone = await ChangeAsync("redirects.yml", "gone:\n  - /removed\n");
        var alias = await ChangeAsync("therapies/second.md", Article("Second", "Category One", "published: 2026-01-02\naliases: [/old-second]"));

        Assert.Contains("/removed", gone);
        Assert.DoesNotContain("/therapies/first", gone);
        Assert.DoesNotContain("articles", gone);
        Assert.Contains("/old-second", alias);
        Assert.Contains("/therapies/second", alias);
    }

    [Fact]
    public async Task ANewDayChangesTheArticlesThatCameDueAndNothingElse()
    {
        _folder.Write("therapies/scheduled.md", Article("Scheduled", "Category Two", "published: 2026-06-10"));
        var before = await _folder.LoadAsync();
        var after = await _folder.LoadAsync(before, visibility: TempContentFolder.Production with { Today = new DateOnly(2026, 6, 10) });

        var changed = ContentKeys.Changed(before, after, Declared);

        Assert.Contains("/therapies/scheduled", changed);
        Assert.Contains("category:category-two", changed);
        Assert.DoesNotContain("/therapies/first", changed);
    }
}
