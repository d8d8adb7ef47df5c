using Stackwise.Web.Content.Model;

namespace Stackwise.Web.Content.Snapshot;

/// <summary>
/// The names of what a page can read from a snapshot, each with its value in a snapshot, and the keys whose values differ
/// between two snapshots. A key is a token without spaces, as the <c>Surrogate-Key</c> header and Varnish's xkey take
/// them: a document's key is its URL path; lists and indexes have a prefix. One place says what each key stands for
/// (<see cref="ValueOf"/>) and which documents can change it (<see cref="Fed"/>).
/// </summary>
public static class ContentKeys
{
    /// <summary>Anything at all: what a page reads when it reads a whole map (a fallback that is never wrong, only broad).</summary>
    public const string Everything = "all";

    /// <summary>Every response of the site carries it, so one purge can empty a CDN (a start with content that changed while down).</summary>
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
    public static IReadOnlySet<string> Changed(ContentSnapshot before, ContentSnapshot after, IEnumerable<IPerSnapshot> declared)
    {
        var candidates = new HashSet<string>(StringComparer.Ordinal);
        var (was, now) = (before.Unrecorded, after.Unrecorded);
        // A new day (or preview mode) changes whether unchanged documents are public or due for review: compare them all then.
        var everyDocument = before.Visibility != after.Visibility;
        foreach (var (url, document) in now.ByUrl)
        {
            var earlier = was.ByUrl.GetValueOrDefault(url);
            if (everyDocument || !ReferenceEquals(earlier, document))
            {
                candidates.Add(Document(url));
                Fed(earlier, candidates);
                Fed(document, candidates);
            }
        }
        foreach (var (url, earlier) in was.ByUrl)
        {
            if (!now.ByUrl.ContainsKey(url))
            {
                candidates.Add(Document(url));
                Fed(earlier, candidates);
            }
        }
        if (!ReferenceEquals(was.Redirects, now.Redirects))
        {
            candidates.UnionWith(was.Redirects.Moved.Keys.Concat(now.Redirects.Moved.Keys).Concat(was.Redirects.Gone).Concat(now.Redirects.Gone));
        }
        if (!ReferenceEquals(was.ServedPaths, now.ServedPaths) && !was.ServedPaths.SetEquals(now.ServedPaths))
        {
            candidates.UnionWith(was.ServedPaths.Where(path => !now.ServedPaths.Contains(path)));
            candidates.UnionWith(now.ServedPaths.Where(path => !was.ServedPaths.Contains(path)));
        }

        var changed = candidates.Where(key => !Same(ValueOf(before, key), ValueOf(after, key))).ToHashSet(StringComparer.Ordinal);
        if (candidates.Count > 0)
        {
            changed.Add(Everything);
            changed.UnionWith(declared.Where(data => data.Key is not null && !data.Same(before, after)).Select(data => data.Key!));
        }
        return changed;
    }

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

    /// <summary>What <paramref name="key"/> stands for in <paramref name="snapshot"/>, as parts compared one by one with <see cref="object.Equals(object?, object?)"/>.</summary>
    internal static object?[] ValueOf(ContentSnapshot snapshot, string key)
    {
        var content = snapshot.Unrecorded;
        if (key.StartsWith('/'))
        {
            var document = content.ByUrl.GetValueOrDefault(key);
            return [document, document is not null && snapshot.IsPublicUnrecorded(document),
                document is Article article && article.Dates.IsDueForReview(snapshot.Visibility.Today),
                content.ServedPaths.Contains(key), content.Redirects.Moved.GetValueOrDefault(key), content.Redirects.Gone.Contains(key)];
        }
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        var (kind, name) = colon < 0 ? (key, "") : (key[..colon], key[(colon + 1)..]);
        return kind switch
        {
            Articles => [.. content.Articles],
            // The whole lists, not just the counts the home page shows: whoever reads the map can reach every article in it.
            Categories => [.. content.Categories.SelectMany(listing => (IEnumerable<object?>)[listing.Category, .. listing.Articles, null])],
            Risks => [.. content.ByRisk.OrderBy(entry => entry.Key).SelectMany(entry => (IEnumerable<object?>)[.. entry.Value, null])],
            People => [.. content.People.Values.OrderBy(listing => listing.Person.Slug, StringComparer.Ordinal)
                .SelectMany(listing => (IEnumerable<object?>)[listing.Person, .. listing.Written, null, .. listing.Reviewed, null])],
            "category" => content.CategoriesBySlug.GetValueOrDefault(name) is { } listing ? [listing.Category, .. listing.Articles] : [],
            "risk" => RiskLevels.TryParse(name, out var risk) ? [.. content.ByRisk[risk]] : [],
            "person" => content.People.GetValueOrDefault(name) is { } person ? [person.Person, .. person.Written, null, .. person.Reviewed] : [],
            "tag" => [.. snapshot.Related.Tagged(Uri.UnescapeDataString(name))],
            "newest" => [.. snapshot.Related.NewestIn(name)],
            _ => [snapshot.Version],  // Everything, and any key this list does not know: always changed
        };
    }

    private static bool Same(object?[] before, object?[] after) => before.AsSpan().SequenceEqual(after, EqualsComparer.Instance);

    private sealed class EqualsComparer : IEqualityComparer<object?>
    {
        public static readonly EqualsComparer Instance = new();

        public new bool Equals(object? x, object? y) => object.Equals(x, y);

        public int GetHashCode(object? obj) => obj?.GetHashCode() ?? 0;
    }
}
