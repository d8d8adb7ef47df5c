using System.Collections.Immutable;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Localization;
using Stackwise.Web.Seo;
using Stackwise.Web.Site;

namespace Stackwise.Web.Pages.People;

/// <summary>Everyone who writes or reviews articles, by name.</summary>
public sealed class PeopleModel(ContentSnapshot snapshot, IStringLocalizer<SiteText> text) : PageModel, IHasPageMeta
{
    public ImmutableArray<PersonListing> People { get; } =
        [.. snapshot.People.Values.OrderBy(listing => listing.Person.Name, StringComparer.OrdinalIgnoreCase).ThenBy(listing => listing.Person.Slug, StringComparer.Ordinal)];

    public PageMeta Meta => new(text["People.Title"], text["People.Description"], snapshot.PathOf(SiteRoutes.People));

    /// <summary>"2 articles written, 1 reviewed", leaving out what is none.</summary>
    public string Counts(PersonListing listing)
    {
        var parts = new[]
        {
            listing.Written.IsEmpty ? null : text.Count("People.Written", listing.Written.Length),
            listing.Reviewed.IsEmpty ? null : text.Count("People.Reviewed", listing.Reviewed.Length),
        }.OfType<string>().ToList();
        return parts.Count == 0 ? text["People.None"] : string.Join(text["List.Separator"], parts);
    }
}
