using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Content.Snapshot;

namespace Stackwise.Web.Search;

/// <summary>
/// An in-memory Lucene index of one snapshot's public articles. Titles count more than headings, headings more
/// than body text; the site language's stemming and stop words apply (<see cref="SearchAnalysis"/>), and a fuzzy match on the unstemmed words forgives
/// typos. Queries are built from analyzed terms, never parsed as Lucene syntax, so no input is a syntax error.
/// </summary>
public sealed class SearchIndex
{
    private readonly IndexSearcher _searcher;
    private readonly ImmutableArray<CategoryListing> _categories;

    // Lucene document number -> article (null for a document masked because its article changed or went), and the
    // article's category number and risk, for results and facet counts without reading stored fields.
    private readonly Article?[] _articles;
    private readonly int[] _categoryOf;
    private readonly int[] _riskOf;
    private readonly Dictionary<string, int> _categoryNumbers;

    // The snapshot version this index was built for: a snapshot patched from it says which articles changed.
    private readonly long _version;

    private readonly SearchAnalysis _analysis;

    /// <param name="carried">The index this one was made from: each document that holds the same article there keeps
    /// its category and risk numbers.</param>
    private SearchIndex(IndexSearcher searcher, ContentSnapshot snapshot, Article?[] articles, SearchAnalysis analysis, SearchIndex? carried = null)
    {
        _searcher = searcher;
        _analysis = analysis;
        _version = snapshot.Version;
        _categories = snapshot.Categories;
        _articles = articles;
        _categoryNumbers = snapshot.Categories.Select((listing, number) => (listing.Category.Slug, number)).ToDictionary(pair => pair.Slug, pair => pair.number, StringComparer.Ordinal);
        _categoryOf = new int[articles.Length];
        _riskOf = new int[articles.Length];
        // The numbers of an unchanged document are carried over, renumbered when a category came or went (a lookup of the
        // category per document was 10-45 ms of each save at 100,000 articles).
        var renumbered = carried?._categories.Select(listing => _categoryNumbers.GetValueOrDefault(listing.Category.Slug, -1)).ToArray();
        for (var doc = 0; doc < articles.Length; doc++)
        {
            if (renumbered is not null && articles[doc] is not null && doc < carried!._articles.Length
                && ReferenceEquals(articles[doc], carried._articles[doc]) && renumbered[carried._categoryOf[doc]] >= 0)
            {
                (_categoryOf[doc], _riskOf[doc]) = (renumbered[carried._categoryOf[doc]], carried._riskOf[doc]);
            }
            else
            {
                (_categoryOf[doc], _riskOf[doc]) = articles[doc] is { } article ? (_categoryNumbers[article.Category.Slug], (int)article.Risk) : (-1, -1);
            }
        }
        Count = articles.Count(article => article is not null);
        Debug.Assert(searcher.IndexReader.MaxDoc == articles.Length && searcher.IndexReader.NumDocs == Count, "one live document per article");
        for (var doc = 0; doc < articles.Length; doc += Math.Max(1, articles.Length / 16))
        {
            Debug.Assert(articles[doc] is not { } article || searcher.Doc(doc).Get(SearchDocuments.UrlField, CultureInfo.InvariantCulture) == article.Url, "document numbers follow the articles");
        }
    }

    /// <summary>The articles analysed for this index; the others were carried over from the previous one.</summary>
    public int Analyzed { get; private init; }

    /// <summary>The documents this build copied from earlier segments into a merged one, the analysed ones included (0
    /// without a merge).</summary>
    public int Copied { get; private init; }

    /// <summary>The articles in this index.</summary>
    public int Count { get; }

    /// <summary>The index segments searched (one after a full build or a merge).</summary>
    public int Segments => _searcher.IndexReader.Leaves.Count;

