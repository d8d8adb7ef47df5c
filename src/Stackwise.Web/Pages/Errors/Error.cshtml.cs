using System.Collections.Immutable;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Seo;

namespace Stackwise.Web.Pages.Errors;

/// <summary>
/// The one page for every error status: unknown paths are re-executed here with 404, unhandled
/// exceptions with 500. It shows no exception details; Development has the developer exception page for that.
/// </summary>
public sealed class ErrorModel(ContentSnapshot snapshot, IHostEnvironment environment) : PageModel, IHasPageMeta
{
    public int Status { get; private set; } = 500;

    public string Heading => Status switch
    {
        400 => "Request not understood",
        404 => "Page not found",
        410 => "Page removed",
        429 => "Too many requests",
        _ => "Something went wrong",
    };

    public string Explanation => Status switch
    {
        400 => "The address or search was too long or malformed for us to understand. Please try a shorter one.",
        404 => "We could not find the page you asked for. It may have moved, or the address may be mistyped.",
        410 => "This page has been removed from Stackwise on purpose and will not come back.",
        429 => "You have searched many times in a short while. Please wait a few seconds and try again.",
        _ => "The page could not be shown right now. Please try again in a moment.",
    };

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
