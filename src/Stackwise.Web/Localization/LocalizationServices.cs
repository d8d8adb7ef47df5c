using Microsoft.AspNetCore.Localization;
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
        services.AddOptions<ContentOptions>().Configure<IOptions<SiteOptions>>((content, site) => content.RequiredSections = SiteText.RequiredSections(site.Value.Languages));
        services.AddOptions<RequestLocalizationOptions>().Configure<IOptions<SiteOptions>>((options, site) =>
        {
            var languages = site.Value.Languages.Length > 0 ? site.Value.Languages : [site.Value.Language];
            options.SetDefaultCulture(languages[0]).AddSupportedCultures(languages).AddSupportedUICultures(languages);
            // The path says the language (/es/...), nothing else does.
            options.RequestCultureProviders.Clear();
            options.RequestCultureProviders.Add(new CustomRequestCultureProvider(context =>
                Task.FromResult(RequestLanguage.Of(context.Request.Path, site.Value) is { } language ? new ProviderCultureResult(language) : null)));
            options.ApplyCurrentCultureToResponseHeaders = false;
        });
        // One snapshot per request: whatever a request reads (redirects, the cache key, the page, search, the error page it
        // is re-executed to) comes from the snapshot that was current when it first asked, even if a reload swaps in a new
        // one halfway through; in a language's part of the site, that language's edition of it (its lists).
        services.AddHttpContextAccessor();
        services.AddScoped(provider => provider.GetRequiredService<ContentStore>().Current.Edition(
            provider.GetRequiredService<IHttpContextAccessor>().HttpContext is { } context
                ? RequestLanguage.Of(context.Request.Path, provider.GetRequiredService<IOptions<SiteOptions>>().Value)
                : null));
        return services;
    }

    /// <summary>Sets the request's culture before anything renders; the hot path of prepared responses renders nothing.</summary>
    public static IApplicationBuilder UseSiteLanguage(this IApplicationBuilder app) => app.UseRequestLocalization();
}
