using Stackwise.Web.Content.Model;

namespace Stackwise.Web.Content.Snapshot;

/// <summary>
/// The names of what a page can read from a snapshot, each with its value in a snapshot, and the keys whose values differ
/// between two snapshots. A key is a token without spaces, as the <c>Surrogate-Key</c> header and Varnish's xkey take
/// them: a document's key is its URL path; lists and indexes have a prefix. One place says what each key stands for
/// (<see cref="Same"/>) and which documents can change it (<see cref="Fed"/>).
/// </summary>
public static class ContentKeys
{
    /// <summary>Anything at all: what a page reads when it reads a whole map (a fallback that is never wrong, only broad).</summary>
    public const string Everything = "all";

    /// <summary>Every response of the site carries it, so one purge can empty a CDN (a start with content that changed
    /// while down).</summary>
    public const string Site = "site";

    /// <summary>Every article, newest first (the home page's list and count, the feeds).</summary>
    public const string Articles = "articles";

    /// <summary>The categories with their articles (the home page shows their names and counts).</summary>
    public const string Categories = "categories";

    /// <summary>The articles of every risk level (the home page shows their counts).</summary>
    public const string Risks = "risks";

    /// <summary>Everyone, with the articles they wrote and reviewed (the writers and reviewers page shows the counts).</summary>
    public const string People = "people";

    /// <summary>What is at a path: a document (with whether it is public and due for review), a redirect, gone, or nothing.</summary>
    public static string Document(string path) => path;

    public static string Category(string slug) => "category:" + slug;

    public static string Risk(RiskLevel risk) => "risk:" + risk.Slug();

    /// <summary>A person's listing: the articles they wrote and reviewed.</summary>
    public static string Person(string slug) => "person:" + slug;

    /// <summary>The articles with a tag, in the snapshot's order (what related articles are chosen from).</summary>
    public static string Tag(string tag) => "tag:" + Uri.EscapeDataString(tag.ToLowerInvariant());

    /// <summary>The newest few articles of a category (what related articles are topped up from).</summary>
    public static string Newest(string categorySlug) => "newest:" + categorySlug;

    /// <summary>
    /// The keys whose values differ between <paramref name="before"/> and <paramref name="after"/>. Candidates come from the
    /// documents that changed (by reference: an unchanged file keeps its objects), the redirects and the served paths; each
    /// is kept only when its value really differs, so a title saved twice, or an article far down a category, leaves the
    /// lists that do not show it alone.
    /// </summary>
    /// <param name="declared">The keys other features record for data they build per snapshot (<see cref="PerSnapshot{T}"/>).</param>
    /// <remarks>A snapshot patched from <paramref name="before"/> says which documents it replaced, and only those are looked at.</remarks>
    /// <param name="fromPatch">False to compare every document even then: a test's check of the short way.</param>
    public static IReadOnlySet<string> Changed(ContentSnapshot before, ContentSnapshot after, IEnumerable<IPerSnapshot> declared, bool fromPatch = true)
    {
        if (before.Editions.Count > 0 || after.Editions.Count > 0)
        {
            // A site in more than one language: each language's lists would need their own comparison, which is not built
            // yet, so a reload changes everything (the response cache empties, a CDN purges the site's key).
            return new HashSet<string>([ContentKeys.Site, Everything], StringComparer.Ordinal);
        }
        var candidates = fromPatch && after.PatchedFrom is { } patch && patch.Version == before.Version
            ? PatchCandidates(before, after, patch)
            : Candidates(before, after);
        var changed = candidates.Where(key => !Same(before, after, key)).ToHashSet(StringComparer.Ordinal);
        changed.UnionWith(declared.Where(data => data.Key is not null && !data.Same(before, after)).Select(data => data.Key!));
        // Every reload changes `all`, even one no document explains: a page that read what no key covers (an article's
        // picture, whose size comes from its file) may have changed with a file that is not a document.
        changed.Add(Everything);
        return changed;
    }

