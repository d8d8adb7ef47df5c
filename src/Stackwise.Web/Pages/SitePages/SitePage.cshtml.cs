using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Seo;

namespace Stackwise.Web.Pages.SitePages;

public sealed class SitePageModel(ContentSnapshot snapshot) : PageModel, IHasPageMeta
{
    private SitePage? _sitePage;

    public SitePage SitePage => _sitePage ?? throw new InvalidOperationException("The page is only set once OnGet has found it.");

    /// <summary>A draft page, served only as a Development preview.</summary>
    public bool IsPreview { get; private set; }

    public PageMeta Meta => new(SitePage.Title, SitePage.Summary, IsPreview ? null : SitePage.Url);

    public IActionResult OnGet(string slug)
    {
        _sitePage = snapshot.FindPage(slug);
        if (_sitePage is null)
        {
            return NotFound();
        }
        IsPreview = !snapshot.IsPublic(_sitePage);
        return Page();
    }
}
