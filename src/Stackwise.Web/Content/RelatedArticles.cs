using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Stackwise.Web.Content;

/// <summary>
/// For each article, the others closest to it: two points for the same category, one for each shared tag;
/// ties go to the newest. Candidates come from indexes by category and tag, never from a scan of every pair,
/// so 10,000 articles take a fraction of a second.
/// </summary>
public static class RelatedArticles
{
    /// <summary>How many related articles an article shows at most.</summary>
    public const int Max = 3;

    /// <param name="articles">Newest first, as the snapshot lists them.</param>
    public static FrozenDictionary<string, ImmutableArray<Article>> Find(ImmutableArray<Article> articles)
    {
        var rank = new Dictionary<Article, int>(articles.Length, ReferenceEqualityComparer.Instance);
        for (var i = 0; i < articles.Length; i++)
        {
            rank[articles[i]] = i;
        }
        var byCategory = articles.GroupBy(article => article.Category).ToDictionary(group => group.Key, group => group.ToList());
        var byTag = articles.SelectMany(article => article.Tags.Select(tag => (Tag: tag.ToLowerInvariant(), Article: article)))
            .GroupBy(pair => pair.Tag, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Select(pair => pair.Article).ToList(), StringComparer.Ordinal);

        return articles.ToFrozenDictionary(article => article.Url, article => Closest(article, byCategory, byTag, rank), StringComparer.Ordinal);
    }

    private static ImmutableArray<Article> Closest(
        Article article,
        Dictionary<Category, List<Article>> byCategory,
        Dictionary<string, List<Article>> byTag,
        Dictionary<Article, int> rank)
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
        foreach (var other in byCategory[article.Category].Take(Max + 1))
        {
            scores.TryAdd(other, 2);
        }
        scores.Remove(article);

        return [.. scores
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => rank[pair.Key])
            .Take(Max)
            .Select(pair => pair.Key)];
    }
}
