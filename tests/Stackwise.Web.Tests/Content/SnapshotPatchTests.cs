using Stackwise.Web.Content.Model;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Seo;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Content;

/// <summary>
/// A save that changes a few files patches the last snapshot instead of building a new one whole (<c>SnapshotPatch</c>);
/// whichever way it is made, the snapshot is the same: every map, list, problem and date a whole load of the same files
/// gives. Each kind of edit is tried on its own and in one chain; the edits a patch must leave to a whole load are tried
/// too, so a patch that takes on more than it can is caught here.
/// </summary>
public sealed class SnapshotPatchTests : IDisposable
{
    private readonly TempContentFolder _folder = new();

    public SnapshotPatchTests()
    {
        _folder
            .Write("people/writer.md", "---\nname: Synthetic Writer\n---\nSynthetic biography.\n")
            .Write("people/reviewer.md", "---\nname: Synthetic Reviewer\ncredentials: MD\n---\nSynthetic biography.\n")
            .Write("people/other.md", "---\nname: Other Writer\n---\nSynthetic biography.\n")
            .Write("pages/about.md", "---\ntitle: About\nsummary: Synthetic about page.\n---\n" + AboutLinks + "\n")
            .Write("therapies/lone.md", Article("Lone", "Lone Category", "low", "published: 2026-01-07"))
            .Write("therapies/single.md", Article("Single", "Single Category", "low", "published: 2026-01-08"))
            .Write("therapies/first.md", First("First"))
            .Write("therapies/second.md", Article("Second", "Category One", "low",
                "published: 2026-01-02\nauthor: [writer, other]\nreviewedBy: reviewer\nlastReviewed: 2026-01-05\nnextReview: 2026-07-01\ntags: [alpha]",
                "Synthetic body. See [first](/therapies/first#usage) and [nowhere](/therapies/nowhere)."))
            .Write("therapies/third.md", Third())
            .Write("supplements/fourth.md", Article("Fourth", "category two", "high", "published: 2026-01-04\nauthor: writer"))
            .Write("supplements/fifth.md", Article("Third", "Category Two", "low", "published: 2026-01-03\nauthor: other"))
            .Write("therapies/draft.md", Article("Draft", "Category One", "low", "published: 2026-01-06\ndraft: true"))
            .Write("therapies/scheduled.md", Article("Scheduled", "Category One", "low", "published: 2026-06-03"))
            .Write("redirects.yml", "gone:\n  - /removed\n");
    }

    public void Dispose() => _folder.Dispose();

    private static string Article(string title, string category, string risk, string frontMatter, string body = "Synthetic body text.") =>
        SyntheticContent.Article(title, category, risk, frontMatter, body);

    private const string AboutLinks = "See [usage](/therapies/first#usage), [lone](/categories/lone-category) and [linked](/categories/linked-category).";

    private static string First(string title, string category = "Category One", string heading = "Usage") =>
        Article(title, category, "low", "published: 2026-01-01\nauthor: writer\ntags: [alpha, beta]\naliases: [/old/first]",
            $"## {heading}\n\nSynthetic text. See [second](/therapies/second).");

    private static string Third(string category = "Category Two", string risk = "moderate", string extra = "author: other", string body = "Synthetic body text.") =>
        Article("Third", category, risk, $"published: 2026-01-03\n{extra}", body);

