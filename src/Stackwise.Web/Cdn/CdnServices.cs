using Stackwise.Web.Content.Hosting;

namespace Stackwise.Web.Cdn;

public static class CdnServices
{
    /// <summary>Registers the CDN purges: every URL in <c>Cdn:PurgeUrls</c> is told the keys each save changed.</summary>
    public static IServiceCollection AddStackwiseCdn(this IServiceCollection services)
    {
        services.AddOptions<CdnOptions>()
            .BindConfiguration(CdnOptions.Section)
            .Validate(CdnOptions.IsValid, "Cdn:PurgeUrls must be absolute http or https URLs, Cdn:Attempts at least 1, and the delays not negative")
            .ValidateOnStart();
        services.AddSingleton<CdnPurges>();
        services.AddSingleton<ISnapshotObserver>(provider => provider.GetRequiredService<CdnPurges>());
        services.AddHostedService(provider => provider.GetRequiredService<CdnPurges>());
        return services;
    }
}
