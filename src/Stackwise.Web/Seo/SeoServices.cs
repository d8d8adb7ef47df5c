using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Stackwise.Web.Content;

namespace Stackwise.Web.Seo;

public static class SeoServices
{
    /// <summary>Registers the site's public identity (<c>Site:BaseUrl</c>, checked at start-up) and the output cache policy.</summary>
    public static IServiceCollection AddStackwiseSeo(this IServiceCollection services)
    {
        services.AddOptions<SiteOptions>()
            .BindConfiguration(SiteOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // Entries are keyed by the snapshot version the request started with: a page rendered from the old
        // snapshot while a reload swaps in the new one is stored under the old key and never served again.
        services.AddOutputCache(options => options.AddPolicy(HttpCaching.PolicyName, policy => policy
            .Expire(TimeSpan.FromHours(1))
            .Tag(ContentStore.CacheTag)
            .VaryByValue(context => new KeyValuePair<string, string>(
                "content", context.RequestServices.GetRequiredService<ContentStore>().Current.Version.ToString(CultureInfo.InvariantCulture)))));
        return services;
    }

    /// <summary>Redirects and gone paths first, then the output cache, then ETags and 304s for what misses it.</summary>
    public static IApplicationBuilder UseStackwiseSeo(this IApplicationBuilder app) => app
        .UseMiddleware<RedirectsMiddleware>()
        .UseOutputCache()
        .UseMiddleware<ConditionalGetMiddleware>();

    /// <summary>
    /// Marks endpoints that render content: output-cached until content changes, with ETags and 304s;
    /// endpoints marked <see cref="NotContentCachedAttribute"/> are left alone.
    /// </summary>
    public static TBuilder CacheAsContent<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            if (!endpoint.Metadata.OfType<NotContentCachedAttribute>().Any())
            {
                endpoint.Metadata.Add(new OutputCacheAttribute { PolicyName = HttpCaching.PolicyName });
                endpoint.Metadata.Add(CacheableContent.Instance);
            }
        });
        return builder;
    }
}
