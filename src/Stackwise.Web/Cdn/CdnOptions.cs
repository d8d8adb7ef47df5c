namespace Stackwise.Web.Cdn;

/// <summary>The caches in front of the site that are told what each save changed (<c>Cdn</c> in appsettings.json).</summary>
public sealed class CdnOptions
{
    public const string Section = "Cdn";

    /// <summary>
    /// Where purges go: each URL gets a <c>PURGE</c> request with the changed keys in an <c>xkey-purge</c> header, as
    /// bench/varnish/stackwise.vcl accepts them (docs/deployment.md). Empty by default: no CDN, nothing sent.
    /// </summary>
    public string[] PurgeUrls { get; set; } = [];

    /// <summary>How many times one purge is tried at each URL before it is given up (and logged as an error).</summary>
    public int Attempts { get; set; } = 4;

    /// <summary>
    /// The first wait before a failed purge is tried again; each later wait is four times the one before (0.25, 1, 4 s).
    /// </summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long one purge request may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Every purge is sent again after this long, for a page the CDN fetched from an instance that was still serving the
    /// old content when the first purge went out (another instance not yet reloaded, or a render already under way).
    /// </summary>
    public TimeSpan RepeatAfter { get; set; } = TimeSpan.FromSeconds(1);

    internal static bool IsValid(CdnOptions options) =>
        options.Attempts >= 1 && options.RetryDelay >= TimeSpan.Zero && options.Timeout > TimeSpan.Zero && options.RepeatAfter >= TimeSpan.Zero
        && options.PurgeUrls.All(url => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https");
}
