using System.Runtime.CompilerServices;

namespace Stackwise.Web.Content.Snapshot;

/// <summary>
/// Data a feature builds once per snapshot and shares (the sitemap's entries, the search index), declared where it is
/// built: made on first use, held beside the snapshot and let go with it, so it always matches the content it came from.
/// One with a <see cref="Key"/> is cached content: reading it records the key, and the feature registers it as an
/// <see cref="IPerSnapshot"/> so a new snapshot's value is compared with the old one's.
/// </summary>
/// <param name="key">The key a read records, or null for data no cached response is made from.</param>
/// <param name="build">Builds the value; it runs unrecorded, since readers record <paramref name="key"/> instead.</param>
/// <param name="same">Whether two snapshots' values are the same; without it, every new snapshot changes the key.</param>
public sealed class PerSnapshot<T>(string? key, Func<ContentSnapshot, T> build, Func<T, T, bool>? same = null) : IPerSnapshot
    where T : class
{
    private readonly ConditionalWeakTable<ContentSnapshot, Lazy<T>> _values = new();

    public string? Key => key;

    /// <summary>The snapshot's value, built now if no one has asked before (concurrent first readers wait for one build).</summary>
    public T Get(ContentSnapshot snapshot)
    {
        if (key is not null)
        {
            ContentReads.Record(key);
        }
        return _values.GetValue(snapshot, owner => new Lazy<T>(() => ContentReads.Unrecorded(() => build(owner)), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    /// <summary>True once the snapshot's value is built; asking starts no build.</summary>
    public bool IsBuilt(ContentSnapshot snapshot) => _values.TryGetValue(snapshot, out var value) && value.IsValueCreated;

    public bool Same(ContentSnapshot before, ContentSnapshot after) =>
        same is not null && IsBuilt(before) && same(Get(before), Get(after));
}

/// <summary>A declared <see cref="PerSnapshot{T}"/> whose key is compared between snapshots (<see cref="ContentKeys.Changed"/>).</summary>
public interface IPerSnapshot
{
    string? Key { get; }

    /// <summary>True when both snapshots' values are the same; false when they differ or the earlier one was never built.</summary>
    bool Same(ContentSnapshot before, ContentSnapshot after);
}
