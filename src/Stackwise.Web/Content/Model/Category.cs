using Stackwise.Web.Site;

namespace Stackwise.Web.Content.Model;

/// <summary>An article category as editors write it, with the slug of its page at <c>/categories/{slug}</c> (in a
/// language's part of the site, <c>/es/categories/{slug}</c>: each language has its own categories).</summary>
public sealed record Category(string Name, string Slug, string? Language = null)
{
    public string Url => SiteRoutes.In(Language, SiteRoutes.Category(Slug));

    /// <summary>The category for a name, or null when the name has no letter or digit to make a slug from.</summary>
    public static Category? FromName(string name, string? language = null) => Slugs.FromText(name) is { } slug ? new Category(name, slug, language) : null;
}
