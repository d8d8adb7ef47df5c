using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Site;

namespace Stackwise.Web.Seo;

/// <summary>
/// One URL per page: an old path listed in a document's <c>aliases</c>, or an uppercase or trailing-slash
/// variant of a served path, answers 301 to the canonical path (query kept); a path listed as gone answers
/// 410, which the status code pages render with the layout.
/// </summary>
internal sealed class RedirectsMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, ContentSnapshot snapshot)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) || snapshot.Serves(path))
        {
            return next(context);
        }

        var normalized = SitePaths.Normalize(path);
        if (normalized is null)
        {
            return next(context);
        }
        var target = snapshot.MovedTo(normalized) ?? (snapshot.Serves(normalized) ? normalized : null);
        if (target is not null)
        {
            context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
            context.Response.Headers.Location = SitePaths.Escape(target) + request.QueryString;
            return Task.CompletedTask;
        }
        if (snapshot.IsGone(normalized))
        {
            context.Response.StatusCode = StatusCodes.Status410Gone;
            return Task.CompletedTask;
        }
        return next(context);
    }
}
