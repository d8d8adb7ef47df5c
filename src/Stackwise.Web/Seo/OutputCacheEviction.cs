using Microsoft.AspNetCore.OutputCaching;
using Stackwise.Web.Content.Hosting;
using Stackwise.Web.Content.Snapshot;

namespace Stackwise.Web.Seo;

/// <summary>
/// Empties the output cache of everything rendered from content when a new snapshot is swapped in. Entries are keyed by
/// snapshot version, so an old one is never served again; this frees their memory at once instead of after they expire.
/// </summary>
internal sealed class OutputCacheEviction(IOutputCacheStore outputCache) : ISnapshotObserver
{
    /// <summary>The output cache tag of every response rendered from content.</summary>
    public const string CacheTag = "content";

    public async Task SnapshotSwappedAsync(ContentSnapshot snapshot, CancellationToken cancellationToken) =>
        await outputCache.EvictByTagAsync(CacheTag, cancellationToken);
}