    /// <summary>The keys a whole new snapshot may have changed, from every document compared by reference.</summary>
    private static HashSet<string> Candidates(ContentSnapshot before, ContentSnapshot after)
    {
        var candidates = new HashSet<string>(StringComparer.Ordinal);
        var (was, now) = (before.Unrecorded, after.Unrecorded);
        // A new day (or preview mode) changes whether unchanged documents are public or due for review: compare them all then.
        var everyDocument = before.Visibility != after.Visibility;
        var kept = 0;  // documents of the new snapshot at a URL the old one had
        foreach (var (url, document) in now.ByUrl)
        {
            var found = was.ByUrl.TryGetValue(url, out var earlier);
            kept += found ? 1 : 0;
            if (everyDocument || !ReferenceEquals(earlier, document))
            {
                candidates.Add(Document(url));
                Fed(earlier, candidates);
                Fed(document, candidates);
            }
        }
        // Each pass over the documents is 35 ms at 100,000 ("Changed keys in place" in docs/performance.md): this one
        // only when a URL went away.
        var sameUrls = kept == was.ByUrl.Count && kept == now.ByUrl.Count;
        if (kept < was.ByUrl.Count)
        {
            foreach (var (url, earlier) in was.ByUrl)
            {
                if (!now.ByUrl.ContainsKey(url))
                {
                    candidates.Add(Document(url));
                    Fed(earlier, candidates);
                }
            }
        }
        if (!ReferenceEquals(was.Redirects, now.Redirects))
        {
            candidates.UnionWith(was.Redirects.Moved.Keys.Concat(now.Redirects.Moved.Keys).Concat(was.Redirects.Gone).Concat(now.Redirects.Gone));
        }
        if (!(sameUrls && SameListPages(was, now)) && !was.ServedPaths.SetEquals(now.ServedPaths))
        {
            candidates.UnionWith(was.ServedPaths.Where(path => !now.ServedPaths.Contains(path)));
            candidates.UnionWith(now.ServedPaths.Where(path => !was.ServedPaths.Contains(path)));
        }

        return candidates;
    }

    /// <summary>
    /// The keys a patched snapshot may have changed: those of the documents the patch replaced, old and new, and the list
    /// pages that came or went. A patch keeps the visibility, the document URLs and the redirects (SnapshotPatch), so nothing
    /// else can differ.
    /// </summary>
    private static HashSet<string> PatchCandidates(ContentSnapshot before, ContentSnapshot after, PatchOrigin patch)
    {
        var candidates = new HashSet<string>(patch.Paths, StringComparer.Ordinal);
        foreach (var url in patch.Urls)
        {
            candidates.Add(Document(url));
            Fed(before.Unrecorded.ByUrl.GetValueOrDefault(url), candidates);
            Fed(after.Unrecorded.ByUrl.GetValueOrDefault(url), candidates);
        }
        return candidates;
    }

    /// <summary>
    /// True when the category and risk lists have the same pages: with the same document URLs, the served paths are then
    /// the same too (SnapshotBuilder.ServedPaths makes them from exactly these), without comparing 100,000 paths.
    /// </summary>
    private static bool SameListPages(ContentSnapshot.Indexes was, ContentSnapshot.Indexes now) =>
        was.Categories.Length == now.Categories.Length
        && was.Categories.Zip(now.Categories).All(pair => pair.First.Category.Url == pair.Second.Category.Url
            && ListPages.Count(pair.First.Articles.Length) == ListPages.Count(pair.Second.Articles.Length))
        && Enum.GetValues<RiskLevel>().All(risk => ListPages.Count(was.ByRisk[risk].Length) == ListPages.Count(now.ByRisk[risk].Length));

    /// <summary>The lists and indexes a version of a document appears in.</summary>
    private static void Fed(ContentDocument? document, HashSet<string> keys)
    {
        switch (document)
        {
            case Article article:
                keys.UnionWith([Articles, Categories, Risks, People, Category(article.Category.Slug), Newest(article.Category.Slug), Risk(article.Risk)]);
                keys.UnionWith(article.Tags.Select(Tag));
                keys.UnionWith(article.People.Select(person => Person(person.Slug)));
                break;
            case Model.Person person:
                keys.UnionWith([People, Person(person.Slug)]);
                break;
        }
    }

