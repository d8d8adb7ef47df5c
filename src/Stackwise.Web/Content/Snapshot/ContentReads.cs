namespace Stackwise.Web.Content.Snapshot;

/// <summary>
/// What one response read from the snapshot, as <see cref="ContentKeys"/>. The snapshot records every read itself while a
/// recording is active (the response cache starts one for each response it does not have), so a template that reads one
/// more thing is keyed by it without anyone keeping a list. The keys decide which cached responses a new snapshot drops,
/// and go out as the <c>Surrogate-Key</c> header so a CDN can purge exactly those pages.
/// </summary>
public sealed class ContentReads
{
    private static readonly AsyncLocal<ContentReads?> Active = new();

    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>
    /// Records the reads of the rest of the calling async flow. Call it from an <c>async</c> method, so the recording ends
    /// when that method returns.
    /// </summary>
    public static ContentReads Start()
    {
        var reads = new ContentReads();
        Active.Value = reads;
        return reads;
    }

    /// <summary>The recording of the current async flow, if any.</summary>
    public static ContentReads? Current => Active.Value;

    /// <summary>Notes that the current response read what <paramref name="key"/> names; nothing when no recording is active.</summary>
    public static void Record(string key) => Active.Value?.Add(key);

    /// <summary>
    /// Runs <paramref name="build"/> without recording: data built once per snapshot and shared (the sitemap's entries) is
    /// recorded under its own key by whoever reads it, not under everything the first reader's build touched.
    /// </summary>
    public static T Unrecorded<T>(Func<T> build)
    {
        var active = Active.Value;
        Active.Value = null;
        try
        {
            return build();
        }
        finally
        {
            Active.Value = active;
        }
    }

    public void Add(string key)
    {
        lock (_lock)
        {
            _keys.Add(key);
        }
    }

    public void AddRange(IEnumerable<string> keys)
    {
        lock (_lock)
        {
            _keys.UnionWith(keys);
        }
    }

    /// <summary>The keys read so far, sorted, so two renders of one page send the same header.</summary>
    public string[] Keys
    {
        get
        {
            lock (_lock)
            {
                var keys = _keys.ToArray();
                Array.Sort(keys, StringComparer.Ordinal);
                return keys;
            }
        }
    }
}
