using Stackwise.Web.Content.Hosting;
using Stackwise.Web.Content.Snapshot;

namespace Stackwise.Web.Seo;

/// <summary>
/// Makes a new snapshot's sitemap entries with the rest of its warmed data: the swap compares them with the entries of the
/// snapshot before (<see cref="ContentKeys.Changed"/>), and a request that made them held its thread for 10-15 ms at 10,000
/// articles while every other sitemap request waited on it.
/// </summary>
internal sealed class SitemapEntriesWarmer : ISnapshotWarmer
{
    public void Warm(ContentSnapshot snapshot) => Sitemap.Entries.Get(snapshot);
}
