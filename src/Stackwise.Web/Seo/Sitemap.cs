using System.Collections.Immutable;
using System.Xml;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Site;

namespace Stackwise.Web.Seo;

/// <summary>
/// One URL of the sitemap, with the date its content last changed when the content says so. A value, held in the entries'
/// array: every save makes the entries of 10,000 articles again, and as objects they were a quarter of what a save left
/// for the garbage collector to copy ("Sitemap entries as values, carried over a patch" in docs/performance.md).
/// </summary>
public readonly record struct SitemapEntry(string Path, DateOnly? LastModified);

/// <summary>The sitemaps.org protocol: one <c>urlset</c>, or past <see cref="SiteOptions.SitemapUrlsPerFile"/> URLs an
/// index of numbered parts.</summary>
public static class Sitemap
{
    /// <summary>The protocol's limit of URLs in one sitemap file.</summary>
    public const int MaxUrlsPerFile = SiteOptions.MaxSitemapUrlsPerFile;

    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>
    /// Every indexable page, with <c>lastmod</c> from the content's own dates, never the time of the request; made once per
    /// snapshot. The sitemap is rendered from these alone (and the site's address, fixed for the process), so its key
    /// changes only when they do: a save that changes no address and no date leaves it cached, where writing it again took
    /// 40-60 ms per coding at 10,000 articles ("Sitemap entries as values, carried over a patch" in docs/performance.md).
    /// </summary>
    public static readonly PerSnapshot<IReadOnlyList<SitemapEntry>> Entries = new("sitemap", snapshot => CarriedOver(snapshot) ?? EntriesOf(snapshot),
        (before, after) => ReferenceEquals(before, after) || before.SequenceEqual(after));

