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
/// Names the inputs of the pages whose prepared responses may outlive their snapshot. The page features implement it
/// (they know what each page reads); a page it returns null for is rendered again after every reload.
/// </summary>
public interface IPageInputs
{
    PageInputs? InputsOf(ContentSnapshot snapshot, string path);
}
