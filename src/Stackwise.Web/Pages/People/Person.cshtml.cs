using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Seo;
using Stackwise.Web.Site;

namespace Stackwise.Web.Pages.People;

/// <summary>A writer's or reviewer's page: biography, then the articles they wrote and reviewed.</summary>
public sealed class PersonModel(ContentSnapshot snapshot, IOptions<SiteOptions> site) : PageModel, IHasPageMeta
{
    private PersonListing? _listing;

    public PersonListing Listing => _listing ?? throw new InvalidOperationException("The person is only set once OnGet has found them.");

    public PageMeta Meta => new(Listing.Person.Name, Listing.Person.Summary, Listing.Person.Url)
    {
        StructuredData = StructuredData.ForPersonPage(Listing.Person, site.Value),
    };

    public IActionResult OnGet(string slug)
    {
        _listing = snapshot.FindPerson(slug);
        return _listing is null ? NotFound() : Page();
    }
}
