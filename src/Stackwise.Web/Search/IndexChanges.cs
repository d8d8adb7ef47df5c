using Lucene.Net.Util;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Content.Snapshot;

namespace Stackwise.Web.Search;

/// <summary>
/// Which documents of the previous <see cref="SearchIndex"/> a new snapshot keeps (by position: document number ->
/// article, null for a masked one) and which articles must be analysed anew.
/// </summary>
internal static class IndexChanges
{
    /// <summary>
    /// The previous index's articles matched with the snapshot's by URL: those whose words are the same are kept (as this
    /// snapshot's objects), the rest masked; the articles no document holds are added.
    /// </summary>
    public static (Article?[] Keep, Article[] Added) Matched(Article[] articles, Article?[] previous)
    {
        var current = articles.ToDictionary(article => article.Url, StringComparer.Ordinal);
        var keep = new Article?[previous.Length];
        for (var doc = 0; doc < keep.Length; doc++)
        {
            if (previous[doc] is { } before && current.TryGetValue(before.Url, out var article) && SearchDocuments.SameWords(before, article))
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
    public static (Article?[] Keep, Article[] Added) Replaced(ContentSnapshot snapshot, Article?[] previous, PatchOrigin patch)
    {
        var keep = (Article?[])previous.Clone();
        var added = new List<Article>();
        foreach (var (old, now) in patch.Replaced)
        {
            if (old is not Article was || now is not Article article)
            {
                continue;
            }
            var doc = Array.FindIndex(keep, kept => ReferenceEquals(kept, was));
            var isPublic = snapshot.IsPublicUnrecorded(article);
            if (doc >= 0 && isPublic && SearchDocuments.SameWords(was, article))
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

    /// <summary>The live documents of one segment: those whose article is kept.</summary>
    public static FixedBitSet Live(Article?[] keep, int docBase, int count)
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
}
