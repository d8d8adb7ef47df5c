using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Stackwise.Web.Hardening;

namespace Stackwise.Web.Content;

public static class ContentServices
{
    /// <summary>
    /// Serves <c>content/images/</c> at <c>/images/</c> (hidden files and symbolic links excluded), cached for an hour. The folder is
    /// looked for at start-up: an images folder created later is served after a restart.
    /// </summary>
    public static WebApplication UseContentImages(this WebApplication app)
    {
        var folder = Path.Combine(app.Services.GetRequiredService<ContentStore>().Root, BodyChecks.ImagesFolder);
        if (Directory.Exists(folder))
        {
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new NoLinksFileProvider(folder),
                RequestPath = "/" + BodyChecks.ImagesFolder,
                OnPrepareResponse = context =>
                {
                    context.Context.Response.Headers.CacheControl = "public, max-age=3600";
                    // An image opened on its own (an SVG can carry script) runs nothing and loads nothing.
                    context.Context.Response.Headers.ContentSecurityPolicy = SecurityHeaders.ImagePolicy;
                },
            });
        }
        return app;
    }

    /// <summary>Registers content loading: the folder from <c>Content:Root</c>, read into a snapshot at start-up.</summary>
    public static IServiceCollection AddStackwiseContent(this IServiceCollection services)
    {
        services.AddOptions<ContentOptions>()
            .BindConfiguration(ContentOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ContentOptions>, ContentOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddOutputCache();
        services.AddSingleton<ContentParser>();
        services.AddSingleton<ContentLoader>();
        services.AddSingleton<ContentStore>();
        services.AddHostedService(provider => provider.GetRequiredService<ContentStore>());
        // One snapshot per request: whatever a request reads (redirects, the cache key, the page, search, the error
        // page it is re-executed to) comes from the snapshot that was current when it first asked, even if a reload
        // swaps in a new one halfway through.
        services.AddScoped(provider => provider.GetRequiredService<ContentStore>().Current);
        return services;
    }
}
