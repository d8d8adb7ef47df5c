using System.Collections.Immutable;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Seo;

namespace Stackwise.Web.Pages.ContentProblems;

/// <summary>
/// Every current content problem with its file and line, and the reviews due (as <c>reviews</c> lists them), for editors
/// previewing in Development.
/// </summary>
public sealed class ProblemsModel(ContentSnapshot snapshot, IHostEnvironment environment) : PageModel, IHasPageMeta
{
    public ContentSnapshot Snapshot { get; } = snapshot;

    public ImmutableArray<ReviewDue> Reviews { get; private set; } = [];

    public PageMeta Meta => PageMeta.NotIndexed("Content problems");

    public IActionResult OnGet()
    {
        if (!environment.IsDevelopment())
        {
            return NotFound();
        }
        Reviews = ReviewsDue.List(Snapshot, Snapshot.Visibility.Today);
        return Page();
    }
}
