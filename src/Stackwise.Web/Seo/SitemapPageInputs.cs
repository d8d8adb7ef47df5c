using Microsoft.Extensions.Options;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Site;

namespace Stackwise.Web.Seo;

/// <summary>
/// The sitemap (or its index and parts) is rendered from its entries alone, with the site's address and part size, which
/// are fixed for the process. A save that changes no address and no date leaves the entries equal, so the sitemap is served
/// as prepared for the snapshot before instead of being written again: at 10,000 articles that took 40-60 ms per coding
/// after every save (docs/performance.md).
/// </summary>
internal sealed class SitemapPageInputs(IOptions<SiteOptions> site) : IPageInputs
{
    // The path is not an input: a response is only ever carried to the same path.
    public PageInputs? InputsOf(ContentSnapshot snapshot, string path) =>
        path == SiteRoutes.Sitemap || path.StartsWith(SiteRoutes.SitemapPartsPrefix + "/", StringComparison.Ordinal)
            ? new PageInputs(site.Value, new Entries(snapshot.Derived(Sitemap.Entries)))
            : null;

    /// <summary>The entries as one input compared by value (a <see cref="SitemapEntry"/> is a path and a date).</summary>
    private readonly struct Entries(IReadOnlyList<SitemapEntry> list) : IEquatable<Entries>
    {
        private readonly IReadOnlyList<SitemapEntry> _list = list;

        public bool Equals(Entries other) => _list.Count == other._list.Count && _list.SequenceEqual(other._list);

        public override bool Equals(object? obj) => obj is Entries other && Equals(other);

        public override int GetHashCode() => _list.Count;
    }
}
