using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Content.Snapshot;

namespace Stackwise.Web.Search;

/// <summary>
/// How an article becomes a Lucene document of the <see cref="SearchIndex"/>: its fields (the URL stored; title,
/// headings and text analysed in the site's language, and all their words unstemmed for typo matching), and the
/// writing of a segment from a list of articles (<see cref="SearchAnalysis"/> has the analyzers).
/// </summary>
internal static class SearchDocuments
{
    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;
    internal const string UrlField = "url";
    internal const string TitleField = "title";
    internal const string HeadingsField = "headings";
    internal const string BodyField = "body";
    internal const string WordsField = "words";

    /// <summary>Hangul, CJK radicals to unified ideographs (kana included), compatibility ideographs, half- and full-width forms.</summary>
    internal static bool HasCjk(ReadOnlySpan<char> text) =>
        text.IndexOfAnyInRange('\u2E80', '\u9FFF') >= 0 || text.IndexOfAnyInRange('\uAC00', '\uD7FF') >= 0 || text.IndexOfAnyInRange('\uFF00', '\uFFEF') >= 0
        || text.IndexOfAnyInRange('\u1100', '\u11FF') >= 0 || text.IndexOfAnyInRange('\uA960', '\uA97F') >= 0 || text.IndexOfAnyInRange('\uF900', '\uFAFF') >= 0;

    /// <summary>
    /// Indexed with frequencies but no positions: every query is made of single terms (no phrases), so positions would
    /// only cost time and memory at every build.
    /// </summary>
    private static readonly Lucene.Net.Documents.FieldType Scored = Frozen(new(TextField.TYPE_NOT_STORED) { IndexOptions = IndexOptions.DOCS_AND_FREQS });

    /// <summary>The fewest articles per part worth analysing on a core of its own (a part costs a merge of its documents).</summary>
    public const int ArticlesPerPart = 5_000;

    /// <summary>
    /// The articles analysed into one segment whose document numbers follow their order. A whole index is split into one
    /// part per core, each analysed on its own thread, and the parts merged in order (a copy, no analysis): the first index
    /// of 100,000 articles took 30 s on one core ("The first search index on every core" in docs/performance.md).
    /// </summary>
    public static RAMDirectory Write(Article[] articles, SearchAnalysis analysis, int parts = 1)
    {
        if (parts < 2)
        {
            return WritePart(articles, analysis);
        }
        var size = (articles.Length + parts - 1) / parts;
        var written = new RAMDirectory[parts];
        DedicatedThreads.For(parts, part => written[part] = WritePart(articles.AsSpan(part * size, Math.Min(size, articles.Length - part * size)).ToArray(), analysis),
            CancellationToken.None).GetAwaiter().GetResult();
        var merged = new RAMDirectory();
        using (var writer = new IndexWriter(merged, new IndexWriterConfig(Version, analysis.PerField) { OpenMode = OpenMode.CREATE }))
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

    private static RAMDirectory WritePart(Article[] articles, SearchAnalysis analysis)
    {
        var directory = new RAMDirectory();
        using var writer = new IndexWriter(directory, new IndexWriterConfig(Version, analysis.PerField) { OpenMode = OpenMode.CREATE });
        foreach (var article in articles)
        {
            var headings = string.Join('\n', article.Headings.Select(heading => heading.Text));
            var text = article.Text.ToString();
            var words = $"{article.Title}\n{headings}\n{text}";
            writer.AddDocument(
            [
                new StringField(UrlField, article.Url, Field.Store.YES),
                new Field(TitleField, article.Title, Scored),
                new Field(HeadingsField, headings, Scored),
                new Field(BodyField, text, Scored),
                new Field(WordsField, words, Scored),
            ], analysis.DocumentAnalyzerFor(words));
        }
        // One segment keeps document numbers in the order the articles were added.
        writer.ForceMerge(1);
        writer.Commit();
        return directory;
    }

    /// <summary>True when an article's indexed words (title, headings, text) are what an earlier version's were.</summary>
    public static bool SameWords(Article before, Article after) =>
        ReferenceEquals(before, after)
        || (before.Title == after.Title && before.Text.Equals(after.Text)
            && before.Headings.Select(heading => heading.Text).SequenceEqual(after.Headings.Select(heading => heading.Text), StringComparer.Ordinal));

    private static Lucene.Net.Documents.FieldType Frozen(Lucene.Net.Documents.FieldType type)
    {
        type.Freeze();
        return type;
    }

    /// <summary>
    /// The live documents of <paramref name="segments"/> in their order, then <paramref name="added"/> (analysed), copied into
    /// one new segment; no segment when there is nothing to copy.
    /// </summary>
    public static AtomicReader[] Merge(List<AtomicReader> segments, Article[] added, SearchAnalysis analysis)
    {
        var merged = new RAMDirectory();
        using (var fresh = DirectoryReader.Open(Write(added, analysis)))
        using (var writer = new IndexWriter(merged, new IndexWriterConfig(Version, analysis.PerField) { OpenMode = OpenMode.CREATE }))
        {
            IndexReader[] readers = [.. segments, .. fresh.Leaves.Select(leaf => leaf.AtomicReader)];
            writer.AddIndexes(readers);
            writer.Commit();
        }
        return [.. DirectoryReader.Open(merged).Leaves.Select(leaf => leaf.AtomicReader)];
    }
}
