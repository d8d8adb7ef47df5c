using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Stackwise.Web.Content.Hosting;
using Stackwise.Web.Content.Snapshot;

namespace Stackwise.Web.Seo;

/// <summary>A response kept as bytes, with the keys of what it was rendered from.</summary>
public abstract record CachedResponse(byte[] Body, ContentKeySet Keys);

/// <summary>
/// The one cache of rendered responses, by path and coding: each content page the first time it is rendered (a
/// <see cref="PreparedResponse"/>, answered before routing by <see cref="PreparedResponseMiddleware"/>) and the not-found and
/// gone pages (<see cref="Pages.Errors.PreparedErrorPage"/>). Each entry carries the keys its render read
/// (<see cref="ContentReads"/>); right before a new snapshot goes live, the entries with a key it changed are dropped and
/// the rest stay, so a save re-renders the pages it touches and nothing else, however large the site. An entry is only
/// added for the snapshot the cache is at: a page rendered from the old snapshot while the new one swaps in is sent but
/// never kept. Only canonical paths are kept, and their bytes at most <paramref name="maxBytes"/>
/// (<c>Site:ResponseCacheMegabytes</c>): past it, entries not read since the eviction hand last passed them go first (a
/// clock, the second-chance order), so pages read often stay. Unbounded, a crawler asking for every page in three codings
/// kept them all ("A bounded response cache" in docs/performance.md).
/// </summary>
public sealed class ResponseCache(long maxBytes) : ISnapshotObserver
{
    /// <summary>What an entry is counted at beyond its body: its headers, keys and its place in the maps.</summary>
    internal const int EntryOverheadBytes = 512;

    private readonly ConcurrentDictionary<(string Path, string Coding), Slot> _entries = new();

    // Which entries carry each key, the clock's order of entries and the bytes kept; changed only under the lock.
    private readonly Dictionary<string, HashSet<(string Path, string Coding)>> _byKey = new(StringComparer.Ordinal);
    private readonly Queue<(string Path, string Coding)> _clock = new();
    private readonly Lock _lock = new();
    private long _version;
    private long _bytes;
    private long _evictions;

    // The renders under way, by path and coding, so that requests for a page that is being rendered wait for that render.
    private readonly ConcurrentDictionary<(string Path, string Coding), Task> _rendering = new();
    private long _waits;

    public int Count => _entries.Count;

    /// <summary>What the entries are counted at (their bodies and <see cref="EntryOverheadBytes"/> each): at most the bound
    /// whenever no addition is under way.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>How many entries were dropped to stay within the bound, since the start.</summary>
    public long Evictions => Interlocked.Read(ref _evictions);

    /// <summary>How many requests were given a render under way to wait for, since the start.</summary>
    public long Waits => Interlocked.Read(ref _waits);

    /// <summary>
    /// Claims the render of a page: null when this caller is to render it (dispose the claim when done), else the render
    /// under way to wait for. Right after a save, every client asking for the sitemap rendered it once more without this.
    /// </summary>
    public RenderClaim? Claim(string path, string coding, out Task? running)
    {
        var claim = new RenderClaim(_rendering, (path, coding));
        running = _rendering.GetOrAdd((path, coding), claim.Done);
        if (running != claim.Done)
        {
            Interlocked.Increment(ref _waits);
            return null;
        }
        running = null;
        return claim;
    }

    public bool TryGet<T>(string path, string coding, [NotNullWhen(true)] out T? response)
        where T : CachedResponse
    {
        if (_entries.TryGetValue((path, coding), out var slot) && slot.Response is T found)
        {
            if (!slot.Used)
            {
                slot.Used = true;  // written only when unset, so reads of a busy page do not keep writing its cache line
            }
            response = found;
            return true;
        }
        response = null;
        return false;
    }

