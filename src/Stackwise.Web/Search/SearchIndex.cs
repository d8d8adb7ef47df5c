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

    // Lucene document number -> article (null for a document masked because its article changed or went), and the
    // article's category number and risk, for results and facet counts without reading stored fields.
    private readonly Article?[] _articles;
    private readonly int[] _categoryOf;
    private readonly int[] _riskOf;
    private readonly Dictionary<string, int> _categoryNumbers;

    // The snapshot version this index was built for: a snapshot patched from it says which articles changed.
    private readonly long _version;

    /// <param name="carried">The index this one was made from: each document that holds the same article there keeps
    /// its category and risk numbers.</param>
    private SearchIndex(IndexSearcher searcher, ContentSnapshot snapshot, Article?[] articles, SearchIndex? carried = null)
    {
        _searcher = searcher;
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
            Debug.Assert(articles[doc] is not { } article || searcher.Doc(doc).Get(UrlField, CultureInfo.InvariantCulture) == article.Url, "document numbers follow the articles");
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
    public static SearchIndex Build(ContentSnapshot snapshot, SearchIndex? previous = null)
    {
        if (previous is null)
        {
            var articles = snapshot.Articles.Where(snapshot.IsPublic).ToArray();
            return BuildInParts(snapshot, articles, Math.Min(Environment.ProcessorCount, articles.Length / ArticlesPerPart));
        }

        var (keep, added) = snapshot.PatchedFrom is { } patch && patch.Version == previous._version
            ? Replaced(snapshot, previous, patch)
            : Matched(snapshot.Articles.Where(snapshot.IsPublic).ToArray(), previous);
        var keptCount = keep.Count(article => article is not null);
        if (added.Length == 0 && keptCount == previous.Count)
        {
            // The same words everywhere: the same index, with this snapshot's articles (category and risk may differ).
            return new SearchIndex(previous._searcher, snapshot, keep, previous);
        }

        // Each earlier segment with the documents of this snapshot's kept articles live (masks replace masks, never stack).
        var leaves = previous._searcher.IndexReader.Leaves
            .Select(leaf => (AtomicReader)new KeptDocuments(FilterAtomicReader.Unwrap(leaf.AtomicReader), Live(keep, leaf.DocBase, leaf.AtomicReader.MaxDoc)))
            .ToList();
        var masked = keep.Length - keptCount;
        if (masked * 5 > keep.Length + added.Length)
        {
            // So many documents masked that every search would step over them: one segment again, a copy of everything.
            return new SearchIndex(new IndexSearcher(new MultiReader(Merge(leaves, added), closeSubReaders: false)), snapshot, [.. keep.OfType<Article>(), .. added],
                previous)
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
            return new SearchIndex(new IndexSearcher(new MultiReader([first, .. Merge(leaves[1..], added)], closeSubReaders: false)), snapshot,
                [.. keep.AsSpan(0, first.MaxDoc), .. rest, .. added], previous)
            { Analyzed = added.Length, Copied = rest.Length + added.Length };
        }
        if (added.Length > 0)
        {
            leaves.AddRange(DirectoryReader.Open(Write(added)).Leaves.Select(leaf => leaf.AtomicReader));
        }
        return new SearchIndex(new IndexSearcher(new MultiReader([.. leaves], closeSubReaders: false)), snapshot, [.. keep, .. added], previous) { Analyzed = added.Length };
    }

    /// <summary>
    /// The previous index's articles matched with the snapshot's by URL: those whose words are the same are kept (as this
    /// snapshot's objects), the rest masked; the articles no document holds are added.
    /// </summary>
    private static (Article?[] Keep, Article[] Added) Matched(Article[] articles, SearchIndex previous)
    {
        var current = articles.ToDictionary(article => article.Url, StringComparer.Ordinal);
        var keep = new Article?[previous._articles.Length];
        for (var doc = 0; doc < keep.Length; doc++)
        {
            if (previous._articles[doc] is { } before && current.TryGetValue(before.Url, out var article) && SameWords(before, article))
            {
                keep[doc] = article;
                current.Remove(article.Url);
            }
        }
        return (keep, [.. articles.Where(article => current.ContainsKey(article.Url))]);
    }

    /// <summary>
    /// For a snapshot patched from the previous index's: every document kept, but those of the articles the patch replaced,
    /// which keep their document only when their words are the same and they are still public. Matching 100,000 articles by
    /// URL took 200 ms of each save ("An index from the last one" in docs/performance.md); a patch names the few that changed.
    /// </summary>
    private static (Article?[] Keep, Article[] Added) Replaced(ContentSnapshot snapshot, SearchIndex previous, PatchOrigin patch)
    {
        var keep = (Article?[])previous._articles.Clone();
        var added = new List<Article>();
        foreach (var (old, now) in patch.Replaced)
        {
            if (old is not Article was || now is not Article article)
            {
                continue;
            }
            var doc = Array.FindIndex(keep, kept => ReferenceEquals(kept, was));
            var isPublic = snapshot.IsPublicUnrecorded(article);
            if (doc >= 0 && isPublic && SameWords(was, article))
            {
                keep[doc] = article;
                continue;
            }
            if (doc >= 0)
            {
                keep[doc] = null;
            }
            if (isPublic)
            {
                added.Add(article);
            }
        }
        added.Sort(SnapshotBuilder.NewestFirst);
        return (keep, [.. added]);
    }

    /// <summary>
    /// The live documents of <paramref name="segments"/> in their order, then <paramref name="added"/> (analysed), copied into
    /// one new segment; no segment when there is nothing to copy.
    /// </summary>
    private static AtomicReader[] Merge(List<AtomicReader> segments, Article[] added)
    {
        var merged = new RAMDirectory();
        using (var fresh = DirectoryReader.Open(Write(added)))
        using (var writer = new IndexWriter(merged, new IndexWriterConfig(Version, PerField) { OpenMode = OpenMode.CREATE }))
        {
            IndexReader[] readers = [.. segments, .. fresh.Leaves.Select(leaf => leaf.AtomicReader)];
            writer.AddIndexes(readers);
            writer.Commit();
        }
        return [.. DirectoryReader.Open(merged).Leaves.Select(leaf => leaf.AtomicReader)];
    }

    /// <summary>
    /// Past this many segments a build merges the small ones. Few, because every search pays per segment: at 10,000
    /// articles a query allocated 1.8 MB on 6 segments and 1.1 MB on 3 (Lucene's scorer tables and term lookups are per
    /// segment), while merging the small segments copies only the articles saved since the last full build ("An index
    /// from the last one" in docs/performance.md).
    /// </summary>
    public const int MaxSegments = 3;

    /// <summary>The live documents of one segment: those whose article is kept.</summary>
    private static FixedBitSet Live(Article?[] keep, int docBase, int count)
    {
        var live = new FixedBitSet(count);
        for (var doc = 0; doc < count; doc++)
        {
            if (keep[docBase + doc] is not null)
            {
                live.Set(doc);
            }
        }
        return live;
    }

    /// <summary>The fewest articles per part worth analysing on a core of its own (a part costs a merge of its documents).</summary>
    private const int ArticlesPerPart = 5_000;

    /// <summary>The index of these articles, analysed in <paramref name="parts"/> on threads of their own (internal for tests).</summary>
    internal static SearchIndex BuildInParts(ContentSnapshot snapshot, Article[] articles, int parts) =>
        new(new IndexSearcher(DirectoryReader.Open(Write(articles, parts))), snapshot, articles) { Analyzed = articles.Length };

    /// <summary>
    /// The articles analysed into one segment whose document numbers follow their order. A whole index is split into one
    /// part per core, each analysed on its own thread, and the parts merged in order (a copy, no analysis): the first index
    /// of 100,000 articles took 30 s on one core ("The first search index on every core" in docs/performance.md).
    /// </summary>
    private static RAMDirectory Write(Article[] articles, int parts = 1)
    {
        if (parts < 2)
        {
            return WritePart(articles);
        }
        var size = (articles.Length + parts - 1) / parts;
        var written = new RAMDirectory[parts];
        DedicatedThreads.For(parts, part => written[part] = WritePart(articles.AsSpan(part * size, Math.Min(size, articles.Length - part * size)).ToArray()),
            CancellationToken.None).GetAwaiter().GetResult();
        var merged = new RAMDirectory();
        using (var writer = new IndexWriter(merged, new IndexWriterConfig(Version, PerField) { OpenMode = OpenMode.CREATE }))
        {
            var readers = written.Select(directory => (IndexReader)DirectoryReader.Open(directory)).ToArray();
            writer.AddIndexes(readers);   // one new segment, the parts' documents in the order given
            writer.Commit();
            foreach (var reader in readers)
            {
                reader.Dispose();
            }
        }
        return merged;
    }

    private static RAMDirectory WritePart(Article[] articles)
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
            var risk = _riskOf[doc];
            counts[category, risk]++;
            var passes = (categoryFilter == -1 || category == categoryFilter) && (query.Risk is null || (int)query.Risk == risk);
            total += passes ? 1 : 0;
            return passes;
        }));

        var hits = top.GetTopDocs((query.Page - 1) * SearchResults.PageSize, SearchResults.PageSize).ScoreDocs
            .Select(scored => _articles[scored.Doc])
            .OfType<Article>()
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

    /// <summary>Every term is optional (more matched terms rank higher); each matches exactly in title, headings or
    /// body, or, when misspelled, nearly in the plain words.</summary>
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
        foreach (var word in words.Where(word => word.Length >= 4 && !IsInLiveDocument(new Term(WordsField, word))))
        {
            query.Add(Boosted(new FuzzyQuery(new Term(WordsField, word), MaxEdits(word), prefixLength: 1), 0.5f), Occur.SHOULD);
        }
        return query;
    }

    /// <summary>True when a document of an article in this index has the term (a masked document's words do not count).</summary>
    private bool IsInLiveDocument(Term term) =>
        _searcher.IndexReader.Leaves.Any(leaf => leaf.AtomicReader.GetTermDocsEnum(term) is { } documents && documents.NextDoc() != DocIdSetIterator.NO_MORE_DOCS);

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
