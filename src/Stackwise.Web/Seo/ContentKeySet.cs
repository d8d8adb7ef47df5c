using Microsoft.Extensions.Primitives;
using Stackwise.Web.Content.Snapshot;

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
        // Every response carries the site's key as well, so one purge empties a CDN (ContentKeys.Site).
        Header = new StringValues(string.Join(' ', [ContentKeys.Site, .. keys]));
    }

    public IReadOnlyList<string> Keys { get; }

    public StringValues Header { get; }
}
