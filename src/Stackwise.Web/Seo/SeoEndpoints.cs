using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Localization;
using Stackwise.Web.Site;
using Stackwise.Web.Telemetry;

namespace Stackwise.Web.Seo;

public static class SeoEndpoints
{
    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>Maps robots.txt, the sitemap (or sitemap index and its parts) and the Atom and RSS feeds.</summary>
    public static IEndpointRouteBuilder MapSeoEndpoints(this IEndpointRouteBuilder endpoints)
    {
        Map(endpoints, SiteRoutes.Robots, PageKinds.Sitemap, (snapshot, site, context) => Text(Robots(site), "text/plain"));
        Map(endpoints, SiteRoutes.Sitemap, PageKinds.Sitemap, (snapshot, site, context) =>
        {
            var entries = Sitemap.Entries.Get(snapshot);
            var xml = Sitemap.PartCount(entries.Count, site.SitemapUrlsPerFile) == 1 ? Sitemap.UrlSet(entries, site, 0, Versions(snapshot, site)) : Sitemap.Index(entries, site);
            return Text(xml, "application/xml");
        });
        Map(endpoints, SiteRoutes.SitemapPartTemplate, PageKinds.Sitemap, (snapshot, site, context) =>
        {
            var entries = Sitemap.Entries.Get(snapshot);
            var parts = Sitemap.PartCount(entries.Count, site.SitemapUrlsPerFile);
            // Only the canonical spelling of a part number: `01` or `+1` would serve part 1 again under another URL.
            var part = context.GetRouteValue("part") is string value && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                && value == number.ToString(CultureInfo.InvariantCulture) ? number : 0;
            return parts == 1 || part < 1 || part > parts
                ? Results.NotFound()
                : Text(Sitemap.UrlSet(entries, site, part - 1, Versions(snapshot, site)), "application/xml");
        });
        // Each language has its own feeds (/es/feed.xml), of its articles.
        foreach (var (atom, rss) in new[] { (SiteRoutes.AtomFeed, SiteRoutes.RssFeed), (SiteRoutes.InLanguage(SiteRoutes.AtomFeed), SiteRoutes.InLanguage(SiteRoutes.RssFeed)) })
        {
            Map(endpoints, atom, PageKinds.Feed, (snapshot, site, context) => Text(Feeds.Atom(snapshot, site, Description(context)), "application/atom+xml"));
            Map(endpoints, rss, PageKinds.Feed, (snapshot, site, context) => Text(Feeds.Rss(snapshot, site, Description(context)), "application/rss+xml"));
        }
        return endpoints;
    }

    public static string Robots(SiteOptions site) =>
        $"User-agent: *\nAllow: /\nDisallow: {SiteRoutes.Search}\n\nSitemap: {site.Absolute(SiteRoutes.Sitemap)}\n";

    private static void Map(IEndpointRouteBuilder endpoints, string pattern, string kind, Func<ContentSnapshot, SiteOptions, HttpContext, IResult> handler) =>
        endpoints.MapMethods(pattern, GetAndHead, (HttpContext context, ContentSnapshot snapshot, IOptions<SiteOptions> site) =>
                handler(snapshot, site.Value, context))
            .CacheAsContent()
            .WithPageKind(kind);

    /// <summary>Each sitemap URL's versions in the site's languages; none on a site in one language.</summary>
    private static Func<string, IReadOnlyList<PageVersion>>? Versions(ContentSnapshot snapshot, SiteOptions site) =>
        site.Languages.Length < 2 ? null : path => Alternates.Of(snapshot, path, site);

    /// <summary>The site's description in the request's language, which the feeds carry.</summary>
    private static string Description(HttpContext context) => context.RequestServices.GetRequiredService<IStringLocalizer<SiteText>>()["Site.Description"];

    private static IResult Text(string body, string mediaType) => Results.Text(body, $"{mediaType}; charset=utf-8", Encoding.UTF8);
}
