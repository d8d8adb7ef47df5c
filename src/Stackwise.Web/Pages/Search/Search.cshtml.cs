using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Hardening;
using Stackwise.Web.Localization;
using Stackwise.Web.Search;
using Stackwise.Web.Seo;

namespace Stackwise.Web.Pages.Search;

[NotContentCached]
[EnableRateLimiting(HardeningServices.PerClientPolicy)]
public sealed class SearchModel(SearchService search, ContentSnapshot snapshot, IStringLocalizer<SiteText> text) : PageModel, IHasPageMeta
{
    public SearchQuery Query { get; private set; } = new("", null, null);

    public SearchResults? Results { get; private set; }

    public ContentSnapshot Snapshot { get; } = snapshot;

    public PageMeta Meta => PageMeta.NotIndexed(Query.IsEmpty ? text["Search.Title"] : text["Search.ResultsTitle", Query.Text]);

    // "page" is a route value of every Razor Page, so the page number is bound from the query string explicitly.
    public async Task<IActionResult> OnGetAsync(string? q, string? category, string? risk, [FromQuery(Name = "page")] string? pageNumber)
    {
        if (!SearchQuery.TryRead(q, category, risk, pageNumber, out var query))
        {
            return BadRequest();
        }
        Query = query;
        Results = query.IsEmpty ? null : await search.SearchAsync(Snapshot, query);
        return Page();
    }
}
