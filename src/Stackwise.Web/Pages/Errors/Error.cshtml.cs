using System.Collections.Immutable;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Localization;
using Stackwise.Web.Seo;

namespace Stackwise.Web.Pages.Errors;

/// <summary>
/// The one page for every error status: unknown paths are re-executed here with 404, unhandled
/// exceptions with 500. It shows no exception details; Development has the developer exception page for that.
/// </summary>
public sealed class ErrorModel(ContentSnapshot snapshot, IHostEnvironment environment, IStringLocalizer<SiteText> text) : PageModel, IHasPageMeta
{
    public int Status { get; private set; } = 500;

    /// <summary>The statuses with words of their own (<c>Error.{status}</c>); any other is "Something went wrong".</summary>
    private static readonly int[] Explained = [400, 404, 410, 429];

    private string Key => Explained.Contains(Status) ? $"Error.{Status}" : "Error.500";

    public string Heading => text[Key];

    public string Explanation => text[Key + ".Text"];

    public PageMeta Meta => PageMeta.NotIndexed(Heading);

    /// <summary>In Development, the problems of the file that would have been served at the missing path.</summary>
    public ImmutableArray<ContentProblem> RejectedFileProblems { get; private set; } = [];

    // Only GET and HEAD reach the pages (other methods get 405 first), and a HEAD runs the GET handler.
    // The page answers with an error status only when the status code pages or the exception handler re-execute it;
    // requested directly (`/error/500`, `/error?statusCode=502`) it is an unknown page, so no client can make the site
    // answer 5xx and set off error alarms.
    public void OnGet([FromRoute] int? statusCode)
    {
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        var failed = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        Status = reExecuted is null && failed is null ? 404
            : statusCode is >= 400 and <= 599 ? statusCode.Value
            : 500;
        Response.StatusCode = Status;
        if (Status == 404 && environment.IsDevelopment() && reExecuted?.OriginalPath is { } originalPath)
        {
            RejectedFileProblems = snapshot.ProblemsByUrl.GetValueOrDefault(originalPath, []);
        }
    }
}