    /// <summary>Each edit: the file it writes, what it writes, and whether a patch can take it (else a whole load does).</summary>
    private static readonly Dictionary<string, (string File, string Text, bool Patched)> Edits = new()
    {
        ["a title"] = ("therapies/first.md", First("First Retitled"), true),
        ["a title that moves the article among those of its day"] = ("therapies/third.md", Third().Replace("title: Third", "title: A Third", StringComparison.Ordinal), true),
        ["a body"] = ("therapies/third.md", Third(body: "A new synthetic body."), true),
        ["a category, to one that has articles"] = ("therapies/first.md", First("First", "Category Two"), true),
        ["a risk level"] = ("therapies/third.md", Third(risk: "high"), true),
        ["a risk level that drops the health risks section"] = ("therapies/third.md", Third(risk: "low"), false),
        ["a date, moving the article in every list"] = ("supplements/fifth.md", Article("Third", "Category Two", "low", "published: 2026-01-09\nauthor: other"), true),
        ["a tag added and one taken off"] = ("therapies/first.md", First("First").Replace("tags: [alpha, beta]", "tags: [alpha, Gamma]", StringComparison.Ordinal), true),
        ["a writer"] = ("therapies/third.md", Third(extra: "author: writer"), true),
        ["a reviewer taken off"] = ("therapies/second.md", Article("Second", "Category One", "low", "published: 2026-01-02\nauthor: [writer, other]\ntags: [alpha]",
            "Synthetic body. See [first](/therapies/first#usage) and [nowhere](/therapies/nowhere)."), true),
        ["a writer with no file"] = ("therapies/third.md", Third(extra: "author: writr"), true),
        ["a person's name"] = ("people/writer.md", "---\nname: Renamed Writer\n---\nSynthetic biography.\n", true),
        ["a site page"] = ("pages/about.md", "---\ntitle: About Us\nsummary: Synthetic about page.\n---\n" + AboutLinks + " Again.\n", true),
        ["a broken link"] = ("therapies/third.md", Third(body: "See [nothing](/therapies/nothing-here)."), true),
        ["a draft, still a draft"] = ("therapies/draft.md", Article("Draft Retitled", "Category One", "low", "published: 2026-01-06\ndraft: true"), true),
        ["a scheduled article"] = ("therapies/scheduled.md", Article("Scheduled Retitled", "Category One", "low", "published: 2026-06-03"), true),
        ["the spelling a category is shown with"] = ("therapies/third.md", Third(category: "category two"), false),
        ["a new category"] = ("therapies/third.md", Third(category: "Category Nine"), true),
        ["the last article of a category moved to a new one"] = ("therapies/single.md", Article("Single", "Category Five", "low", "published: 2026-01-08"), true),
        ["a new category whose page a page links to"] = ("therapies/third.md", Third(category: "Linked Category"), false),
        ["an emptied category whose page a page links to"] = ("therapies/lone.md", Article("Lone", "Category Six", "low", "published: 2026-01-07"), false),
        ["a section heading others link to"] = ("therapies/first.md", First("First", heading: "Use"), false),
        ["an alias"] = ("therapies/third.md", Third(extra: "author: other\naliases: [/old/third]"), false),
        ["an article made a draft"] = ("therapies/third.md", Third(extra: "author: other\ndraft: true"), false),
        ["an error, keeping the last good version"] = ("therapies/third.md", Third(risk: "bogus"), false),
    };

    public static TheoryData<string> EditNames => [.. Edits.Keys];

    [Theory]
    [MemberData(nameof(EditNames))]
    public async Task EachKindOfSaveGivesTheSnapshotAWholeLoadGives(string edit)
    {
        var before = await _folder.LoadAsync();
        Sitemap.Entries.Get(before);
        var (file, text, patched) = Edits[edit];
        _folder.Write(file, text);

        var saved = await _folder.LoadAsync(before, ChangedFiles.Complete([file]));

        Assert.Equal(patched, saved.PatchedFrom is not null);
        AssertSameAsWholeLoad(saved);
        // The changed keys of a patch come from the documents it replaced alone: the same as comparing every document.
        Assert.Equal(ContentKeys.Changed(before, saved, [], fromPatch: false).Order(StringComparer.Ordinal), ContentKeys.Changed(before, saved, []).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AChainOfSavesStaysTheSnapshotAWholeLoadGives()
    {
        var current = await _folder.LoadAsync();
        var patches = 0;
        foreach (var (file, text, _) in Edits.Values)
        {
            _folder.Write(file, text);
            current = await _folder.LoadAsync(current, ChangedFiles.Complete([file]));
            patches += current.PatchedFrom is null ? 0 : 1;
            AssertSameAsWholeLoad(current);
        }
        Assert.True(patches >= 8, $"only {patches} of {Edits.Count} saves were patched");
    }

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
        var before = await _folder.LoadAsync();
        var entries = Sitemap.Entries.Get(before);
        var (file, text, _) = Edits[edit];
        _folder.Write(file, text);

        var saved = await _folder.LoadAsync(before, ChangedFiles.Complete([file]));

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
            _folder.Write($"practices/crowd-{i:00}.md", Article($"Crowd {i:00}", "Crowd", "high", $"published: 2026-02-01\nupdated: 2026-03-{(i == 0 ? 28 : 1 + (i % 27)):00}"));
        }
        _folder.Write("practices/second-crowd.md", Article("Second Crowd", "Crowd Two", "low", "published: 2026-02-02"));
        var before = await _folder.LoadAsync();
        Sitemap.Entries.Get(before);
        // The newest article leaves the crowd's first page: every page of the crowd's list has other articles now.
        _folder.Write("practices/crowd-00.md", Article(title, category, "high", "published: 2026-02-01\nupdated: 2026-03-28"));

        var saved = await _folder.LoadAsync(before, ChangedFiles.Complete(["practices/crowd-00.md"]));

        Assert.NotNull(saved.PatchedFrom);
        AssertSameAsWholeLoad(saved);
    }

