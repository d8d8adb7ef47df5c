namespace Stackwise.Web.Seo;

public static class SeoServices
{
    /// <summary>Registers the site's public identity (<c>Site:BaseUrl</c>), checked at start-up.</summary>
    public static IServiceCollection AddStackwiseSite(this IServiceCollection services)
    {
        services.AddOptions<SiteOptions>()
            .BindConfiguration(SiteOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return services;
    }
}
