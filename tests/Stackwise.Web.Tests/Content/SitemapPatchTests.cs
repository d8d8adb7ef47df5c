using Stackwise.Web.Content.Model;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Seo;

namespace Stackwise.Web.Tests.Content;

/// <summary>
/// The sitemap's entries across a patched save (<c>SitemapPatch</c>): kept when the save changes none, moved and dated
/// again when an article moves among its lists' pages, and always what a whole load gives.
/// </summary>
public sealed class SitemapPatchTests : PatchedFolder
{
    [Theory]
    [InlineData("a title", true)]
    [InlineData("a body", true)]
    [InlineData("a title that moves the article among those of its day", false)]
    [InlineData("a person's name", true)]
    [InlineData("a date, moving the article in every list", false)]
    [InlineData("a category, to one that has articles", false)]
    [InlineData("a new category", false)]
    [InlineData("the last article of a category moved to a new one", false)]
    [InlineData("a writer", false)]
    public async Task ASaveThatChangesNoSitemapEntryKeepsTheEntriesItHad(string edit, bool kept)
    {
        var before = await Folder.LoadAsync();
        var entries = Sitemap.Entries.Get(before);
        var (file, text, _) = Edits[edit];
        Folder.Write(file, text);

        var saved = await Folder.LoadAsync(before, ChangedFiles.Complete([file]));

        Assert.NotNull(saved.PatchedFrom);
        Assert.Equal(kept, ReferenceEquals(entries, Sitemap.Entries.Get(saved)));
        AssertSameAsWholeLoad(saved);
    }

    [Theory]
    [InlineData("Zz Other", "Crowd 00")]   // a new category, listed after the crowd's
    [InlineData("Aa Other", "Crowd 00")]   // a new category, listed before it
    [InlineData("Crowd Two", "Crowd 00")]  // a category that has articles
    [InlineData("Crowd Two", "Zz Crowd")]  // and a title that moves it to the back of its risk level's list
    public async Task ACategoryChangeFromTheFrontOfAListOfSeveralPagesDatesEveryCategoryPageAgain(string category, string title)
    {
        for (var i = 0; i < 2 * ListPages.Size + 3; i++)
        {
            Folder.Write($"practices/crowd-{i:00}.md", Article($"Crowd {i:00}", "Crowd", "high", $"published: 2026-02-01\nupdated: 2026-03-{(i == 0 ? 28 : 1 + (i % 27)):00}"));
        }
        Folder.Write("practices/second-crowd.md", Article("Second Crowd", "Crowd Two", "low", "published: 2026-02-02"));
        var before = await Folder.LoadAsync();
        Sitemap.Entries.Get(before);
        // The newest article leaves the crowd's first page: every page of the crowd's list has other articles now.
        Folder.Write("practices/crowd-00.md", Article(title, category, "high", "published: 2026-02-01\nupdated: 2026-03-28"));

        var saved = await Folder.LoadAsync(before, ChangedFiles.Complete(["practices/crowd-00.md"]));

        Assert.NotNull(saved.PatchedFrom);
        AssertSameAsWholeLoad(saved);
    }

    [Fact]
    public async Task ATitleThatMovesAnArticleToAnotherPageOfItsListsDatesThosePagesAgain()
    {
        // More articles of one day than fit on two pages of a list: a title from the front to the back moves across pages.
        for (var i = 0; i < 2 * ListPages.Size + 3; i++)
        {
            Folder.Write($"practices/crowd-{i:00}.md", Article($"Crowd {i:00}", "Crowd", "high", $"published: 2026-02-01\nupdated: 2026-03-{(i == 0 ? 28 : 1 + (i % 27)):00}"));
        }
        var before = await Folder.LoadAsync();
        var entries = Sitemap.Entries.Get(before);
        // The newest update of the day moves from the first page of each list to the last: both pages' dates change.
        Folder.Write("practices/crowd-00.md", Article("Zz Crowd", "Crowd", "high", "published: 2026-02-01\nupdated: 2026-03-28"));

        var saved = await Folder.LoadAsync(before, ChangedFiles.Complete(["practices/crowd-00.md"]));

        Assert.NotNull(saved.PatchedFrom);
        Assert.NotSame(entries, Sitemap.Entries.Get(saved));
        AssertSameAsWholeLoad(saved);
    }

    /// <summary>
    /// A title that moves an article, saved together with a person's file (written again unchanged, as a restore of several
    /// files does, or renamed): the move is carried over as when the article is saved alone. Both were made again from
    /// every document before, 108-186 ms at 100,000 articles.
    /// </summary>
    [Theory]
    [InlineData("---\nname: Synthetic Writer\n---\nSynthetic biography.\n")]
    [InlineData("---\nname: Renamed Writer\n---\nSynthetic biography.\n")]
    public async Task AMovedArticleSavedWithAPersonIsCarriedOver(string writer)
    {
        var before = await Folder.LoadAsync();
        Sitemap.Entries.Get(before);
        var (file, text, _) = Edits["a title that moves the article among those of its day"];
        Folder.Write(file, text).Write("people/writer.md", writer);

        var saved = await Folder.LoadAsync(before, ChangedFiles.Complete([file, "people/writer.md"]));

        Assert.Equal(2, saved.PatchedFrom?.Replaced.Length);
        Assert.NotNull(SitemapPatch.CarriedOver(saved));
        AssertSameAsWholeLoad(saved);
    }
}
