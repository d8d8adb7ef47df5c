using Stackwise.Web.Content.Snapshot;

namespace Stackwise.Web.Seo;

/// <summary>
/// What one page is rendered from: the content objects it reads (compared by reference, as an unchanged file keeps its
/// objects from one snapshot to the next) and any plain values (compared by value, such as today's date). Two equal
/// inputs render the same bytes, so a response prepared from one snapshot can be served for the next
/// (<see cref="PreparedResponses"/>).
/// </summary>
public sealed class PageInputs(params object[] parts)
{
    private readonly object[] _parts = parts;

    public bool SameAs(PageInputs other) => _parts.AsSpan().SequenceEqual(other._parts, ReferenceOrValue.Instance);

    private sealed class ReferenceOrValue : IEqualityComparer<object>
    {
        public static readonly ReferenceOrValue Instance = new();

        public new bool Equals(object? x, object? y) => ReferenceEquals(x, y) || (x is ValueType && x.Equals(y));

        public int GetHashCode(object obj) => obj is ValueType ? obj.GetHashCode() : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}

/// <summary>
/// Names the inputs of the pages whose prepared responses may outlive their snapshot. The features implement it for their
/// own pages (they know what each reads; several may be registered); a page none of them knows is rendered again after
/// every reload.
/// </summary>
public interface IPageInputs
{
    /// <summary>The inputs of the page at <paramref name="path"/>, or null when it is not one of this feature's pages.</summary>
    PageInputs? InputsOf(ContentSnapshot snapshot, string path);
}

/// <summary>Every feature's <see cref="IPageInputs"/>, asked in turn: the first that knows the page answers.</summary>
public sealed class EveryPageInputs(IEnumerable<IPageInputs> features)
{
    private readonly IPageInputs[] _features = [.. features];

    public PageInputs? InputsOf(ContentSnapshot snapshot, string path)
    {
        foreach (var feature in _features)
        {
            if (feature.InputsOf(snapshot, path) is { } inputs)
            {
                return inputs;
            }
        }
        return null;
    }
}
