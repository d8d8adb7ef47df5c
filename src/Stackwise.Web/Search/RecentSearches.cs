using System.Diagnostics.CodeAnalysis;

namespace Stackwise.Web.Search;

/// <summary>
/// The results of one snapshot's most recently asked searches, so a query many readers ask (popular searches are most of
/// a site's searches) is searched once per snapshot instead of once per reader. Like Solr's query result cache it lives
/// and dies with the index it was searched in (<see cref="Content.Snapshot.PerSnapshot{T}"/>), so an answer is
/// never older than the content. Bounded: once <see cref="Capacity"/> queries are kept, the least recently asked one goes,
/// so queries that are each asked once cannot make it grow. Thread-safe.
/// </summary>
internal sealed class RecentSearches
{
    /// <summary>
    /// Queries kept per snapshot. A page of results with its snippets and filter counts is a few kilobytes, so this is a
    /// megabyte or two at most.
    /// </summary>
    public const int DefaultCapacity = 256;

    private readonly Lock _lock = new();
    private readonly Dictionary<SearchQuery, LinkedListNode<SearchResults>> _byQuery = [];
    private readonly LinkedList<SearchResults> _newestFirst = [];

    public RecentSearches(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    public int Capacity { get; }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _byQuery.Count;
            }
        }
    }

    /// <summary>The results kept for exactly this query (text, filters and page), which makes it the most recently asked.</summary>
    public bool TryGet(SearchQuery query, [NotNullWhen(true)] out SearchResults? results)
    {
        lock (_lock)
        {
            if (_byQuery.TryGetValue(query, out var node))
            {
                _newestFirst.Remove(node);
                _newestFirst.AddFirst(node);
                results = node.Value;
                return true;
            }
        }
        results = null;
        return false;
    }

    /// <summary>Keeps the results of their query, letting the least recently asked query go when full.</summary>
    public void Add(SearchResults results)
    {
        lock (_lock)
        {
            if (_byQuery.ContainsKey(results.Query))
            {
                return;
            }
            if (_byQuery.Count == Capacity && _newestFirst.Last is { } oldest)
            {
                _newestFirst.RemoveLast();
                _byQuery.Remove(oldest.Value.Query);
            }
            _byQuery.Add(results.Query, _newestFirst.AddFirst(results));
        }
    }
}
