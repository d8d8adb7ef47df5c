using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;

namespace Stackwise.Web.Site;

/// <summary>
/// Every URL shape of the site, written once. Endpoints are mapped from the templates, links and the sitemap are built
/// with the methods, and the first segments the site keeps for itself (<see cref="ReservedSegments"/>) are read off the
/// templates, so a new route cannot be shadowed by a content folder of the same name. <c>RoutesTests</c> compares this
/// list with the endpoints the app really maps.
/// </summary>
public static class SiteRoutes
{
    public const string Home = "/";

    /// <summary>An article: <c>content/{section}/{slug}.md</c>.</summary>
    public const string ArticleTemplate = "/{section:slug}/{slug:slug}";

    /// <summary>A site page such as <c>/terms</c>: <c>content/pages/{slug}.md</c>.</summary>
    public const string SitePageTemplate = "/{slug:slug}";

    /// <summary>Everyone who writes or reviews articles, and each person's page: <c>content/people/{slug}.md</c>.</summary>
    public const string People = "/people";
    public const string PersonTemplate = People + "/{slug:slug}";

    /// <summary>Share cards: <c>/cards.png</c> for the home page, <c>/cards{page path}.png</c> for every other page.</summary>
    public const string HomeCard = CardsPrefix + ".png";
    public const string CardTemplate = CardsPrefix + "/{**page}";

    public const string CategoryTemplate = CategoriesPrefix + "/{slug:slug}";
    public const string RiskLevelTemplate = RiskPrefix + "/{level:slug}";

    /// <summary>The second and later pages of a list: <c>{list}/page/{n}</c>.</summary>
    public const string ListPageSuffix = "/page/{pageNumber:int:min(2)}";

    public const string Search = "/search";
    public const string ErrorTemplate = "/error/{statusCode:int?}";
    public const string Robots = "/robots.txt";
    public const string Sitemap = "/sitemap.xml";
    public const string SitemapPartTemplate = SitemapPartsPrefix + "/{part:int}.xml";
    public const string AtomFeed = "/feed.xml";
    public const string RssFeed = "/rss.xml";
    public const string Liveness = "/healthz";
    public const string Readiness = "/readyz";

    /// <summary>The Development page listing every content problem.</summary>
    public const string ContentProblems = "/_content/problems";

    /// <summary>A draft or scheduled article shown to a reviewer who has a signed link (Pages/Preview).</summary>
    public const string PreviewTemplate = "/_content/preview/{token}";

    public static string Preview(string token) => $"/_content/preview/{token}";

    /// <summary>Images editors put in <c>content/images/</c>, served under the same name.</summary>
    public const string ImagesFolder = "images";

    /// <summary>The site page that explains the risk levels, one section per level.</summary>
    public const string RiskLevels = "/risk-levels";

    /// <summary>Site pages every page links to (in the header and the disclaimer footer); content must provide them.</summary>
    public const string About = "/about";
    public const string Terms = "/terms";
    public const string Privacy = "/privacy";

    private const string CategoriesPrefix = "/categories";
    private const string CardsPrefix = "/cards";
    private const string RiskPrefix = "/risk";
    /// <summary>The folder of the sitemap's numbered parts, <see cref="SitemapPart"/>.</summary>
    public const string SitemapPartsPrefix = "/sitemaps";

    /// <summary>Where an error status is rendered as a page (status code pages re-execute here); <see cref="Error"/> fills it in.</summary>
    public const string ErrorPageFormat = "/error/{0}";

    /// <summary>Every route template the site maps besides the content routes (home, articles, site pages).</summary>
    public static readonly ImmutableArray<string> SiteTemplates =
    [
        People, PersonTemplate, HomeCard, CardTemplate, CategoryTemplate, CategoryTemplate + ListPageSuffix, RiskLevelTemplate, RiskLevelTemplate + ListPageSuffix, Search, ErrorTemplate,
        Robots, Sitemap, SitemapPartTemplate, AtomFeed, RssFeed, Liveness, Readiness, ContentProblems, PreviewTemplate,
    ];

    /// <summary>The routes content documents are served at.</summary>
    public static readonly ImmutableArray<string> ContentTemplates = [Home, ArticleTemplate, SitePageTemplate];

    /// <summary>The crawl files: always served, whatever the content, and saved by <c>export</c>.</summary>
    public static readonly ImmutableArray<string> CrawlFiles = [Robots, Sitemap, AtomFeed, RssFeed];

    /// <summary>
    /// First path segments of static files: those in wwwroot (stylesheets, the icon with its fingerprinted copies), the
    /// framework's own static content and the content images; <c>RoutesTests</c> fails when a file is served outside them.
    /// </summary>
    public static readonly ImmutableArray<string> StaticSegments = ["css", "favicon", "_content", ImagesFolder];

    /// <summary>
    /// First path segments the site itself answers, which no content folder, page, alias or gone entry may take. A
    /// first segment with a dot counts by the part before the dot, so <c>feed</c> covers <c>/feed.xml</c>.
    /// </summary>
    public static readonly FrozenSet<string> ReservedSegments =
        SiteTemplates.Select(FirstSegment).Concat(StaticSegments).ToFrozenSet(StringComparer.Ordinal);

    public static string Error(int status) => ErrorPageFormat.Replace("{0}", status.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    public static string Category(string slug) => $"{CategoriesPrefix}/{slug}";

    public static string RiskLevel(string slug) => $"{RiskPrefix}/{slug}";

    public static string Article(string section, string slug) => $"/{section}/{slug}";

    public static string Person(string slug) => $"{People}/{slug}";

    /// <summary>The share card of the page at <paramref name="pagePath"/>.</summary>
    public static string Card(string pagePath) => pagePath == Home ? HomeCard : $"{CardsPrefix}{pagePath}.png";

    public static string SitePage(string slug) => $"/{slug}";

    /// <summary>The route constraint of a language's first segment (<c>Pages/LanguageRouteConstraint</c>).</summary>
    public const string LanguageConstraint = "sitelanguage";

    /// <summary>A route template in every other language's part of the site: <c>/{language:sitelanguage}/terms</c>.</summary>
    public static string InLanguage(string template) => $"/{{language:{LanguageConstraint}}}{(template == Home ? "" : template)}";

    /// <summary>A path in a language's part of the site: <c>/es/terms</c> for <c>/terms</c>, <c>/es</c> for the home page;
    /// the path itself for the default language (null).</summary>
    public static string In(string? language, string path) =>
        language is null ? path : path == Home ? $"/{language}" : $"/{language}{path}";

    /// <summary>Page <paramref name="page"/> of a list: the list itself for the first page.</summary>
    public static string ListPage(string listUrl, int page) =>
        page <= 1 ? listUrl : $"{listUrl}/page/{page.ToString(CultureInfo.InvariantCulture)}";

    public static string SitemapPart(int part) => $"{SitemapPartsPrefix}/{part.ToString(CultureInfo.InvariantCulture)}.xml";

    /// <summary>The literal first segment of a template, without a file extension: <c>feed</c> for <c>/feed.xml</c>.</summary>
    public static string FirstSegment(string template)
    {
        var rest = template.TrimStart('/');
        var end = rest.IndexOfAny(['/', '.']);
        return end < 0 ? rest : rest[..end];
    }
}