    /// <summary>
    /// The index of a snapshot's public articles. Given the index of an earlier snapshot, only articles whose words changed
    /// (or that are new) are analysed, into a small new segment; the earlier segments are reused as they are, with the
    /// documents of changed or removed articles masked. When there would be more than <see cref="MaxSegments"/> segments,
    /// the small ones are merged into one beside the first; when a fifth of the documents are masked, everything is merged
    /// into one segment again (copies, still without analysis).
    /// </summary>
    /// <param name="analysis">The language's analysis; English when not given. An index made from <paramref name="previous"/>
    /// keeps its analysis.</param>
    public static SearchIndex Build(ContentSnapshot snapshot, SearchIndex? previous = null, SearchAnalysis? analysis = null)
    {
        if (previous is null)
        {
            var articles = snapshot.Articles.Where(snapshot.IsPublic).ToArray();
            return BuildInParts(snapshot, articles, Math.Min(Environment.ProcessorCount, articles.Length / SearchDocuments.ArticlesPerPart), analysis ?? SearchAnalysis.English);
        }
        analysis = previous._analysis;

        var (keep, added) = snapshot.PatchedFrom is { } patch && patch.Version == previous._version
            ? IndexChanges.Replaced(snapshot, previous._articles, patch)
            : IndexChanges.Matched(snapshot.Articles.Where(snapshot.IsPublic).ToArray(), previous._articles);
        var keptCount = keep.Count(article => article is not null);
        if (added.Length == 0 && keptCount == previous.Count)
        {
            // The same words everywhere: the same index, with this snapshot's articles (category and risk may differ).
            return new SearchIndex(previous._searcher, snapshot, keep, analysis, previous);
        }

        // Each earlier segment with the documents of this snapshot's kept articles live (masks replace masks, never stack).
        var leaves = previous._searcher.IndexReader.Leaves
            .Select(leaf => (AtomicReader)new KeptDocuments(FilterAtomicReader.Unwrap(leaf.AtomicReader), IndexChanges.Live(keep, leaf.DocBase, leaf.AtomicReader.MaxDoc)))
            .ToList();
        var masked = keep.Length - keptCount;
        if (masked * 5 > keep.Length + added.Length)
        {
            // So many documents masked that every search would step over them: one segment again, a copy of everything.
            return new SearchIndex(new IndexSearcher(new MultiReader(SearchDocuments.Merge(leaves, added, analysis), closeSubReaders: false)), snapshot, [.. keep.OfType<Article>(), .. added],
                analysis, previous)
            { Analyzed = added.Length, Copied = keptCount + added.Length };
        }
        if (leaves.Count + 1 > MaxSegments)
        {
            // Too many segments: the small ones that saves made since the last full build are merged with the new
            // articles into one. The first segment (the full build's, nearly every article) is kept as it is, with its
            // mask: a save never copies the whole index, which took a core for 300 ms at 10,000 articles ("An index
            // from the last one" in docs/performance.md).
            var first = leaves[0];
            var rest = keep.Skip(first.MaxDoc).OfType<Article>().ToArray();
            return new SearchIndex(new IndexSearcher(new MultiReader([first, .. SearchDocuments.Merge(leaves[1..], added, analysis)], closeSubReaders: false)), snapshot,
                [.. keep.AsSpan(0, first.MaxDoc), .. rest, .. added], analysis, previous)
            { Analyzed = added.Length, Copied = rest.Length + added.Length };
        }
        if (added.Length > 0)
        {
            leaves.AddRange(DirectoryReader.Open(SearchDocuments.Write(added, analysis)).Leaves.Select(leaf => leaf.AtomicReader));
        }
        return new SearchIndex(new IndexSearcher(new MultiReader([.. leaves], closeSubReaders: false)), snapshot, [.. keep, .. added], analysis, previous) { Analyzed = added.Length };
    }

    /// <summary>
    /// Past this many segments a build merges the small ones. Few, because every search pays per segment: at 10,000
    /// articles a query allocated 1.8 MB on 6 segments and 1.1 MB on 3 (Lucene's scorer tables and term lookups are per
    /// segment), while merging the small segments copies only the articles saved since the last full build ("An index
    /// from the last one" in docs/performance.md).
    /// </summary>
    public const int MaxSegments = 3;

    /// <summary>The index of these articles, analysed in <paramref name="parts"/> on threads of their own (internal for tests).</summary>
    internal static SearchIndex BuildInParts(ContentSnapshot snapshot, Article[] articles, int parts, SearchAnalysis? analysis = null) =>
        new(new IndexSearcher(DirectoryReader.Open(SearchDocuments.Write(articles, analysis ?? SearchAnalysis.English, parts))), snapshot, articles, analysis ?? SearchAnalysis.English)
        {
            Analyzed = articles.Length,
        };