    /// <summary>
    /// The entries of the snapshot <paramref name="snapshot"/> was patched from, when they are made and the patch
    /// changed nothing they hold: each replaced document keeps its visibility and, for an article, its date, category,
    /// risk level and people; a site page keeps its date. An article that moved among those of its day (a new title)
    /// moves in the entries too, and the page entries of its category's and risk level's lists are dated again (the
    /// pages hold the same number of articles). A title or body save at 100,000 articles then costs no new entries
    /// (74-200 ms; "Sitemap entries as values, carried over a patch" in docs/performance.md).
    /// </summary>
    private static IReadOnlyList<SitemapEntry>? CarriedOver(ContentSnapshot snapshot)
    {
        if (snapshot.PatchedFrom is not { } patch || !patch.Before.TryGetTarget(out var before) || !Entries.IsBuilt(before))
        {
            return null;
        }
        var entries = Entries.Get(before);
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
                case (Article was, Article article) when was.Dates.Modified == article.Dates.Modified && was.Category.Slug == article.Category.Slug
                    && was.Risk == article.Risk && was.People.Select(person => person.Slug).SequenceEqual(article.People.Select(person => person.Slug)):
                    if (Moved(before, snapshot, was, article, entries, patch.Replaced.Length) is not { } moved)
                    {
                        return null;
                    }
                    entries = moved;
                    continue;
                case (Article was, Article article) when was.Dates.Modified == article.Dates.Modified && was.Risk == article.Risk
                    && was.People.Select(person => person.Slug).SequenceEqual(article.People.Select(person => person.Slug)):
                    // Only the category differs (the case above took the rest).
                    if (Recategorised(before, snapshot, was, article, entries, patch.Replaced.Length) is not { } recategorised)
                    {
                        return null;
                    }
                    entries = recategorised;
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

    /// <summary>
    /// The entries with one article's moved to its new place among the articles and its two lists' pages dated again, or the
    /// same entries when it did not move; null when the move changes more (previews in the lists, or several documents replaced).
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
        return !datePages || (DatedAgain(moved, article.Category.Url, content.CategoriesBySlug[article.Category.Slug].Articles)
            && DatedAgain(moved, article.Risk.Url(), content.ByRisk[article.Risk]))
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
            AddListEntries(pages, listing.Category.Url, listing.Articles);
        }
        var result = new List<SitemapEntry>(moved.Count - (at - start) + pages.Count);
        result.AddRange(moved.Take(start));
        result.AddRange(pages);
        result.AddRange(moved.Skip(at));
        return DatedAgain(result, article.Risk.Url(), after.Unrecorded.ByRisk[article.Risk]) ? result : null;
    }

    /// <summary>Writes the entries of a list's pages again in place; false when they are not where the list's first page is.</summary>
    private static bool DatedAgain(List<SitemapEntry> entries, string listUrl, ImmutableArray<Article> articles)
    {
        var pages = new List<SitemapEntry>();
        AddListEntries(pages, listUrl, articles);
        var at = entries.FindIndex(entry => entry.Path == listUrl);
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

    /// <remarks>
    /// Made in passes over the snapshot's own lists, with no grouping or sorting of the articles again: the LINQ
    /// version took 280-420 ms of every save at 100,000 articles ("Sitemap entries as values, carried over a patch" in
    /// docs/performance.md). Built unrecorded, so it reads the snapshot's indexes directly.
    /// </remarks>
    private static List<SitemapEntry> EntriesOf(ContentSnapshot snapshot)
    {
        var content = snapshot.Unrecorded;
        var entries = new List<SitemapEntry>(content.ServedPaths.Count + 2);
        entries.Add(default);  // the home page, dated once its articles are counted
        DateOnly? newest = null;
        foreach (var article in content.Articles)
        {
            if (snapshot.IsPublicUnrecorded(article))
            {
                entries.Add(new SitemapEntry(article.Url, article.Dates.Modified));
                newest = Later(newest, article.Dates.Modified);
            }
        }
        entries[0] = new SitemapEntry("/", newest);
        // The category lists are in name order already (SnapshotBuilder); a list with no public article has no page.
        foreach (var listing in content.Categories)
        {
            var articles = Public(snapshot, listing.Articles);
            if (!articles.IsEmpty)
            {
                AddListEntries(entries, listing.Category.Url, articles);
            }
        }
        foreach (var risk in Enum.GetValues<RiskLevel>())
        {
            AddListEntries(entries, risk.Url(), Public(snapshot, content.ByRisk[risk]));
        }
        var pages = new List<SitePage>();
        foreach (var document in content.ByUrl.Values)
        {
            if (document is SitePage page && snapshot.IsPublicUnrecorded(page))
            {
                pages.Add(page);
            }
        }
        pages.Sort((one, other) => string.CompareOrdinal(one.Url, other.Url));
        entries.AddRange(pages.Select(page => new SitemapEntry(page.Url, page.Updated)));
        entries.Add(new SitemapEntry(SiteRoutes.People, null));
        entries.AddRange(content.People.Values.OrderBy(listing => listing.Person.Url, StringComparer.Ordinal)
            .Select(listing => new SitemapEntry(listing.Person.Url, HttpCaching.LastModified([.. listing.Written, .. listing.Reviewed]))));
        return entries;
    }

    private static DateOnly? Later(DateOnly? one, DateOnly other) => one is { } date && date >= other ? date : other;

    /// <summary>The public articles of a list, in its order; the list itself when all are (always, outside Development).</summary>
    private static ImmutableArray<Article> Public(ContentSnapshot snapshot, ImmutableArray<Article> articles)
    {
        foreach (var article in articles)
        {
            if (!snapshot.IsPublicUnrecorded(article))
            {
                return [.. articles.Where(snapshot.IsPublicUnrecorded)];
            }
        }
        return articles;
    }

    /// <summary>Each page of a list, dated by the newest article on it.</summary>
    private static void AddListEntries(List<SitemapEntry> entries, string listUrl, ImmutableArray<Article> articles)
    {
        var pages = ListPages.Count(articles.Length);
        for (var page = 1; page <= pages; page++)
        {
            DateOnly? newest = null;
            for (var i = (page - 1) * ListPages.Size; i < Math.Min(articles.Length, page * ListPages.Size); i++)
            {
                newest = Later(newest, articles[i].Dates.Modified);
            }
            entries.Add(new SitemapEntry(SiteRoutes.ListPage(listUrl, page), newest));
        }
    }

    public static int PartCount(int entryCount, int maxUrlsPerFile) =>
        Math.Max(1, (entryCount + maxUrlsPerFile - 1) / maxUrlsPerFile);

    /// <summary>The <c>urlset</c> of one part (0-based) of the entries.</summary>
    public static string UrlSet(IReadOnlyList<SitemapEntry> entries, SiteOptions site, int part = 0) =>
        Write("urlset", writer =>
        {
            foreach (var entry in entries.Skip(part * site.SitemapUrlsPerFile).Take(site.SitemapUrlsPerFile))
            {
                writer.WriteStartElement("url", Namespace);
                writer.WriteElementString("loc", Namespace, site.Absolute(entry.Path));
                if (entry.LastModified is { } date)
                {
                    writer.WriteElementString("lastmod", Namespace, Dates.Iso(date));
                }
                writer.WriteEndElement();
            }
        });

    /// <summary>The <c>sitemapindex</c> naming every part at <c>/sitemaps/{n}.xml</c> (1-based).</summary>
    public static string Index(IReadOnlyList<SitemapEntry> entries, SiteOptions site) =>
        Write("sitemapindex", writer =>
        {
            var size = site.SitemapUrlsPerFile;
            for (var part = 0; part < PartCount(entries.Count, size); part++)
            {
                var newest = HttpCaching.Newest(entries.Skip(part * size).Take(size)
                    .Where(entry => entry.LastModified is not null).Select(entry => entry.LastModified.GetValueOrDefault()));
                writer.WriteStartElement("sitemap", Namespace);
                writer.WriteElementString("loc", Namespace, site.Absolute(SiteRoutes.SitemapPart(part + 1)));
                if (newest is { } date)
                {
                    writer.WriteElementString("lastmod", Namespace, Dates.Iso(date));
                }
                writer.WriteEndElement();
            }
        });

    private static string Write(string root, Action<XmlWriter> writeChildren) => XmlText.Write(writer =>
    {
        writer.WriteStartDocument();
        writer.WriteStartElement(root, Namespace);
        writeChildren(writer);
        writer.WriteEndElement();
    });
}
