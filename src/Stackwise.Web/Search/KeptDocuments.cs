using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Stackwise.Web.Search;

/// <summary>
/// A view of an index segment with only some of its documents live: how a new search index reuses the segments of the
/// previous one with the documents of changed or removed articles masked, and how a merge (<c>IndexWriter.AddIndexes</c>)
/// copies only the live ones.
/// </summary>
internal sealed class KeptDocuments(AtomicReader reader, FixedBitSet keep) : FilterAtomicReader(reader)
{
    private readonly int _count = keep.Cardinality;

    public override IBits LiveDocs => keep;

    public override int NumDocs => _count;
}
