using System.Collections.Frozen;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Es;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;

namespace Stackwise.Web.Search;

/// <summary>
/// How one language's texts and queries become search terms: its stop words and stems for title, headings and body
/// (Lucene's analyzer for the language), its plain words for typo matching (lowercase only, the same in every language),
/// and the same two with CJK characters paired (<see cref="SiteAnalyzer"/>) for a text or query that has them. The site's
/// language (<c>Site:Languages</c>) picks one; <c>SearchAnalysisTests</c> fails when a language with interface words has
/// no analysis here.
/// </summary>
public sealed class SearchAnalysis
{
    // First: static fields are set in the order they are written, and the languages below share these two.
    private static readonly Analyzer PlainWords = new StandardAnalyzer(SearchDocuments.Version, CharArraySet.Empty);
    private static readonly Analyzer CjkWords = new SiteAnalyzer(possessives: false, stopsAndStems: null);

    public static SearchAnalysis English { get; } = new("en", new EnglishAnalyzer(SearchDocuments.Version), possessives: true,
        words => new PorterStemFilter(new StopFilter(SearchDocuments.Version, words, EnglishAnalyzer.DefaultStopSet)));

    /// <summary>Spanish stop words, and light stems (plurals and gender endings folded, accents dropped: <c>terapéuticas</c>
    /// and <c>terapeutico</c> meet).</summary>
    public static SearchAnalysis Spanish { get; } = new("es", new SpanishAnalyzer(SearchDocuments.Version), possessives: false,
        words => new SpanishLightStemFilter(new StopFilter(SearchDocuments.Version, words, SpanishAnalyzer.DefaultStopSet)));

    private static readonly FrozenDictionary<string, SearchAnalysis> ByLanguage =
        new[] { English, Spanish }.ToFrozenDictionary(analysis => analysis.Language, StringComparer.Ordinal);

    private SearchAnalysis(string language, Analyzer text, bool possessives, Func<TokenStream, TokenStream> stopsAndStems)
    {
        Language = language;
        Text = text;
        PerField = new PerFieldAnalyzerWrapper(text, new Dictionary<string, Analyzer> { [SearchDocuments.WordsField] = PlainWords });
        // With CJK characters paired and full-width forms folded, only for a text or query that has such characters: for
        // every other text its words are the same, and it cost the first index of 10,000 English articles a fifth more time
        // ("AMD EPYC", in process: median 3.87 -> 4.67 s).
        CjkText = new SiteAnalyzer(possessives, stopsAndStems);
        CjkPerField = new PerFieldAnalyzerWrapper(CjkText, new Dictionary<string, Analyzer> { [SearchDocuments.WordsField] = CjkWords });
    }

    public string Language { get; }

    internal Analyzer Text { get; }

    private Analyzer CjkText { get; }

    /// <summary>Stems for title, headings and body; plain words for the typo field.</summary>
    internal Analyzer PerField { get; }

    private Analyzer CjkPerField { get; }

    /// <summary>The analysis of <paramref name="language"/> (a region falls back to its language: <c>es-mx</c> is
    /// Spanish), or null when there is none.</summary>
    public static SearchAnalysis? For(string language) =>
        ByLanguage.GetValueOrDefault(language) ?? ByLanguage.GetValueOrDefault(language.Split('-')[0]);

    /// <summary>The stemmed-text analyzer for <paramref name="text"/>, CJK characters paired when it has one.</summary>
    internal Analyzer TextAnalyzerFor(string text) => SearchDocuments.HasCjk(text) ? CjkText : Text;

    /// <summary>The plain-words analyzer for <paramref name="text"/>, CJK characters paired when it has one.</summary>
    internal static Analyzer WordsAnalyzerFor(string text) => SearchDocuments.HasCjk(text) ? CjkWords : PlainWords;

    /// <summary>Every field's analyzer for a document whose words are <paramref name="words"/>.</summary>
    internal Analyzer DocumentAnalyzerFor(string words) => SearchDocuments.HasCjk(words) ? CjkPerField : PerField;
}
