using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Standard;

namespace Stackwise.Web.Search;

/// <summary>
/// For a text or query with CJK characters (<see cref="SearchDocuments.HasCjk"/>): Lucene's English analysis
/// (possessives, lowercase, stop words, Porter stems) or its plain words (lowercase only), with Chinese, Japanese and
/// Korean made searchable too: full-width Latin and half-width katakana folded to their usual forms,
/// and runs of CJK characters indexed as overlapping pairs (<c>睡眠疗法</c>: <c>睡眠</c>, <c>眠疗</c>, <c>疗法</c>), as
/// Lucene's CJKAnalyzer does. The tokenizer gives each ideograph alone, so a query for <c>睡眠</c> matched every article
/// with either character. A single character is found only where it stands alone. Latin, Greek, Cyrillic, Hebrew,
/// Arabic, Devanagari and Thai tokens pass through unchanged (Thai without spaces stays one token: per-language analysis
/// is issue 38's part 4).
/// </summary>
internal sealed class SiteAnalyzer(bool english) : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(SearchDocuments.Version, reader);
        TokenStream result = new StandardFilter(SearchDocuments.Version, source);
        if (english)
        {
            result = new EnglishPossessiveFilter(SearchDocuments.Version, result);
        }
        result = new CJKWidthFilter(result);
        result = new LowerCaseFilter(SearchDocuments.Version, result);
        result = new CJKBigramFilter(result);
        if (english)
        {
            result = new StopFilter(SearchDocuments.Version, result, EnglishAnalyzer.DefaultStopSet);
            result = new PorterStemFilter(result);
        }
        return new TokenStreamComponents(source, result);
    }
}
