using System.ComponentModel.DataAnnotations;

namespace Stackwise.Web.Site;

/// <summary>The public identity of the site (configuration section <c>Site</c>).</summary>
public sealed class SiteOptions : IValidatableObject
{
    public const string Section = "Site";

    /// <summary>The public base URL, such as <c>https://stackwise.example</c>, with no trailing slash.
    /// Absolute URLs are built from it, never from a request's Host header.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Site:BaseUrl is required: the absolute URL the site is served at, like https://stackwise.example (environment variable Site__BaseUrl).")]
    public string BaseUrl { get; set; } = "";

    /// <summary>The Cache-Control header of pages, sitemaps and feeds: browsers keep a page a minute, shared
    /// caches (a CDN, nginx) five, and may serve a stale copy for ten more while they revalidate.</summary>
    [Required(AllowEmptyStrings = false)]
    public string PageCacheControl { get; set; } = "public, max-age=60, s-maxage=300, stale-while-revalidate=600";

    /// <summary>
    /// Addresses of reverse proxies (load balancer, nginx) whose X-Forwarded-For and X-Forwarded-Proto are
    /// believed, in addition to loopback. Anyone else's forwarded headers are ignored, so a reader cannot
    /// pretend to be another address.
    /// </summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>
    /// Outside Development, a request that did not arrive over HTTPS is answered 308 to the same URL over HTTPS (health
    /// probes excepted). Behind a TLS-terminating proxy, list the proxy in <see cref="KnownProxies"/> so its
    /// <c>X-Forwarded-Proto: https</c> is believed. Turn it off only where nothing speaks TLS (a local run, a benchmark).
    /// </summary>
    public bool RedirectToHttps { get; set; } = true;

    /// <summary>The port HTTPS redirects go to: the base URL's when it is https, else 443.</summary>
    public int HttpsPort => Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps ? uri.Port : 443;

    /// <summary>The host name of <see cref="BaseUrl"/>, which the site always answers to.</summary>
    public string Host => Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) ? uri.Host : "";

    /// <summary>URLs per sitemap file; past it <c>/sitemap.xml</c> becomes an index of <c>/sitemaps/{n}.xml</c>. The
    /// protocol's limit is the default.</summary>
    [Range(1, MaxSitemapUrlsPerFile)]
    public int SitemapUrlsPerFile { get; set; } = MaxSitemapUrlsPerFile;

    /// <summary>The sitemap protocol's limit of URLs in one file.</summary>
    public const int MaxSitemapUrlsPerFile = 50_000;

    /// <summary>
    /// The most megabytes of rendered responses kept in memory, counting each page once per coding it was asked in (with
    /// Brotli, gzip and none). Past it, the pages not read lately are dropped and rendered again when next asked for. At
    /// 10,000 synthetic articles every article is about 50 MB in Brotli and 180 MB uncompressed; the hot pages of a busy
    /// day take a few.
    /// </summary>
    [Range(1, 1024 * 1024)]
    public int ResponseCacheMegabytes { get; set; } = 64;

    /// <summary>The site's account on X/Twitter, such as <c>@stackwise</c>, written as <c>twitter:site</c> on every
    /// page; none when empty.</summary>
    [RegularExpression("^(@[A-Za-z0-9_]{1,15})?$", ErrorMessage = "Site:SocialHandle must be an @handle of 1 to 15 letters, digits or underscores, like @stackwise.")]
    public string SocialHandle { get; set; } = "";

    /// <summary>
    /// The secret that signs preview links to drafts and scheduled articles (<c>preview</c> makes them, Pages/Preview checks
    /// them): at least 32 characters, such as the output of <c>openssl rand -base64 32</c>. Empty, the default, turns previews
    /// off. Changing it invalidates every link made with the old one.
    /// </summary>
    public string PreviewKey { get; set; } = "";

    /// <summary>
    /// The languages the site is written in, as lowercase language tags (<c>en</c>, <c>es</c>, <c>pt-br</c>); the first is the
    /// default. Empty means English. Every page is rendered in <see cref="Language"/>: its interface words from
    /// <c>Localization/SiteText.{language}.resx</c>, its dates and numbers in that culture, <c>&lt;html lang&gt;</c>,
    /// JSON-LD <c>inLanguage</c> and the feeds' language. Checked at start by <c>Localization/SiteLanguagesValidator</c>: a
    /// language must have the interface's words, and a site serves one language for now (a second beside the first,
    /// <c>content/{lang}/</c> with hreflang, is not built yet).
    /// </summary>
    public string[] Languages { get; set; } = [];

    /// <summary>The site's default language: the first of <see cref="Languages"/>, or English.</summary>
    public string Language => Languages.Length > 0 ? Languages[0] : "en";

    /// <summary>The fewest characters of <see cref="PreviewKey"/>.</summary>
    public const int PreviewKeyMinLength = 32;

    /// <summary>The absolute URL of a site path, such as <c>/terms</c>, with any character outside ASCII percent-encoded.</summary>
    public string Absolute(string path) => BaseUrl + SitePaths.Escape(path);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var valid = Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && !BaseUrl.EndsWith('/')
            && uri.Query.Length == 0
            && uri.Fragment.Length == 0;
        foreach (var proxy in KnownProxies.Where(proxy => !System.Net.IPAddress.TryParse(proxy, out _)))
        {
            yield return new ValidationResult($"Site:KnownProxies must list IP addresses (got '{proxy}').", [nameof(KnownProxies)]);
        }
        if (PreviewKey.Length is > 0 and < PreviewKeyMinLength)
        {
            yield return new ValidationResult(
                $"Site:PreviewKey must be at least {PreviewKeyMinLength} characters (it has {PreviewKey.Length}); make one with `openssl rand -base64 32`, or leave it empty to turn previews off.",
                [nameof(PreviewKey)]);
        }
        if (!valid)
        {
            yield return new ValidationResult(
                $"Site:BaseUrl must be an absolute http(s) URL with no trailing slash, query or fragment (got '{BaseUrl}').",
                [nameof(BaseUrl)]);
        }
    }
}
