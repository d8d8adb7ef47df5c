using Microsoft.Extensions.Primitives;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Site;

namespace Stackwise.Web.Seo;

/// <summary>The keys a response was rendered from (<see cref="ContentReads"/>), with the header that tells caches in
/// front of the site.</summary>
public sealed class ContentKeySet
{
    /// <summary>
    /// The header Fastly and Varnish's xkey read (bench/varnish/stackwise.vcl copies it into xkey); Cloudflare's Cache-Tag
    /// takes the same keys comma-separated (docs/deployment.md).
    /// </summary>
    public const string HeaderName = "Surrogate-Key";

    public static ContentKeySet None { get; } = new([]);

    public ContentKeySet(string[] keys)
    {
        Keys = keys;
        // Every response carries the site's key as well, so one purge empties a CDN (ContentKeys.Site). A header holds
        // ASCII only: a path in another script goes percent-encoded, as CdnPurges sends it.
        Header = new StringValues(string.Join(' ', [ContentKeys.Site, .. keys.Select(SitePaths.Escape)]));
    }

    public IReadOnlyList<string> Keys { get; }

    public StringValues Header { get; }
}
