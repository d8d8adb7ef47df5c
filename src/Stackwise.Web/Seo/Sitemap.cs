using System.Collections.Immutable;
using System.Xml;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Site;

namespace Stackwise.Web.Seo;

/// <summary>
/// One URL of the sitemap, with the date its content last changed when the content says so. A value, held in the entries'
/// array: every save makes the entries of 10,000 articles again, and as objects they were a quarter of what a save left
/// for the garbage collector to copy (docs/performance.md).
/// </summary>
public readonly record struct SitemapEntry(string Path, DateOnly? LastModified);

/// <summary>The sitemaps.org protocol: one <c>urlset</c>, or past <see cref="SiteOptions.SitemapUrlsPerFile"/> URLs an index of numbered parts.</summary>
public static class Sitemap
{
    /// <summary>The protocol's limit of URLs in one sitemap file.</summary>
    public const int MaxUrlsPerFile = SiteOptions.MaxSitemapUrlsPerFile;

    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>
    /// Every indexable page, with <c>lastmod</c> from the content's own dates, never the time of the request; made once per
    /// snapshot. The sitemap is rendered from these alone (and the site's address, fixed for the process), so its key
    /// changes only when they do: a save that changes no address and no date leaves it cached, where writing it again took
    /// 40-60 ms per coding at 10,000 articles (docs/performance.md).
    /// </summary>
    public static readonly PerSnapshot<IReadOnlyList<SitemapEntry>> Entries = new("sitemap", EntriesOf, (before, after) => before.SequenceEqual(after));

    private static IReadOnlyList<SitemapEntry> EntriesOf(ContentSnapshot snapshot)
    {
        var articles = snapshot.Articles.Where(snapshot.IsPublic).ToList();
        return
        [
            new SitemapEntry("/", HttpCaching.LastModified(articles)),
            .. articles.Select(article => new SitemapEntry(article.Url, article.Dates.Modified)),
            .. articles.GroupBy(article => article.Category).OrderBy(group => group.Key.Name, StringComparer.OrdinalIgnoreCase)
                .SelectMany(group => ListEntries(group.Key.Url, [.. group])),
            .. Enum.GetValues<RiskLevel>().SelectMany(risk => ListEntries(risk.Url(), [.. articles.Where(article => article.Risk == risk)])),
            .. snapshot.ByUrl.Values.OfType<SitePage>().Where(snapshot.IsPublic).OrderBy(page => page.Url, StringComparer.Ordinal)
                .Select(page => new SitemapEntry(page.Url, page.Updated)),
            new SitemapEntry(SiteRoutes.People, null),
            .. snapshot.People.Values.OrderBy(listing => listing.Person.Url, StringComparer.Ordinal)
                .Select(listing => new SitemapEntry(listing.Person.Url, HttpCaching.LastModified([.. listing.Written, .. listing.Reviewed]))),
        ];
    }

    /// <summary>Each page of a list, dated by the newest article on it.</summary>
    private static IEnumerable<SitemapEntry> ListEntries(string listUrl, ImmutableArray<Article> articles) =>
        Enumerable.Range(1, ListPages.Count(articles.Length))
            .Select(page => new SitemapEntry(SiteRoutes.ListPage(listUrl, page), HttpCaching.LastModified(ListPages.Page(articles, page))));

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
