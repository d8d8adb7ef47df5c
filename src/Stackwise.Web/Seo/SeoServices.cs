using System.Globalization;
using System.IO.Compression;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;
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
        // Entries are keyed by the version of the request's snapshot, the one its page is rendered from: a page of
        // the old snapshot rendered while a reload swaps in the new one is stored under the old key, never served again.
        services.AddOutputCache(options => options.AddPolicy(HttpCaching.PolicyName, policy => policy
            .Expire(TimeSpan.FromHours(1))
            .Tag(ContentStore.CacheTag)
            .VaryByValue(context => new KeyValuePair<string, string>(
                "content", context.RequestServices.GetRequiredService<ContentSnapshot>().Version.ToString(CultureInfo.InvariantCulture)))
            .SetVaryByHeader(HeaderNames.AcceptEncoding)));

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
        return services;
    }

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
