using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Stackwise.Web.Search;

/// <summary>
/// One pass over every matching document: each is counted (for the filter links) and, when it passes the
/// reader's filters, handed on to the collector of top results.
/// </summary>
internal sealed class CountingFilterCollector(ICollector top, Func<int, bool> count) : ICollector
{
    private int _docBase;

    public bool AcceptsDocsOutOfOrder => top.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => top.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        _docBase = context.DocBase;
        top.SetNextReader(context);
    }

    public void Collect(int doc)
    {
        if (count(_docBase + doc))
        {
            top.Collect(doc);
        }
    }
}
