using System.Collections.Immutable;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Site;

namespace Stackwise.Web.Seo;

/// <summary>
/// The sitemap entries of a patched snapshot made from those of the snapshot it was patched from, for
/// <see cref="Sitemap.Entries"/>: a save that moves no address and changes no date shares or edits the old entries
/// instead of making every entry again.
/// </summary>
internal static class SitemapPatch
{
    /// <summary>
    /// The entries of the snapshot <paramref name="snapshot"/> was patched from, when they are made and the patch
    /// changed nothing they hold: each replaced document keeps its visibility and, for an article, its date, category,
    /// risk level and people; a site page keeps its date. An article that moved among those of its day (a new title)
    /// moves in the entries too, and the page entries of its category's and risk level's lists are dated again (the
    /// pages hold the same number of articles). A title or body save at 100,000 articles then costs no new entries
    /// (74-200 ms; "Sitemap entries as values, carried over a patch" in docs/performance.md).
    /// </summary>
    public static IReadOnlyList<SitemapEntry>? CarriedOver(ContentSnapshot snapshot)
    {
        if (snapshot.PatchedFrom is not { } patch || !patch.Before.TryGetTarget(out var before) || !Sitemap.Entries.IsBuilt(before))
        {
            return null;
        }
        var entries = Sitemap.Entries.Get(before);
        // Only articles move entries: a person or site page saved beside an article (an unchanged file written again, as a
        // restore of several files does) leaves the article's move to be carried over as if it were saved alone.
        var articlesReplaced = patch.Replaced.Count(pair => pair.Old is Article || pair.New is Article);
        foreach (var (old, now) in patch.Replaced)
        {
            var isPublic = snapshot.IsPublicUnrecorded(now);
            if (before.IsPublicUnrecorded(old) != isPublic)
            {
                return null;
            }
            switch (old, now)
            {
                case (Article, Article) when !isPublic:
                    continue;
                case (Article was, Article article) when SameDateRiskAndPeople(was, article):
                    // An article that kept its category moves among the articles at most; one that changed category also
                    // changes the category pages.
                    var carried = was.Category.Slug == article.Category.Slug
                        ? Moved(before, snapshot, was, article, entries, articlesReplaced)
                        : Recategorised(before, snapshot, was, article, entries, articlesReplaced);
                    if (carried is null)
                    {
                        return null;
                    }
                    entries = carried;
                    continue;
                case (SitePage was, SitePage page) when was.Updated == page.Updated:
                case (Person, Person):
                    continue;
                default:
                    return null;
            }
        }
        return entries;
    }

    private static bool SameDateRiskAndPeople(Article was, Article article) =>
        was.Dates.Modified == article.Dates.Modified && was.Risk == article.Risk
        && was.People.Select(person => person.Slug).SequenceEqual(article.People.Select(person => person.Slug));

    /// <summary>
    /// The entries with one article's moved to its new place among the articles and its two lists' pages dated again, or the
    /// same entries when it did not move; null when the move changes more (previews in the lists, or several articles replaced).
    /// </summary>
    /// <param name="datePages">False to leave the lists' pages as they are (the caller makes them again, and never changes
    /// the list it gets).</param>
    private static List<SitemapEntry>? Moved(ContentSnapshot before, ContentSnapshot after, Article was, Article article,
        IReadOnlyList<SitemapEntry> entries, int replaced, bool datePages = true)
    {
        var (from, to) = (PlaceOf(before.Unrecorded.Articles, was), PlaceOf(after.Unrecorded.Articles, article));
        if (from == to)
        {
            return entries as List<SitemapEntry> ?? [.. entries];
        }
        // The home page is entry 0, then every article in the snapshot's order: outside Development every listed article is public.
        if (replaced > 1 || after.Visibility.IncludeUnpublished || from < 0 || to < 0 || entries[from + 1].Path != was.Url)
        {
            return null;
        }
        var moved = new List<SitemapEntry>(entries);
        moved.RemoveAt(from + 1);
        moved.Insert(to + 1, new SitemapEntry(article.Url, article.Dates.Modified));
        var content = after.Unrecorded;
        var lists = 1 + content.Articles.Length;
        return !datePages || (DatedAgain(moved, lists, article.Category.Url, content.CategoriesBySlug[article.Category.Slug].Articles)
            && DatedAgain(moved, lists, article.Risk.Url(), content.ByRisk[article.Risk]))
            ? moved
            : null;
    }

    /// <summary>
    /// The entries with one article moved to another category (one that has articles, or a new one): its entry moved as
    /// <see cref="Moved"/> moves it, and the category pages, which follow the articles' entries in the categories' order,
    /// made again from the new lists (at 100,000 articles a few thousand pages, against making every entry again, which
    /// was 100-200 ms of a save that brings a new category). Null when the entries are not laid out as expected.
    /// </summary>
    private static List<SitemapEntry>? Recategorised(ContentSnapshot before, ContentSnapshot after, Article was, Article article,
        IReadOnlyList<SitemapEntry> entries, int replaced)
    {
        if (replaced > 1 || after.Visibility.IncludeUnpublished
            || Moved(before, after, was, article, entries, replaced, datePages: false) is not { } moved)
        {
            return null;
        }
        var start = 1 + before.Unrecorded.Articles.Length;
        var at = start;
        foreach (var listing in before.Unrecorded.Categories)
        {
            for (var page = 1; page <= ListPages.Count(listing.Articles.Length); page++, at++)
            {
                if (at >= moved.Count || moved[at].Path != SiteRoutes.ListPage(listing.Category.Url, page))
                {
                    return null;
                }
            }
        }
        var pages = new List<SitemapEntry>();
        foreach (var listing in after.Unrecorded.Categories)
        {
            Sitemap.AddListEntries(pages, listing.Category.Url, listing.Articles);
        }
        var result = new List<SitemapEntry>(moved.Count - (at - start) + pages.Count);
        result.AddRange(moved.Take(start));
        result.AddRange(pages);
        result.AddRange(moved.Skip(at));
        return DatedAgain(result, start, article.Risk.Url(), after.Unrecorded.ByRisk[article.Risk]) ? result : null;
    }

    /// <summary>Writes the entries of a list's pages again in place; false when they are not where the list's first page is.
    /// The lists' pages follow the articles' entries, from <paramref name="lists"/> on: the search for the first page starts
    /// there instead of comparing every article's path with it.</summary>
    private static bool DatedAgain(List<SitemapEntry> entries, int lists, string listUrl, ImmutableArray<Article> articles)
    {
        var pages = new List<SitemapEntry>();
        Sitemap.AddListEntries(pages, listUrl, articles);
        var at = lists <= entries.Count ? entries.FindIndex(lists, entry => entry.Path == listUrl) : -1;
        if (at < 0 || at + pages.Count > entries.Count)
        {
            return false;
        }
        for (var page = 0; page < pages.Count; page++)
        {
            if (entries[at + page].Path != pages[page].Path)
            {
                return false;
            }
            entries[at + page] = pages[page];
        }
        return true;
    }

    private static int PlaceOf(ImmutableArray<Article> articles, Article article) => articles.BinarySearch(article, SnapshotBuilder.NewestFirst);
}