    /// <summary>
    /// Whether what <paramref name="key"/> stands for is the same in both snapshots. Lists compare their articles by
    /// reference (an unchanged file keeps its objects, a changed one gets new ones) with no copy made: at 100,000 articles
    /// the lists were first copied into arrays of values, and that took most of a save's 0.6 s here.
    /// </summary>
    internal static bool Same(ContentSnapshot before, ContentSnapshot after, string key)
    {
        var (was, now) = (before.Unrecorded, after.Unrecorded);
        if (key.StartsWith('/'))
        {
            return SameDocument(before, after, key);
        }
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        var (kind, name) = colon < 0 ? (key, "") : (key[..colon], key[(colon + 1)..]);
        return kind switch
        {
            // The whole lists, not just the counts the home page shows: whoever reads the map can reach every article in it.
            Articles => SameArticles(was.Articles, now.Articles),
            Categories => was.Categories.Length == now.Categories.Length && was.Categories.Zip(now.Categories).All(pair => SameListing(pair.First, pair.Second)),
            Risks => Enum.GetValues<RiskLevel>().All(risk => SameArticles(was.ByRisk[risk], now.ByRisk[risk])),
            People => was.People.Count == now.People.Count && now.People.All(pair => SamePerson(was.People.GetValueOrDefault(pair.Key), pair.Value)),
            "category" => SameListing(was.CategoriesBySlug.GetValueOrDefault(name), now.CategoriesBySlug.GetValueOrDefault(name)),
            "risk" => RiskLevels.TryParse(name, out var risk) && SameArticles(was.ByRisk[risk], now.ByRisk[risk]),
            "person" => SamePerson(was.People.GetValueOrDefault(name), now.People.GetValueOrDefault(name)),
            "tag" => SameArticles(before.Related.Tagged(Uri.UnescapeDataString(name)), after.Related.Tagged(Uri.UnescapeDataString(name))),
            "newest" => SameArticles([.. before.Related.NewestIn(name)], [.. after.Related.NewestIn(name)]),
            _ => false,  // Everything, and any key this list does not know: always changed
        };
    }

    private static bool SameDocument(ContentSnapshot before, ContentSnapshot after, string path)
    {
        var (was, now) = (before.Unrecorded, after.Unrecorded);
        var (earlier, document) = (was.ByUrl.GetValueOrDefault(path), now.ByUrl.GetValueOrDefault(path));
        return ReferenceEquals(earlier, document)
            && (document is null || (before.IsPublicUnrecorded(document) == after.IsPublicUnrecorded(document)
                && IsDue(document, before.Visibility.Today) == IsDue(document, after.Visibility.Today)))
            && was.ServedPaths.Contains(path) == now.ServedPaths.Contains(path)
            && was.Redirects.Moved.GetValueOrDefault(path) == now.Redirects.Moved.GetValueOrDefault(path)
            && was.Redirects.Gone.Contains(path) == now.Redirects.Gone.Contains(path);

        static bool IsDue(ContentDocument document, DateOnly today) => document is Article article && article.Dates.IsDueForReview(today);
    }

    private static bool SameListing(CategoryListing? before, CategoryListing? after) =>
        before is null ? after is null : after is not null && before.Category == after.Category && SameArticles(before.Articles, after.Articles);

    private static bool SamePerson(PersonListing? before, PersonListing? after) =>
        before is null ? after is null
            : after is not null && Equals(before.Person, after.Person) && SameArticles(before.Written, after.Written) && SameArticles(before.Reviewed, after.Reviewed);

    private static bool SameArticles(IReadOnlyList<Article> before, IReadOnlyList<Article> after)
    {
        if (before.Count != after.Count)
        {
            return false;
        }
        for (var i = 0; i < before.Count; i++)
        {
            if (!ReferenceEquals(before[i], after[i]))
            {
                return false;
            }
        }
        return true;
    }
}
