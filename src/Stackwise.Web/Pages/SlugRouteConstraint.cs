using Stackwise.Web.Content.Model;

namespace Stackwise.Web.Pages;

/// <summary>
/// <c>{name:slug}</c>: a lowercase-hyphenated route value, as content file and folder names are. Keeps page routes
/// off paths such as <c>/images/chart.png</c>, which belong to the static files.
/// </summary>
public sealed class SlugRouteConstraint : IRouteConstraint
{
    public const string Name = "slug";

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && value is string text && ContentPath.IsValidSlug(text);
}
