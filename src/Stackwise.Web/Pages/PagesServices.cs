using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Stackwise.Web.Seo;
using Stackwise.Web.Site;
using Stackwise.Web.Telemetry;

namespace Stackwise.Web.Pages;

public static class PagesServices
{
    /// <summary>
    /// Registers the Razor Pages at the routes of <see cref="SiteRoutes"/> (their <c>@page</c> directives name no template,
    /// so no route is written twice). The site sets no cookies and has no forms that post, so data protection keys (used
    /// only by antiforgery) stay in memory instead of being written to disk unencrypted.
    /// </summary>
    public static IServiceCollection AddStackwisePages(this IServiceCollection services)
    {
        services.Configure<RouteOptions>(options =>
        {
            options.ConstraintMap[SlugRouteConstraint.Name] = typeof(SlugRouteConstraint);
            options.ConstraintMap[LanguageRouteConstraint.Name] = typeof(LanguageRouteConstraint);
        });
        // Text in any script is written as itself (still HTML-encoded where HTML needs it), not as numeric character
        // references: the framework's default leaves only Basic Latin alone, which made a Hebrew title three times its size.
        services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRazorPages(options =>
        {
            var pages = options.Conventions;
            Route(pages, "/Index", PageKinds.List, SiteRoutes.Home);
            Route(pages, "/Articles/Article", PageKinds.Article, SiteRoutes.ArticleTemplate);
            Route(pages, "/SitePages/SitePage", PageKinds.SitePage, SiteRoutes.SitePageTemplate);
            Route(pages, "/People/People", PageKinds.List, SiteRoutes.People);
            Route(pages, "/People/Person", PageKinds.List, SiteRoutes.PersonTemplate);
            Route(pages, "/Categories/Category", PageKinds.List, SiteRoutes.CategoryTemplate, SiteRoutes.CategoryTemplate + SiteRoutes.ListPageSuffix);
            Route(pages, "/Risk/RiskLevel", PageKinds.List, SiteRoutes.RiskLevelTemplate, SiteRoutes.RiskLevelTemplate + SiteRoutes.ListPageSuffix);
            Route(pages, "/Search/Search", PageKinds.Search, SiteRoutes.Search);
            Route(pages, "/Errors/Error", PageKinds.Error, SiteRoutes.ErrorTemplate);
            Route(pages, "/ContentProblems/Problems", PageKinds.Other, SiteRoutes.ContentProblems);
            Route(pages, "/Preview/Preview", PageKinds.Preview, SiteRoutes.PreviewTemplate);
        });
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        // The ephemeral provider never reads a key ring, but data protection's hosted service loads the file-system one at
        // start-up anyway: on a fresh machine it writes a key to disk and warns that the key is unencrypted. Nothing here
        // needs that key ring, so the service is left out and a fresh start logs no warning. The framework makes the
        // service internal, so it is found by its name, here only; FreshStartTests fails if that name ever changes.
        foreach (var keyRingLoader in services.Where(descriptor => descriptor.ServiceType == typeof(IHostedService)
            && descriptor.ImplementationType?.FullName == "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService").ToList())
        {
            services.Remove(keyRingLoader);
        }
        return services;
    }

    /// <summary>Maps every page, output-cached and revalidated like all content.</summary>
    public static IEndpointRouteBuilder MapStackwisePages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapRazorPages().WithStaticAssets().CacheAsContent();
        return endpoints;
    }

    /// <summary>
    /// Placed right after the status code pages: a 404 or 410 gets the error page rendered once per snapshot and coding
    /// (<see cref="Errors.PreparedErrorPages"/>) instead of a render of its own.
    /// </summary>
    public static IApplicationBuilder UsePreparedErrorPages(this IApplicationBuilder app) => app.UseMiddleware<Errors.PreparedErrorPagesMiddleware>();

    /// <summary>
    /// Serves a page at exactly these templates, in place of the route its file path would give it, as a page of this kind
    /// (its route in metrics and traces), and at each in every other language's part of the site (<see cref="SiteRoutes.InLanguage"/>),
    /// tried first: <c>/es/terms</c> is Spanish's site page, not an article in a section <c>es</c>.
    /// </summary>
    private static void Route(PageConventionCollection pages, string page, string kind, params string[] templates) =>
        pages.AddPageRouteModelConvention(page, model =>
        {
            model.Selectors.Clear();
            foreach (var template in templates)
            {
                foreach (var (path, order) in new[] { (template, 0), (SiteRoutes.InLanguage(template), -1) })
                {
                    model.Selectors.Add(new SelectorModel
                    {
                        AttributeRouteModel = new AttributeRouteModel { Template = path, Order = order },
                        EndpointMetadata = { PageKinds.Metadata(kind) },
                    });
                }
            }
        });
}
