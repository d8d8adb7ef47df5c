using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Content.Snapshot;

namespace Stackwise.Web.Search;

/// <summary>
/// An in-memory Lucene index of one snapshot's public articles. Titles count more than headings, headings more
/// than body text; English stemming and stop words apply, and a fuzzy match on the unstemmed words forgives
/// typos. Queries are built from analyzed terms, never parsed as Lucene syntax, so no input is a syntax error.
/// </summary>
public sealed class SearchIndex
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string UrlField = "url";
    private const string TitleField = "title";
    private const string HeadingsField = "headings";
    private const string BodyField = "body";
    private const string WordsField = "words";

    private static readonly Analyzer EnglishText = new EnglishAnalyzer(Version);
    private static readonly Analyzer PlainWords = new StandardAnalyzer(Version, CharArraySet.Empty);
    private static readonly Analyzer PerField = new PerFieldAnalyzerWrapper(EnglishText, new Dictionary<string, Analyzer> { [WordsField] = PlainWords });

    /// <summary>
    /// Indexed with frequencies but no positions: every query is made of single terms (no phrases), so positions would
    /// only cost time and memory at every build.
    /// </summary>
    private static readonly Lucene.Net.Documents.FieldType Scored = Frozen(new(TextField.TYPE_NOT_STORED) { IndexOptions = IndexOptions.DOCS_AND_FREQS });

    private readonly IndexSearcher _searcher;
    private readonly ImmutableArray<CategoryListing> _categories;

    // Lucene document number -> article, and the article's category number and risk, for results and facet counts
    // without reading stored fields.
    private readonly Article[] _articles;
    private readonly int[] _categoryOf;
    private readonly Dictionary<string, int> _categoryNumbers;

    private SearchIndex(IndexSearcher searcher, ContentSnapshot snapshot, Article[] articles)
    {
        _searcher = searcher;
        _categories = snapshot.Categories;
        _articles = articles;
        _categoryNumbers = snapshot.Categories.Select((listing, number) => (listing.Category.Slug, number)).ToDictionary(pair => pair.Slug, pair => pair.number, StringComparer.Ordinal);
        _categoryOf = [.. articles.Select(article => _categoryNumbers[article.Category.Slug])];
        Debug.Assert(searcher.IndexReader.NumDocs == articles.Length, "one document per article");
        for (var doc = 0; doc < articles.Length; doc += Math.Max(1, articles.Length / 16))
        {
            Debug.Assert(searcher.Doc(doc).Get(UrlField, CultureInfo.InvariantCulture) == articles[doc].Url, "document numbers follow the articles");
        }
    }

    /// <summary>The articles analysed for this index; the others were carried over from the previous one.</summary>
    public int Analyzed { get; private init; }

    /// <summary>The articles in this index.</summary>
    public int Count => _articles.Length;

    /// <summary>
    /// The index of a snapshot's public articles. Given the index of an earlier snapshot, only articles whose words changed
    /// (or that are new) are analysed: the others' postings are copied from it by one Lucene merge, which costs a fraction
    /// of analysing them again. Either way the result is one segment whose document numbers follow its article list.
    /// </summary>
    public static SearchIndex Build(ContentSnapshot snapshot, SearchIndex? previous = null)
    {
        var articles = snapshot.Articles.Where(snapshot.IsPublic).ToArray();
        if (previous is null || previous._searcher.IndexReader.Leaves.Count != 1)
        {
            return new SearchIndex(new IndexSearcher(DirectoryReader.Open(Write(articles))), snapshot, articles) { Analyzed = articles.Length };
        }

        var current = articles.ToDictionary(article => article.Url, StringComparer.Ordinal);
        var keep = new FixedBitSet(previous._articles.Length);
        var kept = new List<Article>(articles.Length);
        for (var doc = 0; doc < previous._articles.Length; doc++)
        {
            if (current.TryGetValue(previous._articles[doc].Url, out var article) && SameWords(previous._articles[doc], article))
            {
                keep.Set(doc);
                kept.Add(article);
                current.Remove(article.Url);
            }
        }
        var added = articles.Where(article => current.ContainsKey(article.Url)).ToArray();
        if (added.Length == 0 && kept.Count == previous._articles.Length)
        {
            return new SearchIndex(previous._searcher, snapshot, [.. kept]);
        }

        var merged = new RAMDirectory();
        using (var fresh = DirectoryReader.Open(Write(added)))
        using (var writer = new IndexWriter(merged, new IndexWriterConfig(Version, PerField) { OpenMode = OpenMode.CREATE }))
        {
            // One merge into one segment: the kept documents in their order, then the new ones.
            writer.AddIndexes(new KeptDocuments(previous._searcher.IndexReader.Leaves[0].AtomicReader, keep), fresh);
            writer.Commit();
        }
        return new SearchIndex(new IndexSearcher(DirectoryReader.Open(merged)), snapshot, [.. kept, .. added]) { Analyzed = added.Length };
    }

    /// <summary>An index of these articles in this order, in one segment.</summary>
    private static RAMDirectory Write(Article[] articles)
    {
        var directory = new RAMDirectory();
        using var writer = new IndexWriter(directory, new IndexWriterConfig(Version, PerField) { OpenMode = OpenMode.CREATE });
        foreach (var article in articles)
        {
            var headings = string.Join('\n', article.Headings.Select(heading => heading.Text));
            var text = article.Text.ToString();
            writer.AddDocument(
            [
                new StringField(UrlField, article.Url, Field.Store.YES),
                new Field(TitleField, article.Title, Scored),
                new Field(HeadingsField, headings, Scored),
                new Field(BodyField, text, Scored),
                new Field(WordsField, $"{article.Title}\n{headings}\n{text}", Scored),
            ]);
        }
        // One segment keeps document numbers in the order the articles were added.
        writer.ForceMerge(1);
        writer.Commit();
        return directory;
    }

    /// <summary>True when an article's indexed words (title, headings, text) are what an earlier version's were.</summary>
    private static bool SameWords(Article before, Article after) =>
        ReferenceEquals(before, after)
        || (before.Title == after.Title && before.Text.Equals(after.Text)
            && before.Headings.Select(heading => heading.Text).SequenceEqual(after.Headings.Select(heading => heading.Text), StringComparer.Ordinal));

    public SearchResults Search(SearchQuery query)
    {
        var stopwatch = Stopwatch.StartNew();
        var stems = Terms(EnglishText, BodyField, query.Text);
        var words = Terms(PlainWords, WordsField, query.Text);
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
            var risk = (int)_articles[doc].Risk;
            counts[category, risk]++;
            var passes = (categoryFilter == -1 || category == categoryFilter) && (query.Risk is null || (int)query.Risk == risk);
            total += passes ? 1 : 0;
            return passes;
        }));

        var hits = top.GetTopDocs((query.Page - 1) * SearchResults.PageSize, SearchResults.PageSize).ScoreDocs
            .Select(scored => _articles[scored.Doc])
            .Select(article => new SearchHit(article, Snippets.Build(article.Text.ToString(), stems, words, EnglishText)))
            .ToImmutableArray();
        var categories = _categories
            .Select((listing, number) => new SearchFacet<Category>(listing.Category, listing.Category.Name,
                query.Risk is { } risk ? counts[number, (int)risk] : Enumerable.Range(0, 3).Sum(level => counts[number, level])))
            .Where(facet => facet.Count > 0)
            .ToImmutableArray();
        var risks = Enum.GetValues<RiskLevel>()
            .Select(level => new SearchFacet<RiskLevel>(level, level.BadgeText(),
                categoryFilter >= 0 ? counts[categoryFilter, (int)level]
                : categoryFilter == -1 ? Enumerable.Range(0, _categories.Length).Sum(number => counts[number, (int)level]) : 0))
            .Where(facet => facet.Count > 0)
            .ToImmutableArray();

        return new SearchResults(query, hits, total, categories, risks, stopwatch.Elapsed);
    }

    /// <summary>Every term is optional (more matched terms rank higher); each matches exactly in title, headings or body, or, when misspelled, nearly in the plain words.</summary>
    private BooleanQuery Matching(ImmutableArray<string> stems, ImmutableArray<string> words)
    {
        var query = new BooleanQuery();
        foreach (var stem in stems)
        {
            query.Add(Boosted(new TermQuery(new Term(TitleField, stem)), 4f), Occur.SHOULD);
            query.Add(Boosted(new TermQuery(new Term(HeadingsField, stem)), 2f), Occur.SHOULD);
            query.Add(new TermQuery(new Term(BodyField, stem)), Occur.SHOULD);
        }
        // Only a word the index does not have is looked up approximately: a correctly spelled word needs no fuzzy expansion.
        foreach (var word in words.Where(word => word.Length >= 4 && _searcher.IndexReader.DocFreq(new Term(WordsField, word)) == 0))
        {
            query.Add(Boosted(new FuzzyQuery(new Term(WordsField, word), MaxEdits(word), prefixLength: 1), 0.5f), Occur.SHOULD);
        }
        return query;
    }

    /// <summary>How far a typed word may be from a real one: one letter for short words, two for long ones.</summary>
    internal static int MaxEdits(string word) => word.Length >= 7 ? 2 : 1;

    private static Lucene.Net.Documents.FieldType Frozen(Lucene.Net.Documents.FieldType type)
    {
        type.Freeze();
        return type;
    }

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
