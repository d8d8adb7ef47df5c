namespace Stackwise.Web.Seo;

/// <summary>What a page tells crawlers about itself; the one head partial (<c>_Head.cshtml</c>) writes it out.</summary>
/// <param name="Title">The page's own title; the head adds the site name.</param>
/// <param name="CanonicalPath">The page's one URL path, or null for pages that must not be indexed.</param>
public sealed record PageMeta(string? Title, string? Description, string? CanonicalPath)
{
    public const string SiteName = "Stackwise";

    /// <summary>The home page's metadata: the site's description (<c>Site.Description</c> in the interface's words).</summary>
    /// <param name="path">The home page of the request's language: <c>/</c>, <c>/es</c>.</param>
    public static PageMeta Home(string siteDescription, string path) => new(null, siteDescription, path);

    /// <summary>Set on article pages: Open Graph's article fields.</summary>
    public ArticleMeta? Article { get; init; }

    /// <summary>A schema.org JSON-LD document, already serialized safely for a script element.</summary>
    public string? StructuredData { get; init; }

    public string FullTitle => Title is null ? SiteName : $"{Title} | {SiteName}";

    /// <summary>Metadata for an error page: no canonical URL, so <c>noindex</c>.</summary>
    public static PageMeta NotIndexed(string title) => new(title, null, null);
}

/// <summary>Open Graph article fields.</summary>
public sealed record ArticleMeta(DateOnly Published, DateOnly Modified, string Section);

/// <summary>Implemented by every page model so the layout can read its metadata as a typed record.</summary>
public interface IHasPageMeta
{
    PageMeta Meta { get; }
}
