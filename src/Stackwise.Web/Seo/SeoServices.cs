using System.Globalization;
using System.IO.Compression;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Stackwise.Web.Content.Hosting;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Site;

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
        // An entry's key is the path, the version of the request's snapshot (the one its page is rendered from: a page of the
        // old snapshot rendered while a reload swaps in the new one is stored under the old key, never served again) and the
        // encoding the response is compressed with. Nothing else a client sends is part of it: no page reads the query
        // string or the Host header (absolute URLs come from Site:BaseUrl), so `?utm_source=...`, a long Accept-Encoding or
        // another port in Host reuse the one entry instead of adding entries without bound.
        // A conditional request (If-None-Match, If-Modified-Since) is never answered from this cache: 304s are decided in one
        // place, ConditionalGet, by the prepared responses and by ConditionalGetMiddleware after a render.
        services.AddOutputCache(options => options.AddPolicy(HttpCaching.PolicyName, policy => policy
            .With(context => !ConditionalGet.IsConditional(context.HttpContext.Request))
            .Expire(TimeSpan.FromHours(1))
            .Tag(OutputCacheEviction.CacheTag)
            .SetVaryByQuery(Array.Empty<string>())
            .SetVaryByHost(false)
            .VaryByValue(context => new KeyValuePair<string, string>(
                "content", context.RequestServices.GetRequiredService<ContentSnapshot>().Version.ToString(CultureInfo.InvariantCulture)))
            .VaryByValue(context => new KeyValuePair<string, string>("encoding", context.RequestServices.GetRequiredService<ResponseCodings>().For(context)))));

        services.AddSingleton<ISnapshotObserver, OutputCacheEviction>();
        services.AddSingleton<ISnapshotObserver, PreparedResponsesHandOver>();
        // What each page is rendered from, asked of every feature; the sitemap's are its entries.
        services.AddSingleton<EveryPageInputs>();
        services.AddSingleton<IPageInputs, SitemapPageInputs>();
        services.AddSingleton<ISnapshotWarmer, SitemapEntriesWarmer>();
        services.AddSingleton<ResponseDates>();
        services.TryAddSingleton(TimeProvider.System);

        // Brotli or gzip when the client accepts it; the compressed bytes are what the output cache keeps.
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
    /// Redirects and gone paths first, then the output cache; what misses it gets an ETag of the bytes it
    /// sends (so each encoding has its own) and 304s, then compression.
    /// </summary>
    public static IApplicationBuilder UseStackwiseSeo(this IApplicationBuilder app) => app
        .UseMiddleware<RedirectsMiddleware>()
        .UseOutputCache()
        .UseMiddleware<ConditionalGetMiddleware>()
        .UseResponseCompression();

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
