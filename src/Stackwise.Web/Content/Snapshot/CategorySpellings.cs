using Stackwise.Web.Content.Model;

namespace Stackwise.Web.Content.Snapshot;

/// <summary>
/// How often each spelling of each category is used, by its page: categories whose names differ only in case or punctuation
/// share one page, shown with the most used spelling (ties go to the first in ordinal order). Immutable: a save's
/// <see cref="With"/> copies only the slugs it touches.
/// </summary>
internal sealed class CategorySpellings
{
    private readonly Dictionary<string, Dictionary<string, (Category First, int Uses)>> _bySlug;

    private CategorySpellings(Dictionary<string, Dictionary<string, (Category First, int Uses)>> bySlug) => _bySlug = bySlug;

    /// <summary>The uses of every spelling among <paramref name="documents"/>, drafts included (one pass, no query: it
    /// runs on every full load).</summary>
    public static CategorySpellings Count(IEnumerable<ContentDocument> documents)
    {
        var bySlug = new Dictionary<string, Dictionary<string, (Category, int)>>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            if (document is Article { Category: var category })
            {
                Add(bySlug, category, 1);
            }
        }
        return new CategorySpellings(bySlug);
    }

    /// <summary>The spelling every article of the category at <paramref name="url"/> is shown with (categories are by their
    /// page, so each language has its own).</summary>
    public Category Canonical(string url)
    {
        (Category First, int Uses) best = default;
        foreach (var (name, spelling) in _bySlug[url])
        {
            if (best.First is null || spelling.Uses > best.Uses || (spelling.Uses == best.Uses && string.CompareOrdinal(name, best.First.Name) < 0))
            {
                best = spelling;
            }
        }
        return best.First ?? throw new KeyNotFoundException($"no article has the category at `{url}`");
    }

    /// <summary>The counts after one article's category changed from <paramref name="before"/> to <paramref
    /// name="after"/> (either may be null).</summary>
    public CategorySpellings With(Category? before, Category? after)
    {
        var bySlug = new Dictionary<string, Dictionary<string, (Category, int)>>(_bySlug, StringComparer.Ordinal);
        foreach (var slug in new[] { before?.Url, after?.Url }.OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (bySlug.TryGetValue(slug, out var spellings))
            {
                bySlug[slug] = new Dictionary<string, (Category, int)>(spellings, StringComparer.Ordinal);
            }
        }
        if (before is not null)
        {
            Add(bySlug, before, -1);
        }
        if (after is not null)
        {
            Add(bySlug, after, 1);
        }
        return new CategorySpellings(bySlug);
    }

    /// <summary>True when the category at <paramref name="url"/> has at least one article (drafts included).</summary>
    public bool Has(string url) => _bySlug.ContainsKey(url);

    private static void Add(Dictionary<string, Dictionary<string, (Category First, int Uses)>> bySlug, Category category, int uses)
    {
        if (!bySlug.TryGetValue(category.Url, out var spellings))
        {
            bySlug[category.Url] = spellings = new Dictionary<string, (Category, int)>(StringComparer.Ordinal);
        }
        var (first, count) = spellings.GetValueOrDefault(category.Name);
        count += uses;
        if (count > 0)
        {
            spellings[category.Name] = (first ?? category, count);
        }
        else
        {
            spellings.Remove(category.Name);
            if (spellings.Count == 0)
            {
                bySlug.Remove(category.Url);
            }
        }
    }
}
