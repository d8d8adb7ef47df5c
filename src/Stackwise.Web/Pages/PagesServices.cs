using Microsoft.AspNetCore.DataProtection;
using Stackwise.Web.Seo;

namespace Stackwise.Web.Pages;

public static class PagesServices
{
    /// <summary>Registers the Razor Pages. The site sets no cookies and has no forms that post, so data protection
    /// keys (used only by antiforgery) stay in memory instead of being written to disk unencrypted.</summary>
    public static IServiceCollection AddStackwisePages(this IServiceCollection services)
    {
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.Configure<RouteOptions>(options => options.ConstraintMap[SlugRouteConstraint.Name] = typeof(SlugRouteConstraint));
        // The later pages of long lists: /categories/{slug}/page/{n} and /risk/{level}/page/{n}.
        services.AddRazorPages(options => options.Conventions
            .AddPageRoute("/Categories/Category", "/categories/{slug:slug}/page/{pageNumber:int:min(2)}")
            .AddPageRoute("/Risk/RiskLevel", "/risk/{level:slug}/page/{pageNumber:int:min(2)}"));
        return services;
    }

    /// <summary>Maps every page, output-cached and revalidated like all content.</summary>
    public static IEndpointRouteBuilder MapStackwisePages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapRazorPages().WithStaticAssets().CacheAsContent();
        return endpoints;
    }
}
