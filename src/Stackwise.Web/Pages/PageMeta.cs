namespace Stackwise.Web.Pages;

/// <summary>What a page tells the layout about itself; the one head partial writes it out.</summary>
/// <param name="Title">The page's own title; the layout adds the site name.</param>
/// <param name="NoIndex">True for pages search engines must not index, such as error pages.</param>
public sealed record PageMeta(string? Title, string? Description = null, bool NoIndex = false)
{
    public const string SiteName = "Stackwise";

    public const string SiteDescription =
        "Stackwise explains therapies, supplements and health practices in plain words, with their risks stated up front.";

    public static PageMeta Home { get; } = new(null, SiteDescription);

    public string FullTitle => Title is null ? SiteName : $"{Title} | {SiteName}";
}

/// <summary>Implemented by every page model so the layout can read its metadata as a typed record.</summary>
public interface IHasPageMeta
{
    PageMeta Meta { get; }
}
