using Stackwise.Web.Content.Model;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Seo;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Content;

/// <summary>
/// A synthetic content folder with an article for every kind of save (people, categories with one and several
/// articles, links, aliases, a draft, a scheduled article, a gone entry), the saves themselves, and the assertion that
/// a snapshot is the one a whole load of the same files gives: the set-up of the tests of patched snapshots.
/// </summary>
public abstract class PatchedFolder : FolderTest
{
    protected PatchedFolder()
    {
        Folder
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

    protected static string Article(string title, string category, string risk, string frontMatter, string body = "Synthetic body text.") =>
        SyntheticContent.Article(title, category, risk, frontMatter, body);

    protected const string AboutLinks = "See [usage](/therapies/first#usage), [lone](/categories/lone-category) and [linked](/categories/linked-category).";

    protected static string First(string title, string category = "Category One", string heading = "Usage") =>
        Article(title, category, "low", "published: 2026-01-01\nauthor: writer\ntags: [alpha, beta]\naliases: [/old/first]",
            $"## {heading}\n\nSynthetic text. See [second](/therapies/second).");

    protected static string Third(string category = "Category Two", string risk = "moderate", string extra = "author: other", string body = "Synthetic body text.") =>
        Article("Third", category, risk, $"published: 2026-01-03\n{extra}", body);

    /// <summary>Each edit: the file it writes, what it writes, and whether a patch can take it (else a whole load does).</summary>
    protected static readonly Dictionary<string, (string File, string Text, bool Patched)> Edits = new()
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

    /// <summary>A whole load of the same files, from the same parses, gives what <paramref name="saved"/> holds, piece by piece.</summary>
    protected void AssertSameAsWholeLoad(ContentSnapshot saved)
    {
        var whole = Folder.LoadAsync(saved, ChangedFiles.None).GetAwaiter().GetResult();
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

    protected static void AssertSameMap(IReadOnlyDictionary<string, ContentDocument> expected, IReadOnlyDictionary<string, ContentDocument> actual)
    {
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        Assert.All(expected, entry => Assert.Equal(entry.Value, actual[entry.Key]));
    }

    protected static void AssertSameList(IReadOnlyList<Article> expected, IReadOnlyList<Article> actual)
    {
        Assert.Equal(expected.Select(article => article.Url), actual.Select(article => article.Url));
        Assert.Equal(expected, actual);
    }
}
