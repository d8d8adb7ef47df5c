using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Seo;

namespace Stackwise.Web.Tests.Content;

/// <summary>
/// A save that changes a few files patches the last snapshot instead of building a new one whole (<c>SnapshotPatch</c>);
/// whichever way it is made, the snapshot is the same: every map, list, problem and date a whole load of the same files
/// gives. Each kind of edit is tried on its own and in one chain; the edits a patch must leave to a whole load are tried
/// too, so a patch that takes on more than it can is caught here.
/// </summary>
public sealed class SnapshotPatchTests : PatchedFolder
{
    [Theory]
    [MemberData(nameof(EditNames))]
    public async Task EachKindOfSaveGivesTheSnapshotAWholeLoadGives(string edit)
    {
        var before = await Folder.LoadAsync();
        Sitemap.Entries.Get(before);
        var (file, text, patched) = Edits[edit];
        Folder.Write(file, text);

        var saved = await Folder.LoadAsync(before, ChangedFiles.Complete([file]));

        Assert.Equal(patched, saved.PatchedFrom is not null);
        AssertSameAsWholeLoad(saved);
        // The changed keys of a patch come from the documents it replaced alone: the same as comparing every document.
        Assert.Equal(ContentKeys.Changed(before, saved, [], fromPatch: false).Order(StringComparer.Ordinal), ContentKeys.Changed(before, saved, []).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AChainOfSavesStaysTheSnapshotAWholeLoadGives()
    {
        var current = await Folder.LoadAsync();
        var patches = 0;
        foreach (var (file, text, _) in Edits.Values)
        {
            Folder.Write(file, text);
            current = await Folder.LoadAsync(current, ChangedFiles.Complete([file]));
            patches += current.PatchedFrom is null ? 0 : 1;
            AssertSameAsWholeLoad(current);
        }
        Assert.True(patches >= 8, $"only {patches} of {Edits.Count} saves were patched");
    }

    [Fact]
    public async Task SeveralFilesInOneSaveArePatchedTogether()
    {
        var before = await Folder.LoadAsync();
        Sitemap.Entries.Get(before);
        // Four files: an article to another category, a person renamed, another article's writer, a category emptied and a new one.
        string[] edits = ["a category, to one that has articles", "a person's name", "a writer", "the last article of a category moved to a new one"];
        foreach (var edit in edits)
        {
            Folder.Write(Edits[edit].File, Edits[edit].Text);
        }

        var saved = await Folder.LoadAsync(before, ChangedFiles.Complete(edits.Select(edit => Edits[edit].File)));

        Assert.Equal(edits.Length, saved.PatchedFrom?.Replaced.Length);
        AssertSameAsWholeLoad(saved);
        Assert.Equal(ContentKeys.Changed(before, saved, [], fromPatch: false).Order(StringComparer.Ordinal), ContentKeys.Changed(before, saved, []).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task MoreFilesThanAPatchTakesAreAWholeLoad()
    {
        var before = await Folder.LoadAsync();
        var files = Enumerable.Range(0, ContentLoader.MaxPatchedFiles + 1).Select(i => $"practices/many-{i:00}.md").ToList();
        foreach (var file in files)
        {
            Folder.Write(file, Article("Many", "Category One", "low", "published: 2026-01-09"));
        }
        var loaded = await Folder.LoadAsync(before, ChangedFiles.Complete(files));
        foreach (var file in files)
        {
            Folder.Write(file, Article("Many Again", "Category One", "low", "published: 2026-01-09"));
        }

        var saved = await Folder.LoadAsync(loaded, ChangedFiles.Complete(files));
        var fewer = await Folder.LoadAsync(saved, ChangedFiles.Complete(files.Take(ContentLoader.MaxPatchedFiles)));

        Assert.Null(saved.PatchedFrom);
        Assert.NotNull(fewer.PatchedFrom);
        AssertSameAsWholeLoad(saved);
    }

    [Fact]
    public async Task AnEditorsTemporaryFilesBesideASaveStillPatch()
    {
        var before = await Folder.LoadAsync();
        Folder.Write("therapies/first.md", First("First Retitled")).Write("therapies/.first.md.swp", "temporary").Write("therapies/first.md~", "backup");

        var saved = await Folder.LoadAsync(before, ChangedFiles.Complete(["therapies/first.md", "therapies/.first.md.swp", "therapies/first.md~", "therapies/4913"]));

        Assert.NotNull(saved.PatchedFrom);
        AssertSameAsWholeLoad(saved);
    }

    [Theory]
    [InlineData("therapies/added.md")]
    [InlineData("therapies/more")]
    [InlineData("images")]
    [InlineData("redirects.yml")]
    public async Task AFileOrFolderThatComesIsLeftToAWholeLoad(string path)
    {
        var before = await Folder.LoadAsync();
        if (path.EndsWith(".md", StringComparison.Ordinal))
        {
            Folder.Write(path, Third());
        }
        else if (path == "redirects.yml")
        {
            Folder.Write(path, "gone:\n  - /removed\n  - /therapies/gone-too\n");
        }
        else
        {
            Folder.Write(path + "/sixth.md", Third());
        }

        var saved = await Folder.LoadAsync(before, ChangedFiles.Complete([path]));

        Assert.Null(saved.PatchedFrom);
        AssertSameAsWholeLoad(saved);
    }

    [Fact]
    public async Task ADeletedFileIsLeftToAWholeLoad()
    {
        var before = await Folder.LoadAsync();
        File.Delete(Path.Combine(Folder.Root, "supplements", "fifth.md"));

        var saved = await Folder.LoadAsync(before, ChangedFiles.Complete(["supplements/fifth.md"]));

        Assert.Null(saved.PatchedFrom);
        Assert.Null(saved.Find("/supplements/fifth"));
    }
}
