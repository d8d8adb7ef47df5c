using System.Text;
using Microsoft.Extensions.Options;
using Stackwise.Web.Content;

namespace Stackwise.Web.Seo;

public static class SeoEndpoints
{
    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>Maps robots.txt, the sitemap (or sitemap index and its parts) and the Atom and RSS feeds.</summary>
    public static IEndpointRouteBuilder MapSeoEndpoints(this IEndpointRouteBuilder endpoints)
    {
        Map(endpoints, "/robots.txt", (snapshot, site, context) => Text(context, Robots(site), "text/plain", null));
        Map(endpoints, "/sitemap.xml", (snapshot, site, context) =>
        {
            var entries = snapshot.Derived(Sitemap.Entries);
            var xml = Sitemap.PartCount(entries.Count, site.SitemapUrlsPerFile) == 1 ? Sitemap.UrlSet(entries, site) : Sitemap.Index(entries, site);
            return Text(context, xml, "application/xml", Newest(snapshot));
        });
        Map(endpoints, "/sitemaps/{part:int}.xml", (snapshot, site, context) =>
        {
            var entries = snapshot.Derived(Sitemap.Entries);
            var parts = Sitemap.PartCount(entries.Count, site.SitemapUrlsPerFile);
            var part = context.GetRouteValue("part") is string value && int.TryParse(value, out var number) ? number : 0;
            return parts == 1 || part < 1 || part > parts
                ? Results.NotFound()
                : Text(context, Sitemap.UrlSet(entries, site, part - 1), "application/xml", Newest(snapshot));
        });
        Map(endpoints, "/feed.xml", (snapshot, site, context) => Text(context, Feeds.Atom(snapshot, site), "application/atom+xml", Newest(snapshot)));
        Map(endpoints, "/rss.xml", (snapshot, site, context) => Text(context, Feeds.Rss(snapshot, site), "application/rss+xml", Newest(snapshot)));
        return endpoints;
    }

    public static string Robots(SiteOptions site) =>
        $"User-agent: *\nAllow: /\nDisallow: /search\n\nSitemap: {site.Absolute("/sitemap.xml")}\n";

    private static void Map(IEndpointRouteBuilder endpoints, string pattern, Func<ContentSnapshot, SiteOptions, HttpContext, IResult> handler) =>
        endpoints.MapMethods(pattern, GetAndHead, (HttpContext context, ContentSnapshot snapshot, IOptions<SiteOptions> site) =>
                handler(snapshot, site.Value, context))
            .CacheAsContent();

    private static DateOnly? Newest(ContentSnapshot snapshot) => HttpCaching.LastModified(snapshot.Articles.Where(snapshot.IsPublic));

    private static IResult Text(HttpContext context, string body, string mediaType, DateOnly? lastModified)
    {
        context.Response.SetLastModified(lastModified);
        return Results.Text(body, $"{mediaType}; charset=utf-8", Encoding.UTF8);
    }
}
