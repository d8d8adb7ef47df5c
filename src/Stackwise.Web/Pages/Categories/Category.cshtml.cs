using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Localization;
using Stackwise.Web.Seo;

namespace Stackwise.Web.Pages.Categories;

/// <summary>A category's page. Categories come from the articles, so a category with no published article has no page.</summary>
public sealed class CategoryModel(ContentSnapshot snapshot, IStringLocalizer<SiteText> text) : PageModel, IHasPageMeta
{
    private CategoryListing? _listing;

    public CategoryListing Listing => _listing ?? throw new InvalidOperationException("The category is only set once OnGet has found it.");

    public ListPage List { get; private set; } = ListPage.Empty;

    public PageMeta Meta => new(List.Title(Listing.Category.Name, text), text["Category.Description", Listing.Category.Name], List.Url);

    public IActionResult OnGet(string slug, [FromRoute] int pageNumber = 1)
    {
        _listing = snapshot.FindCategory(slug);
        if (_listing is null || pageNumber > ListPages.Count(_listing.Articles.Length))
        {
            return NotFound();
        }
        List = ListPage.Of(_listing.Category.Url, _listing.Articles, pageNumber);
        return Page();
    }
}
