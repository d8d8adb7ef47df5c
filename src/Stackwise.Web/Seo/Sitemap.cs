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
    public static readonly PerSnapshot<IReadOnlyList<SitemapEntry>> Entries = new("sitemap", snapshot => SitemapPatch.CarriedOver(snapshot) ?? EntriesOf(snapshot),
        (before, after) => ReferenceEquals(before, after) || before.SequenceEqual(after));

    /// <remarks>
    /// Made in passes over the snapshot's own lists, with no grouping or sorting of the articles again: the LINQ
    /// version took 280-420 ms of every save at 100,000 articles ("Sitemap entries as values, carried over a patch" in
    /// docs/performance.md). Built unrecorded, so it reads the snapshot's indexes directly.
    /// </remarks>
    private static List<SitemapEntry> EntriesOf(ContentSnapshot snapshot)
    {
        var entries = new List<SitemapEntry>(snapshot.Unrecorded.ServedPaths.Count + 2);
        AddLists(entries, snapshot);
        var pages = new List<SitePage>();
        foreach (var document in snapshot.Unrecorded.ByUrl.Values)
        {
            if (document is SitePage page && snapshot.IsPublicUnrecorded(page))
            {
                pages.Add(page);
            }
        }
        pages.Sort((one, other) => string.CompareOrdinal(one.Url, other.Url));
        entries.AddRange(pages.Select(page => new SitemapEntry(page.Url, page.Updated)));
        AddPeople(entries, snapshot);
        // Each other language's home, articles, lists and people (its site pages are among the pages above).
        foreach (var edition in snapshot.Editions.Values)
        {
            AddLists(entries, edition);
            AddPeople(entries, edition);
        }
        return entries;
    }

    /// <summary>A language's home page, articles, category and risk-level lists.</summary>
    private static void AddLists(List<SitemapEntry> entries, ContentSnapshot snapshot)
    {
        var content = snapshot.Unrecorded;
        var home = entries.Count;
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
        entries[home] = new SitemapEntry(snapshot.PathOf(SiteRoutes.Home), newest);
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
            AddListEntries(entries, snapshot.PathOf(risk.Url()), Public(snapshot, content.ByRisk[risk]));
        }
    }

    /// <summary>A language's writers and reviewers page and each person's.</summary>
    private static void AddPeople(List<SitemapEntry> entries, ContentSnapshot snapshot)
    {
        entries.Add(new SitemapEntry(snapshot.PathOf(SiteRoutes.People), null));
        entries.AddRange(snapshot.Unrecorded.People.Values.OrderBy(listing => listing.Person.Url, StringComparer.Ordinal)
            .Select(listing => new SitemapEntry(listing.Person.Url, HttpCaching.LastModified([.. listing.Written, .. listing.Reviewed]))));
    }

    internal static DateOnly? Later(DateOnly? one, DateOnly other) => one is { } date && date >= other ? date : other;

    /// <summary>The public articles of a list, in its order; the list itself when all are (always, outside Development).</summary>
    internal static ImmutableArray<Article> Public(ContentSnapshot snapshot, ImmutableArray<Article> articles)
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
    internal static void AddListEntries(List<SitemapEntry> entries, string listUrl, ImmutableArray<Article> articles)
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

    /// <summary>The <c>urlset</c> of one part (0-based) of the entries, each URL with its versions in the site's other
    /// languages as <c>xhtml:link</c> (Google's hreflang in sitemaps) when there are any.</summary>
    /// <param name="versions">The versions of a path (<see cref="Alternates.Of"/>); none when not given.</param>
    public static string UrlSet(IReadOnlyList<SitemapEntry> entries, SiteOptions site, int part = 0, Func<string, IReadOnlyList<PageVersion>>? versions = null) =>
        Write("urlset", writer =>
        {
            if (versions is not null)
            {
                writer.WriteAttributeString("xmlns", "xhtml", null, XhtmlNamespace);
            }
            foreach (var entry in entries.Skip(part * site.SitemapUrlsPerFile).Take(site.SitemapUrlsPerFile))
            {
                writer.WriteStartElement("url", Namespace);
                writer.WriteElementString("loc", Namespace, site.Absolute(entry.Path));
                if (entry.LastModified is { } date)
                {
                    writer.WriteElementString("lastmod", Namespace, Dates.Iso(date));
                }
                var others = versions?.Invoke(entry.Path) ?? [];
                foreach (var (language, path) in others.Select(version => (version.Language, version.Path)).Append(others.Count > 0 ? ("x-default", Alternates.Default(others, site).Path) : default))
                {
                    if (language is null)
                    {
                        continue;
                    }
                    writer.WriteStartElement("xhtml", "link", XhtmlNamespace);
                    writer.WriteAttributeString("rel", "alternate");
                    writer.WriteAttributeString("hreflang", language);
                    writer.WriteAttributeString("href", site.Absolute(path));
                    writer.WriteEndElement();
                }
                writer.WriteEndElement();
            }
        });

    private const string XhtmlNamespace = "http://www.w3.org/1999/xhtml";

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
