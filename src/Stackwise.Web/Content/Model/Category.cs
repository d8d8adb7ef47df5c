using Stackwise.Web.Site;

namespace Stackwise.Web.Content.Model;

/// <summary>An article category as editors write it, with the slug of its page at <c>/categories/{slug}</c>.</summary>
public sealed record Category(string Name, string Slug)
{
    public string Url => SiteRoutes.Category(Slug);

    /// <summary>The category for a name, or null when the name has no letter or digit to make a slug from.</summary>
    public static Category? FromName(string name) => Slugs.FromText(name) is { } slug ? new Category(name, slug) : null;
}
