using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Stackwise.Web.Content.Model;

namespace Stackwise.Web.Content.Snapshot;

/// <summary>
/// For each article, the others closest to it: two points for the same category, one for each shared tag;
/// ties go to the newest. Candidates come from indexes by category and tag, never from a scan of every pair.
/// The indexes are built once per snapshot and each article's list when it is first asked for (when its page is
/// rendered), then kept: working them all out up front took 1.7 s of every reload at 10,000 articles
/// (docs/performance.md), most of it for pages nobody would render before the next edit.
/// </summary>
public sealed class RelatedArticles
{
    /// <summary>How many related articles an article shows at most.</summary>
    public const int Max = 3;

    private readonly Dictionary<Article, int> _rank;
    private readonly Dictionary<string, List<Article>> _byCategory;
    private readonly Dictionary<string, List<Article>> _byTag;
    private readonly ConcurrentDictionary<Article, ImmutableArray<Article>> _found = new(ReferenceEqualityComparer.Instance);

    /// <param name="articles">Newest first, as the snapshot lists them.</param>
    public RelatedArticles(ImmutableArray<Article> articles)
    {
        // One pass over the articles, newest first, so each list keeps the snapshot's order. This runs for every new
        // snapshot before the first article page can render: with grouping queries it took 19-28 ms at 10,000 articles.
        _rank = new Dictionary<Article, int>(articles.Length, ReferenceEqualityComparer.Instance);
        // By slug, which the snapshot has made one category (hashing the category record each time cost 4-7 ms).
        _byCategory = new Dictionary<string, List<Article>>(StringComparer.Ordinal);
        _byTag = new Dictionary<string, List<Article>>(StringComparer.Ordinal);
        for (var i = 0; i < articles.Length; i++)
        {
            var article = articles[i];
            _rank[article] = i;
            ListOf(_byCategory, article.Category.Slug).Add(article);
            foreach (var tag in article.Tags)
            {
                ListOf(_byTag, tag.ToLowerInvariant()).Add(article);
            }
        }
    }

    private static List<Article> ListOf<TKey>(Dictionary<TKey, List<Article>> index, TKey key)
        where TKey : notnull
    {
        ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(index, key, out _);
        return list ??= [];
    }

    /// <summary>The articles with <paramref name="tag"/> (any case), in the snapshot's order.</summary>
    public IReadOnlyList<Article> Tagged(string tag) => _byTag.GetValueOrDefault(tag.ToLowerInvariant()) ?? [];

    /// <summary>The newest articles of a category that related lists are topped up from.</summary>
    public IEnumerable<Article> NewestIn(string categorySlug) => (_byCategory.GetValueOrDefault(categorySlug) ?? []).Take(Max + 1);

    /// <summary>The closest articles to <paramref name="article"/>; empty for an article this snapshot does not list.</summary>
    public ImmutableArray<Article> For(Article article) =>
        _rank.ContainsKey(article) ? _found.GetOrAdd(article, Closest) : [];

    private ImmutableArray<Article> Closest(Article article)
    {
        // Articles sharing tags, scored; the same category adds two.
        var scores = new Dictionary<Article, int>(ReferenceEqualityComparer.Instance);
        foreach (var tag in article.Tags.Select(tag => tag.ToLowerInvariant()).Distinct(StringComparer.Ordinal))
        {
            foreach (var other in _byTag[tag])
            {
                scores[other] = scores.GetValueOrDefault(other) + 1;
            }
        }
        foreach (var other in scores.Keys.Where(other => other.Category == article.Category).ToList())
        {
            scores[other] += 2;
        }
        // The newest of the same category score two without any tag; only the first few can make the top.
        foreach (var other in _byCategory[article.Category.Slug].Take(Max + 1))
        {
            scores.TryAdd(other, 2);
        }
        scores.Remove(article);

        return [.. scores
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => _rank[pair.Key])
            .Take(Max)
            .Select(pair => pair.Key)];
    }
}
