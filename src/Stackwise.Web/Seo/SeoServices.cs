using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Stackwise.Web.Content.Hosting;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Site;
using Stackwise.Web.Telemetry;

namespace Stackwise.Web.Seo;

public static class SeoServices
{
    /// <summary>Registers the site's public identity (<c>Site:BaseUrl</c>, checked at start-up) and the one cache of
    /// rendered responses.</summary>
    public static IServiceCollection AddStackwiseSeo(this IServiceCollection services)
    {
        services.AddOptions<SiteOptions>()
            .BindConfiguration(SiteOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // The one cache of rendered responses, within its bound, told of each new snapshot's changed keys before it goes live.
        services.AddSingleton(provider =>
        {
            var cache = new ResponseCache(provider.GetRequiredService<IOptions<SiteOptions>>().Value.ResponseCacheMegabytes * 1024L * 1024);
            var meter = provider.GetRequiredService<SiteMetrics>().Meter;
            meter.CreateObservableGauge("stackwise.response_cache.size", () => cache.Bytes, "By",
                "Bytes of rendered responses kept (bodies in every coding, and a fixed overhead each), at most Site:ResponseCacheMegabytes");
            meter.CreateObservableGauge("stackwise.response_cache.entries", () => cache.Count, "{response}",
                "Rendered responses kept, one per page and coding");
            meter.CreateObservableCounter("stackwise.response_cache.evictions", () => cache.Evictions, "{response}",
                "Responses dropped to keep within Site:ResponseCacheMegabytes; a steady rise means the bound is smaller than the pages read");
            return cache;
        });
        services.AddSingleton<ISnapshotObserver>(provider => provider.GetRequiredService<ResponseCache>());
        // The sitemap's entries are built once per snapshot and compared with the last snapshot's.
        services.AddSingleton<IPerSnapshot>(Sitemap.Entries);
        services.AddSingleton<ISnapshotWarmer, SitemapEntriesWarmer>();
        services.AddSingleton<ResponseDates>();
        services.TryAddSingleton(TimeProvider.System);

        // Brotli or gzip when the client accepts it; the compressed bytes are what the response cache keeps.
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "application/atom+xml", "application/rss+xml"];
        });
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
        services.AddSingleton<ResponseCodings>();
        return services;
    }

    /// <summary>Answers GET and HEAD for pages already rendered from the request's snapshot, before routing runs.</summary>
    public static IApplicationBuilder UsePreparedResponses(this IApplicationBuilder app) => app.UseMiddleware<PreparedResponseMiddleware>();

    /// <summary>
    /// Redirects and gone paths first; then a rendered page gets an ETag of the bytes it sends (so each encoding has its
    /// own) and 304s, and is kept in the response cache; then compression.
    /// </summary>
    public static IApplicationBuilder UseStackwiseSeo(this IApplicationBuilder app) => app
        .UseMiddleware<RedirectsMiddleware>()
        .UseMiddleware<ConditionalGetMiddleware>()
        .UseResponseCompression();

    /// <summary>
    /// Marks endpoints that render content: kept in the response cache until what they read changes, with ETags and 304s;
    /// endpoints marked <see cref="NotContentCachedAttribute"/> are left alone.
    /// </summary>
    public static TBuilder CacheAsContent<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            if (!endpoint.Metadata.OfType<NotContentCachedAttribute>().Any())
            {
                endpoint.Metadata.Add(CacheableContent.Instance);
            }
        });
        return builder;
    }
}