    /// <summary>Keeps a response rendered from the snapshot of <paramref name="version"/>; nothing when a newer one has
    /// gone live since, or when it alone is larger than the bound (it is sent, and rendered again when next asked for).</summary>
    public void Add(long version, string path, string coding, CachedResponse response)
    {
        var entry = (path, coding);
        lock (_lock)
        {
            if (version != _version || SizeOf(response) > maxBytes)
            {
                return;
            }
            if (_entries.TryGetValue(entry, out var earlier))
            {
                Unindex(entry, earlier.Response);
            }
            _entries[entry] = new Slot(response);
            Interlocked.Add(ref _bytes, SizeOf(response));
            _clock.Enqueue(entry);
            foreach (var key in response.Keys.Keys)
            {
                if (!_byKey.TryGetValue(key, out var entries))
                {
                    _byKey[key] = entries = [];
                }
                entries.Add(entry);
            }
            EvictPastTheBound();
        }
    }

    /// <summary>Drops what the new snapshot changed, before it goes live; from then on only its renders are kept.</summary>
    public void Swapping(ContentChange change)
    {
        lock (_lock)
        {
            _version = change.After.Version;
            if (change.Keys.Contains(ContentKeys.Site))
            {
                _entries.Clear();
                _byKey.Clear();
                _clock.Clear();
                Interlocked.Exchange(ref _bytes, 0);
                return;
            }
            foreach (var key in change.Keys)
            {
                if (_byKey.Remove(key, out var entries))
                {
                    foreach (var entry in entries)
                    {
                        if (_entries.TryRemove(entry, out var slot))
                        {
                            Unindex(entry, slot.Response);
                        }
                    }
                }
            }
        }
    }

    /// <summary>
    /// The clock, under the lock: entries wait in the order they were added; one read since the hand last passed it is
    /// marked unread and goes to the back, one not read is dropped. The places of entries that a swap dropped or an addition
    /// replaced are passed over, and cleared out once they outnumber the entries.
    /// </summary>
    private void EvictPastTheBound()
    {
        while (_bytes > maxBytes && _clock.TryDequeue(out var entry))
        {
            if (!_entries.TryGetValue(entry, out var slot))
            {
                continue;
            }
            if (slot.Used)
            {
                slot.Used = false;
                _clock.Enqueue(entry);
                continue;
            }
            _entries.TryRemove(entry, out _);
            Unindex(entry, slot.Response);
            Interlocked.Increment(ref _evictions);
        }
        if (_clock.Count > (2 * _entries.Count) + 64)
        {
            _clock.Clear();
            foreach (var entry in _entries.Keys)
            {
                _clock.Enqueue(entry);
            }
        }
    }

    private static long SizeOf(CachedResponse response) => response.Body.LongLength + EntryOverheadBytes;

    /// <summary>Takes an entry that has left the map out of the byte count and the key index, under the lock.</summary>
    private void Unindex((string Path, string Coding) entry, CachedResponse response)
    {
        Interlocked.Add(ref _bytes, -SizeOf(response));
        foreach (var key in response.Keys.Keys)
        {
            if (_byKey.TryGetValue(key, out var entries) && entries.Remove(entry) && entries.Count == 0)
            {
                _byKey.Remove(key);
            }
        }
    }

    /// <summary>An entry, and whether it was read since the eviction hand last passed it: set on the hot path without the
    /// lock, where a lost write only gives or takes one second chance.</summary>
    private sealed class Slot(CachedResponse response)
    {
        public CachedResponse Response { get; } = response;

        public bool Used { get; set; }
    }
}

/// <summary>One request's claim on rendering a page (<see cref="ResponseCache.Claim"/>); disposing it lets the waiters go.</summary>
public sealed class RenderClaim(ConcurrentDictionary<(string Path, string Coding), Task> rendering, (string Path, string Coding) page) : IDisposable
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal Task Done => _done.Task;

    public void Dispose()
    {
        rendering.TryRemove(new KeyValuePair<(string Path, string Coding), Task>(page, _done.Task));
        _done.TrySetResult();
    }
}
