using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Collections.Immutable;
using Stackwise.Web.Content.Model;

namespace Stackwise.Web.Content.Snapshot;

/// <summary>
/// For each article, the others closest to it: two points for the same category, one for each shared tag; ties go to
/// the newest. Candidates come from the snapshot's lists by category and by tag, never from a scan of every pair, and
/// each article's list is worked out when it is first asked for (when its page is rendered), then kept: working them
/// all out up front took 1.7 s of every reload at 10,000 articles ("Related articles from the snapshot's lists" in
/// docs/performance.md). Nothing is built per snapshot: the lists are the snapshot's own, which a save patches
/// (SnapshotPatch).
/// </summary>
/// <param name="articles">Newest first, as the snapshot lists them.</param>
/// <param name="byTag">The articles of each tag, by the tag in lower case, newest first.</param>
/// <param name="categories">The snapshot's category lists, by slug.</param>
public sealed class RelatedArticles(ImmutableArray<Article> articles, IReadOnlyDictionary<string, ImmutableArray<Article>> byTag,
    FrozenDictionary<string, CategoryListing> categories)
{
    /// <summary>How many related articles an article shows at most.</summary>
    public const int Max = 3;

    private readonly ConcurrentDictionary<Article, ImmutableArray<Article>> _found = new(ReferenceEqualityComparer.Instance);

    /// <summary>The articles with <paramref name="tag"/> (any case), in the snapshot's order.</summary>
    public IReadOnlyList<Article> Tagged(string tag) => byTag.GetValueOrDefault(tag.ToLowerInvariant(), []);

    /// <summary>The newest articles of a category that related lists are topped up from.</summary>
    public IEnumerable<Article> NewestIn(string categorySlug) => (categories.GetValueOrDefault(categorySlug)?.Articles ?? []).Take(Max + 1);

    /// <summary>The closest articles to <paramref name="article"/>; empty for an article this snapshot does not list.</summary>
    public ImmutableArray<Article> For(Article article) =>
        articles.BinarySearch(article, SnapshotBuilder.NewestFirst) is var at && at >= 0 && ReferenceEquals(articles[at], article)
            ? _found.GetOrAdd(article, Closest)
            : [];

    private ImmutableArray<Article> Closest(Article article)
    {
        // Articles sharing tags, scored; the same category adds two.
        var scores = new Dictionary<Article, int>(ReferenceEqualityComparer.Instance);
        foreach (var tag in article.Tags.Select(tag => tag.ToLowerInvariant()).Distinct(StringComparer.Ordinal))
        {
            foreach (var other in byTag[tag])
            {
                scores[other] = scores.GetValueOrDefault(other) + 1;
            }
        }
        foreach (var other in scores.Keys.Where(other => other.Category == article.Category).ToList())
        {
            scores[other] += 2;
        }
        // The newest of the same category score two without any tag; only the first few can make the top.
        foreach (var other in NewestIn(article.Category.Slug))
        {
            scores.TryAdd(other, 2);
        }
        scores.Remove(article);

        return [.. scores
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => pair.Key, SnapshotBuilder.NewestFirst)
            .Take(Max)
            .Select(pair => pair.Key)];
    }

    /// <summary>The articles of each tag (in lower case, each article once), in the order of <paramref name="articles"/>.</summary>
    public static Dictionary<string, ImmutableArray<Article>> TagIndex(ImmutableArray<Article> articles)
    {
        var byTag = new Dictionary<string, ImmutableArray<Article>.Builder>(StringComparer.Ordinal);
        foreach (var article in articles)
        {
            foreach (var tag in TagsOf(article))
            {
                if (!byTag.TryGetValue(tag, out var list))
                {
                    byTag[tag] = list = ImmutableArray.CreateBuilder<Article>();
                }
                list.Add(article);
            }
        }
        return byTag.ToDictionary(entry => entry.Key, entry => entry.Value.DrainToImmutable(), StringComparer.Ordinal);
    }

    /// <summary>An article's tags as the index keys them: lower case, each once.</summary>
    public static IEnumerable<string> TagsOf(Article article) =>
        article.Tags.Length switch
        {
            0 => [],
            1 => [article.Tags[0].ToLowerInvariant()],
            _ => article.Tags.Select(tag => tag.ToLowerInvariant()).Distinct(StringComparer.Ordinal),
        };
}