    [Fact]
    public async Task ATitleThatMovesAnArticleToAnotherPageOfItsListsDatesThosePagesAgain()
    {
        // More articles of one day than fit on two pages of a list: a title from the front to the back moves across pages.
        for (var i = 0; i < 2 * ListPages.Size + 3; i++)
        {
            _folder.Write($"practices/crowd-{i:00}.md", Article($"Crowd {i:00}", "Crowd", "high", $"published: 2026-02-01\nupdated: 2026-03-{(i == 0 ? 28 : 1 + (i % 27)):00}"));
        }
        var before = await _folder.LoadAsync();
        var entries = Sitemap.Entries.Get(before);
        // The newest update of the day moves from the first page of each list to the last: both pages' dates change.
        _folder.Write("practices/crowd-00.md", Article("Zz Crowd", "Crowd", "high", "published: 2026-02-01\nupdated: 2026-03-28"));

        var saved = await _folder.LoadAsync(before, ChangedFiles.Complete(["practices/crowd-00.md"]));

        Assert.NotNull(saved.PatchedFrom);
        Assert.NotSame(entries, Sitemap.Entries.Get(saved));
        AssertSameAsWholeLoad(saved);
    }

    [Fact]
    public async Task SeveralFilesInOneSaveArePatchedTogether()
    {
        var before = await _folder.LoadAsync();
        Sitemap.Entries.Get(before);
        // Four files: an article to another category, a person renamed, another article's writer, a category emptied and a new one.
        string[] edits = ["a category, to one that has articles", "a person's name", "a writer", "the last article of a category moved to a new one"];
        foreach (var edit in edits)
        {
            _folder.Write(Edits[edit].File, Edits[edit].Text);
        }

        var saved = await _folder.LoadAsync(before, ChangedFiles.Complete(edits.Select(edit => Edits[edit].File)));

        Assert.Equal(edits.Length, saved.PatchedFrom?.Replaced.Length);
        AssertSameAsWholeLoad(saved);
        Assert.Equal(ContentKeys.Changed(before, saved, [], fromPatch: false).Order(StringComparer.Ordinal), ContentKeys.Changed(before, saved, []).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task MoreFilesThanAPatchTakesAreAWholeLoad()
    {
        var before = await _folder.LoadAsync();
        var files = Enumerable.Range(0, ContentLoader.MaxPatchedFiles + 1).Select(i => $"practices/many-{i:00}.md").ToList();
        foreach (var file in files)
        {
            _folder.Write(file, Article("Many", "Category One", "low", "published: 2026-01-09"));
        }
        var loaded = await _folder.LoadAsync(before, ChangedFiles.Complete(files));
        foreach (var file in files)
        {
            _folder.Write(file, Article("Many Again", "Category One", "low", "published: 2026-01-09"));
        }

        var saved = await _folder.LoadAsync(loaded, ChangedFiles.Complete(files));
        var fewer = await _folder.LoadAsync(saved, ChangedFiles.Complete(files.Take(ContentLoader.MaxPatchedFiles)));

        Assert.Null(saved.PatchedFrom);
        Assert.NotNull(fewer.PatchedFrom);
        AssertSameAsWholeLoad(saved);
    }

    [Fact]
    public async Task AnEditorsTemporaryFilesBesideASaveStillPatch()
    {
        var before = await _folder.LoadAsync();
        _folder.Write("therapies/first.md", First("First Retitled")).Write("therapies/.first.md.swp", "temporary").Write("therapies/first.md~", "backup");

        var saved = await _folder.LoadAsync(before, ChangedFiles.Complete(["therapies/first.md", "therapies/.first.md.swp", "therapies/first.md~", "therapies/4913"]));

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
        var before = await _folder.LoadAsync();
        if (path.EndsWith(".md", StringComparison.Ordinal))
        {
            _folder.Write(path, Third());
        }
        else if (path == "redirects.yml")
        {
            _folder.Write(path, "gone:\n  - /removed\n  - /therapies/gone-too\n");
        }
        else
        {
            _folder.Write(path + "/sixth.md", Third());
        }

        var saved = await _folder.LoadAsync(before, ChangedFiles.Complete([path]));

        Assert.Null(saved.PatchedFrom);
        AssertSameAsWholeLoad(saved);
    }

    [Fact]
    public async Task ADeletedFileIsLeftToAWholeLoad()
    {
        var before = await _folder.LoadAsync();
        File.Delete(Path.Combine(_folder.Root, "supplements", "fifth.md"));

        var saved = await _folder.LoadAsync(before, ChangedFiles.Complete(["supplements/fifth.md"]));

        Assert.Null(saved.PatchedFrom);
        Assert.Null(saved.Find("/supplements/fifth"));
    }

    /// <summary>A whole load of the same files, from the same parses, gives what <paramref name="saved"/> holds, piece by piece.</summary>
    private void AssertSameAsWholeLoad(ContentSnapshot saved)
    {
        var whole = _folder.LoadAsync(saved, ChangedFiles.None).GetAwaiter().GetResult();
        Assert.Null(whole.PatchedFrom);

        Assert.Equal(whole.Problems.Select(problem => problem.ToString()), saved.Problems.Select(problem => problem.ToString()));
        Assert.Equal(whole.Problems.AsEnumerable(), saved.Problems.AsEnumerable());
        AssertSameMap(whole.ByFile, saved.ByFile);
        AssertSameMap(whole.ByUrl, saved.ByUrl);
        Assert.Equal(whole.Parsed.Keys.Order(StringComparer.Ordinal), saved.Parsed.Keys.Order(StringComparer.Ordinal));
        // Every parse is reused, save a file's at a path no content can have: that one is made again on each load.
        Assert.All(whole.Parsed, entry => Assert.Equal(entry.Value.Problems.AsEnumerable(), saved.Parsed[entry.Key].Problems.AsEnumerable()));
        Assert.All(whole.Parsed.Where(entry => entry.Value.Document is not null), entry => Assert.Same(entry.Value, saved.Parsed[entry.Key]));
        AssertSameList(whole.Articles, saved.Articles);
        Assert.Equal(whole.Categories.Select(listing => listing.Category), saved.Categories.Select(listing => listing.Category));
        Assert.All(whole.Categories.Zip(saved.Categories), pair => AssertSameList(pair.First.Articles, pair.Second.Articles));
        Assert.Equal(whole.CategoriesBySlug.Keys.Order(StringComparer.Ordinal), saved.CategoriesBySlug.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(whole.People.Keys.Order(StringComparer.Ordinal), saved.People.Keys.Order(StringComparer.Ordinal));
        Assert.All(whole.People, entry =>
        {
            Assert.Equal(entry.Value.Person, saved.People[entry.Key].Person);
            AssertSameList(entry.Value.Written, saved.People[entry.Key].Written);
            AssertSameList(entry.Value.Reviewed, saved.People[entry.Key].Reviewed);
        });
        Assert.All(Enum.GetValues<RiskLevel>(), risk => AssertSameList(whole.ByRisk[risk], saved.ByRisk[risk]));
        Assert.Equal(whole.ByTag.Keys.Order(StringComparer.Ordinal), saved.ByTag.Keys.Order(StringComparer.Ordinal));
        Assert.All(whole.ByTag, entry => AssertSameList(entry.Value, saved.ByTag[entry.Key]));
        Assert.Equal(whole.ServedPaths.Order(StringComparer.Ordinal), saved.ServedPaths.Order(StringComparer.Ordinal));
        Assert.Equal(whole.Redirects.Moved.OrderBy(entry => entry.Key, StringComparer.Ordinal), saved.Redirects.Moved.OrderBy(entry => entry.Key, StringComparer.Ordinal));
        Assert.Equal(whole.Redirects.Gone.Order(StringComparer.Ordinal), saved.Redirects.Gone.Order(StringComparer.Ordinal));
        Assert.Equal(whole.NextPublication, saved.NextPublication);
        Assert.Equal(whole.KeptFiles.Order(StringComparer.Ordinal), saved.KeptFiles.Order(StringComparer.Ordinal));
        Assert.Equal(whole.FilesRead, saved.FilesRead);
        Assert.Equal(whole.ListingProblems.AsEnumerable(), saved.ListingProblems.AsEnumerable());
        Assert.Equal(Sitemap.Entries.Get(whole), Sitemap.Entries.Get(saved));
    }

    private static void AssertSameMap(IReadOnlyDictionary<string, ContentDocument> expected, IReadOnlyDictionary<string, ContentDocument> actual)
    {
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        Assert.All(expected, entry => Assert.Equal(entry.Value, actual[entry.Key]));
    }

    private static void AssertSameList(IReadOnlyList<Article> expected, IReadOnlyList<Article> actual)
    {
        Assert.Equal(expected.Select(article => article.Url), actual.Select(article => article.Url));
        Assert.Equal(expected, actual);
    }
}
