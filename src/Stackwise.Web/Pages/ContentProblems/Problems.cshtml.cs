using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stackwise.Web.Content;
using Stackwise.Web.Seo;

namespace Stackwise.Web.Pages.ContentProblems;

/// <summary>Every current content problem with its file and line, for editors previewing in Development.</summary>
public sealed class ProblemsModel(ContentStore content, IHostEnvironment environment) : PageModel, IHasPageMeta
{
    public ContentSnapshot Snapshot { get; } = content.Current;

    public PageMeta Meta => PageMeta.NotIndexed("Content problems");

    public IActionResult OnGet() => environment.IsDevelopment() ? Page() : NotFound();
}
