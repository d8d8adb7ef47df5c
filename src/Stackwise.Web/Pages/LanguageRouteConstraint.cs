using Microsoft.Extensions.Options;
using Stackwise.Web.Site;

namespace Stackwise.Web.Pages;

/// <summary>
/// <c>{language:sitelanguage}</c>: one of the site's languages besides the default (<c>Site:Languages</c>), the first segment
/// of every path in that language's part of the site.
/// </summary>
public sealed class LanguageRouteConstraint(IOptions<SiteOptions> site) : IRouteConstraint
{
    public const string Name = SiteRoutes.LanguageConstraint;

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        site.Value.Languages.Length > 1 && values.TryGetValue(routeKey, out var value) && value is string text && site.Value.Languages.AsSpan(1).Contains(text);
}
