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
/// never kept. Only canonical paths are kept, so the entries are bounded by the pages the site serves times three codings.
/// </summary>
public sealed class ResponseCache : ISnapshotObserver
{
    private readonly ConcurrentDictionary<(string Path, string Coding), CachedResponse> _entries = new();

    // Which entries carry each key; changed only under the lock, with the version.
    private readonly Dictionary<string, HashSet<(string Path, string Coding)>> _byKey = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private long _version;

    // The renders under way, by path and coding, so that requests for a page that is being rendered wait for that render.
    private readonly ConcurrentDictionary<(string Path, string Coding), Task> _rendering = new();
    private long _waits;

    public int Count => _entries.Count;

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
        response = _entries.TryGetValue((path, coding), out var entry) ? entry as T : null;
        return response is not null;
    }

    /// <summary>Keeps a response rendered from the snapshot of <paramref name="version"/>; nothing when a newer one has
    /// gone live since.</summary>
    public void Add(long version, string path, string coding, CachedResponse response)
    {
        var entry = (path, coding);
        lock (_lock)
        {
            if (version != _version)
            {
                return;
            }
            if (_entries.TryGetValue(entry, out var earlier))
            {
                Unindex(entry, earlier);
            }
            _entries[entry] = response;
            foreach (var key in response.Keys.Keys)
            {
                if (!_byKey.TryGetValue(key, out var entries))
                {
                    _byKey[key] = entries = [];
                }
                entries.Add(entry);
            }
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
                return;
            }
            foreach (var key in change.Keys)
            {
                if (_byKey.Remove(key, out var entries))
                {
                    foreach (var entry in entries)
                    {
                        if (_entries.TryRemove(entry, out var response))
                        {
                            Unindex(entry, response);
                        }
                    }
                }
            }
        }
    }

    private void Unindex((string Path, string Coding) entry, CachedResponse response)
    {
        foreach (var key in response.Keys.Keys)
        {
            if (_byKey.TryGetValue(key, out var entries) && entries.Remove(entry) && entries.Count == 0)
            {
                _byKey.Remove(key);
            }
        }
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
