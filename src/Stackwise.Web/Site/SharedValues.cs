using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Stackwise.Web.Site;

/// <summary>
/// One instance of each value that many documents repeat (a category, a standard heading and its anchor, a journal, an
/// author's name, a reviewer's slug), for the documents of one load. At 10,000 articles the snapshot held 17 of its 28 MB
/// of strings as copies of such values ("Shared values" in docs/performance.md). Values are matched by equality, so a record such as a
/// category is shared whole. Thread-safe, because files are parsed in parallel; made for one load and dropped with it, so
/// it keeps nothing alive after the load and cannot grow across edits. A document carried over from an earlier load keeps
/// that load's instances and a file read again gets this load's, so after many saves a value may be held a few times over:
/// once per load that read a file holding it, never once per document.
/// </summary>
public sealed class SharedValues
{
    private readonly ConcurrentDictionary<object, object> _values = new();

    /// <summary>The instance equal to <paramref name="value"/> that this load already holds, else
    /// <paramref name="value"/> itself, held from now on.</summary>
    [return: NotNullIfNotNull(nameof(value))]
    public T? Share<T>(T? value) where T : class => value is null ? null : (T)_values.GetOrAdd(value, value);
}
