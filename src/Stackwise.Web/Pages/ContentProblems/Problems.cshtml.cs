using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Seo;

namespace Stackwise.Web.Pages.ContentProblems;

/// <summary>Every current content problem with its file and line, for editors previewing in Development.</summary>
public sealed class ProblemsModel(ContentSnapshot snapshot, IHostEnvironment environment) : PageModel, IHasPageMeta
{
    public ContentSnapshot Snapshot { get; } = snapshot;

    public PageMeta Meta => PageMeta.NotIndexed("Content problems");

    public IActionResult OnGet() => environment.IsDevelopment() ? Page() : NotFound();
}
