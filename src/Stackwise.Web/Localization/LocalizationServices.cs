using Microsoft.Extensions.Options;
using Stackwise.Web.Content.Hosting;
using Stackwise.Web.Site;

namespace Stackwise.Web.Localization;

public static class LocalizationServices
{
    /// <summary>
    /// The interface's words from <see cref="SiteText"/>'s resources, and every request rendered in the site's language
    /// (<see cref="SiteOptions.Language"/>): its words, dates and numbers. The language is the site's, never the reader's
    /// <c>Accept-Language</c> or a cookie: a page is cached and shared, so the same URL must always be the same page.
    /// </summary>
    public static IServiceCollection AddStackwiseLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.AddSingleton<IValidateOptions<SiteOptions>, SiteLanguagesValidator>();
        // Every load warns when the risk-levels page lacks a section the badges link to, headed in the site's language.
        services.AddOptions<ContentOptions>().Configure<IOptions<SiteOptions>>((content, site) => content.RequiredSections = SiteText.RiskSections(site.Value.Language));
        services.AddOptions<RequestLocalizationOptions>().Configure<IOptions<SiteOptions>>((options, site) =>
        {
            var language = site.Value.Language;
            options.SetDefaultCulture(language).AddSupportedCultures(language).AddSupportedUICultures(language);
            options.RequestCultureProviders.Clear();
            options.ApplyCurrentCultureToResponseHeaders = false;
        });
        return services;
    }

    /// <summary>Sets the request's culture before anything renders; the hot path of prepared responses renders nothing.</summary>
    public static IApplicationBuilder UseSiteLanguage(this IApplicationBuilder app) => app.UseRequestLocalization();
}
