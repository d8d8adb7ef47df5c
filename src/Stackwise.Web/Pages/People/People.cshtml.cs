using System.Collections.Immutable;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Seo;
using Stackwise.Web.Site;

namespace Stackwise.Web.Pages.People;

/// <summary>Everyone who writes or reviews articles, by name.</summary>
public sealed class PeopleModel(ContentSnapshot snapshot) : PageModel, IHasPageMeta
{
    public ImmutableArray<PersonListing> People { get; } =
        [.. snapshot.People.Values.OrderBy(listing => listing.Person.Name, StringComparer.OrdinalIgnoreCase).ThenBy(listing => listing.Person.Slug, StringComparer.Ordinal)];

    public PageMeta Meta => new("Writers and reviewers", "The people who write and medically review Stackwise articles.", SiteRoutes.People);

    /// <summary>"2 articles written, 1 reviewed", leaving out what is none.</summary>
    public string Counts(PersonListing listing)
    {
        var parts = new[]
        {
            listing.Written.IsEmpty ? null : $"{Articles(listing.Written.Length)} written",
            listing.Reviewed.IsEmpty ? null : $"{Articles(listing.Reviewed.Length)} reviewed",
        }.OfType<string>().ToList();
        return parts.Count == 0 ? "No articles yet" : string.Join(", ", parts);

        static string Articles(int count) => count == 1 ? "1 article" : $"{count} articles";
    }
}