    public SearchResults Search(SearchQuery query)
    {
        var stopwatch = Stopwatch.StartNew();
        var stems = Terms(_analysis.TextAnalyzerFor(query.Text), SearchDocuments.BodyField, query.Text);
        var words = Terms(SearchAnalysis.WordsAnalyzerFor(query.Text), SearchDocuments.WordsField, query.Text);
        if (query.IsEmpty || (stems.IsEmpty && words.IsEmpty))
        {
            return new SearchResults(query, [], 0, [], [], stopwatch.Elapsed);
        }

        // One pass over every match: count each category and risk combination for the filter links, and keep
        // the best of those that pass the filters.
        var categoryFilter = query.CategorySlug is null ? -1 : _categoryNumbers.GetValueOrDefault(query.CategorySlug, -2);
        var counts = new int[_categories.Length, 3];
        var total = 0;
        var top = TopScoreDocCollector.Create(query.Page * SearchResults.PageSize, docsScoredInOrder: false);
        _searcher.Search(Matching(stems, words), new CountingFilterCollector(top, doc =>
        {
            var category = _categoryOf[doc];
            var risk = _riskOf[doc];
            counts[category, risk]++;
            var passes = (categoryFilter == -1 || category == categoryFilter) && (query.Risk is null || (int)query.Risk == risk);
            total += passes ? 1 : 0;
            return passes;
        }));

        var hits = top.GetTopDocs((query.Page - 1) * SearchResults.PageSize, SearchResults.PageSize).ScoreDocs
            .Select(scored => _articles[scored.Doc])
            .OfType<Article>()
            .Select(article =>
            {
                var text = article.Text.ToString();
                return new SearchHit(article, Snippets.Build(text, stems, words, _analysis.TextAnalyzerFor(text)));
            })
            .ToImmutableArray();
        var categories = _categories
            .Select((listing, number) => new SearchFacet<Category>(listing.Category,
                query.Risk is { } risk ? counts[number, (int)risk] : Enumerable.Range(0, 3).Sum(level => counts[number, level])))
            .Where(facet => facet.Count > 0)
            .ToImmutableArray();
        var risks = Enum.GetValues<RiskLevel>()
            .Select(level => new SearchFacet<RiskLevel>(level,
                categoryFilter >= 0 ? counts[categoryFilter, (int)level]
                : categoryFilter == -1 ? Enumerable.Range(0, _categories.Length).Sum(number => counts[number, (int)level]) : 0))
            .Where(facet => facet.Count > 0)
            .ToImmutableArray();

        return new SearchResults(query, hits, total, categories, risks, stopwatch.Elapsed);
    }

    /// <summary>Every term is optional (more matched terms rank higher); each matches exactly in title, headings or
    /// body, or, when misspelled, nearly in the plain words.</summary>
    private BooleanQuery Matching(ImmutableArray<string> stems, ImmutableArray<string> words)
    {
        var query = new BooleanQuery();
        foreach (var stem in stems)
        {
            query.Add(Boosted(new TermQuery(new Term(SearchDocuments.TitleField, stem)), 4f), Occur.SHOULD);
            query.Add(Boosted(new TermQuery(new Term(SearchDocuments.HeadingsField, stem)), 2f), Occur.SHOULD);
            query.Add(new TermQuery(new Term(SearchDocuments.BodyField, stem)), Occur.SHOULD);
        }
        // Only a word the index does not have is looked up approximately: a correctly spelled word needs no fuzzy expansion.
        foreach (var word in words.Where(word => word.Length >= 4 && !IsInLiveDocument(new Term(SearchDocuments.WordsField, word))))
        {
            query.Add(Boosted(new FuzzyQuery(new Term(SearchDocuments.WordsField, word), MaxEdits(word), prefixLength: 1), 0.5f), Occur.SHOULD);
        }
        return query;
    }

    /// <summary>True when a document of an article in this index has the term (a masked document's words do not count).</summary>
    private bool IsInLiveDocument(Term term) =>
        _searcher.IndexReader.Leaves.Any(leaf => leaf.AtomicReader.GetTermDocsEnum(term) is { } documents && documents.NextDoc() != DocIdSetIterator.NO_MORE_DOCS);

    /// <summary>How far a typed word may be from a real one: one letter for short words, two for long ones.</summary>
    internal static int MaxEdits(string word) => word.Length >= 7 ? 2 : 1;

    private static Query Boosted(Query query, float boost)
    {
        query.Boost = boost;
        return query;
    }

    /// <summary>The distinct terms an analyzer makes of a text, at most <see cref="SearchQuery.MaxTerms"/>.</summary>
    internal static ImmutableArray<string> Terms(Analyzer analyzer, string field, string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken() && terms.Count < SearchQuery.MaxTerms)
        {
            var value = term.ToString();
            if (!terms.Contains(value))
            {
                terms.Add(value);
            }
        }
        stream.End();
        return [.. terms];
    }
}
