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
using Stackwise.Web.Content;

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
    private const string CategoryField = "category";
    private const string RiskField = "risk";

    private static readonly Analyzer EnglishText = new EnglishAnalyzer(Version);
    private static readonly Analyzer PlainWords = new StandardAnalyzer(Version, CharArraySet.Empty);
    private static readonly Analyzer PerField = new PerFieldAnalyzerWrapper(EnglishText, new Dictionary<string, Analyzer> { [WordsField] = PlainWords });

    private readonly IndexSearcher _searcher;
    private readonly ContentSnapshot _snapshot;

    private SearchIndex(IndexSearcher searcher, ContentSnapshot snapshot)
    {
        _searcher = searcher;
        _snapshot = snapshot;
    }

    public static SearchIndex Build(ContentSnapshot snapshot)
    {
        var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(Version, PerField) { OpenMode = OpenMode.CREATE }))
        {
            foreach (var article in snapshot.Articles.Where(snapshot.IsPublic))
            {
                var headings = string.Join('\n', article.Headings.Select(heading => heading.Text));
                writer.AddDocument(
                [
                    new StringField(UrlField, article.Url, Field.Store.YES),
                    new TextField(TitleField, article.Title, Field.Store.NO),
                    new TextField(HeadingsField, headings, Field.Store.NO),
                    new TextField(BodyField, article.Text, Field.Store.NO),
                    new TextField(WordsField, $"{article.Title}\n{headings}\n{article.Text}", Field.Store.NO),
                    new StringField(CategoryField, article.Category.Slug, Field.Store.NO),
                    new StringField(RiskField, article.Risk.Slug(), Field.Store.NO),
                ]);
            }
            writer.Commit();
        }
        return new SearchIndex(new IndexSearcher(DirectoryReader.Open(directory)), snapshot);
    }

    public SearchResults Search(SearchQuery query)
    {
        var stopwatch = Stopwatch.StartNew();
        var stems = Terms(EnglishText, BodyField, query.Text);
        var words = Terms(PlainWords, WordsField, query.Text);
        if (query.IsEmpty || (stems.IsEmpty && words.IsEmpty))
        {
            return new SearchResults(query, [], 0, [], [], stopwatch.Elapsed);
        }

        var matching = Matching(stems, words);
        var filtered = new BooleanQuery { { matching, Occur.MUST } };
        AddFilter(filtered, CategoryField, query.CategorySlug);
        AddFilter(filtered, RiskField, query.Risk?.Slug());

        var top = _searcher.Search(filtered, SearchResults.PageSize);
        var hits = top.ScoreDocs
            .Select(scored => _snapshot.ByUrl.GetValueOrDefault(_searcher.Doc(scored.Doc).Get(UrlField, CultureInfo.InvariantCulture)) as Article)
            .OfType<Article>()
            .Select(article => new SearchHit(article, Snippets.Build(article.Text, stems, words, EnglishText)))
            .ToImmutableArray();

        return new SearchResults(query, hits, top.TotalHits,
            Facets(matching, CategoryField, query.Risk?.Slug() is { } risk ? (RiskField, risk) : null, _snapshot.Categories.Select(listing => (listing.Category, listing.Category.Slug, listing.Category.Name))),
            Facets(matching, RiskField, query.CategorySlug is { } category ? (CategoryField, category) : null, Enum.GetValues<RiskLevel>().Select(level => (level, level.Slug(), level.BadgeText()))),
            stopwatch.Elapsed);
    }

    /// <summary>Every term is optional (more matched terms rank higher); each matches exactly in title, headings or body, or nearly in the plain words.</summary>
    private static BooleanQuery Matching(ImmutableArray<string> stems, ImmutableArray<string> words)
    {
        var query = new BooleanQuery();
        foreach (var stem in stems)
        {
            query.Add(Boosted(new TermQuery(new Term(TitleField, stem)), 4f), Occur.SHOULD);
            query.Add(Boosted(new TermQuery(new Term(HeadingsField, stem)), 2f), Occur.SHOULD);
            query.Add(new TermQuery(new Term(BodyField, stem)), Occur.SHOULD);
        }
        foreach (var word in words.Where(word => word.Length >= 4))
        {
            query.Add(Boosted(new FuzzyQuery(new Term(WordsField, word), MaxEdits(word), prefixLength: 1), 0.5f), Occur.SHOULD);
        }
        return query;
    }

    /// <summary>How far a typed word may be from a real one: one letter for short words, two for long ones.</summary>
    internal static int MaxEdits(string word) => word.Length >= 7 ? 2 : 1;

    private static Query Boosted(Query query, float boost)
    {
        query.Boost = boost;
        return query;
    }

    private static void AddFilter(BooleanQuery query, string field, string? value)
    {
        if (value is not null)
        {
            query.Add(new TermQuery(new Term(field, value)), Occur.MUST);
        }
    }

    /// <summary>How many results each value of a filter would keep, given the other filter.</summary>
    private ImmutableArray<SearchFacet<T>> Facets<T>(Query matching, string field, (string Field, string Value)? otherFilter, IEnumerable<(T Value, string Key, string Label)> values) =>
    [
        .. values
            .Select(value =>
            {
                var query = new BooleanQuery { { matching, Occur.MUST }, { new TermQuery(new Term(field, value.Key)), Occur.MUST } };
                if (otherFilter is { } other)
                {
                    query.Add(new TermQuery(new Term(other.Field, other.Value)), Occur.MUST);
                }
                var collector = new TotalHitCountCollector();
                _searcher.Search(query, collector);
                return new SearchFacet<T>(value.Value, value.Label, collector.TotalHits);
            })
            .Where(facet => facet.Count > 0),
    ];

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
