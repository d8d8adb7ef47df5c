using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Standard;

namespace Stackwise.Web.Search;

/// <summary>
/// For a text or query with CJK characters (<see cref="SearchDocuments.HasCjk"/>): the language's analysis (English
/// possessives, lowercase, the language's stop words and stems: <see cref="SearchAnalysis"/>) or the plain words
/// (lowercase only), with Chinese, Japanese and Korean made searchable too: full-width Latin and half-width katakana folded to their usual forms,
/// and runs of CJK characters indexed as overlapping pairs (<c>睡眠疗法</c>: <c>睡眠</c>, <c>眠疗</c>, <c>疗法</c>), as
/// Lucene's CJKAnalyzer does. The tokenizer gives each ideograph alone, so a query for <c>睡眠</c> matched every article
/// with either character. A single character is found only where it stands alone. Latin, Greek, Cyrillic, Hebrew,
/// Arabic, Devanagari and Thai tokens pass through unchanged (Thai without spaces stays one token).
/// </summary>
internal sealed class SiteAnalyzer(bool possessives, Func<TokenStream, TokenStream>? stopsAndStems) : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(SearchDocuments.Version, reader);
        TokenStream result = new StandardFilter(SearchDocuments.Version, source);
        if (possessives)
        {
            result = new EnglishPossessiveFilter(SearchDocuments.Version, result);
        }
        result = new CJKWidthFilter(result);
        result = new LowerCaseFilter(SearchDocuments.Version, result);
        result = new CJKBigramFilter(result);
        if (stopsAndStems is not null)
        {
            result = stopsAndStems(result);
        }
        return new TokenStreamComponents(source, result);
    }
}
