using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Stackwise.Web.Search;

/// <summary>
/// A view of an index segment with only some of its documents live, so that a merge (<c>IndexWriter.AddIndexes</c>) copies
/// just those: how a new search index takes over the unchanged articles of the previous one without analysing them again.
/// </summary>
internal sealed class KeptDocuments(AtomicReader reader, FixedBitSet keep) : FilterAtomicReader(reader)
{
    private readonly int _count = keep.Cardinality;

    public override IBits LiveDocs => keep;

    public override int NumDocs => _count;
}
