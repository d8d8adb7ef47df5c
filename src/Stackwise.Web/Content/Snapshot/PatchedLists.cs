using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Stackwise.Web.Content.Model;

namespace Stackwise.Web.Content.Snapshot;

/// <summary>
/// The snapshot's article lists with some articles replaced, for <see cref="SnapshotPatch"/>: each list copied once it
/// changes (one copy per list: "A save patches the last snapshot" in docs/performance.md), the rest shared.
/// </summary>
internal sealed class PatchedLists(ContentSnapshot.Indexes indexes)
{
    public ImmutableArray<Article> Articles { get; private set; } = indexes.Articles;
    public ImmutableArray<CategoryListing> Categories { get; private set; } = indexes.Categories;
    public Dictionary<RiskLevel, ImmutableArray<Article>> ByRisk { get; } = indexes.ByRisk.ToDictionary();
    public Dictionary<string, PersonListing> People { get; } = indexes.People.ToDictionary(StringComparer.Ordinal);
    public Dictionary<string, ImmutableArray<Article>> ByTag { get; } = new(indexes.ByTag, StringComparer.Ordinal);

    /// <summary>Puts <paramref name="now"/> where <paramref name="before"/> was in every list; false when a list
    /// would appear or go.</summary>
    public bool Replace(ContentDocument before, ContentDocument now)
    {
        if (now is Person person)
        {
            People[person.Slug] = People[person.Slug] with { Person = person };
            return true;
        }
        if (before is not Article was || now is not Article article)
        {
            return true;  // a site page is in no list
        }
        if (!TryMove(Articles, was, article, out var articles)
            || !TryMove(ByRisk[was.Risk], was, null, out var risk))
        {
            return false;
        }
        Articles = articles;
        ByRisk[was.Risk] = risk;
        ByRisk[article.Risk] = Insert(ByRisk[article.Risk], article);
        if (!TryMoveInCategory(was, null) || !TryMoveInCategory(null, article))
        {
            return false;
        }
        foreach (var tag in RelatedArticles.TagsOf(was))
        {
            if (!TryMove(ByTag.GetValueOrDefault(tag, []), was, null, out var tagged))
            {
                return false;
            }
            if (tagged.IsEmpty)
            {
                ByTag.Remove(tag);
            }
            else
            {
                ByTag[tag] = tagged;
            }
        }
        foreach (var tag in RelatedArticles.TagsOf(article))
        {
            ByTag[tag] = Insert(ByTag.GetValueOrDefault(tag, []), article);
        }
        foreach (var slug in was.People.Concat(article.People).Select(named => named.Slug).Distinct(StringComparer.Ordinal))
        {
            if (People.GetValueOrDefault(slug) is not { } listing
                || !TryMove(listing.Written, was.Authors.Any(named => named.Slug == slug) ? was : null,
                    article.Authors.Any(named => named.Slug == slug) ? article : null, out var written)
                || !TryMove(listing.Reviewed, was.ReviewedBy?.Slug == slug ? was : null, article.ReviewedBy?.Slug == slug ? article : null, out var reviewed))
            {
                // A name without a person's file is in no list (and the article reports it).
                if (People.ContainsKey(slug))
                {
                    return false;
                }
                continue;
            }
            People[slug] = listing with { Written = written, Reviewed = reviewed };
        }
        return true;
    }

    /// <summary>The list pages (categories and their later pages, risk levels' later pages) these lists serve that
    /// <paramref name="before"/> did not, and the reverse.</summary>
    public (HashSet<string> Added, HashSet<string> Removed) PagesChanged(ContentSnapshot.Indexes before)
    {
        var (was, now) = (new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));
        foreach (var slug in _touched)
        {
            AddPages(was, before.CategoriesBySlug.GetValueOrDefault(slug));
            AddPages(now, Categories.FirstOrDefault(listing => listing.Category.Slug == slug));
        }
        foreach (var (risk, articles) in ByRisk)
        {
            was.UnionWith(ListPages.PageUrls(risk.Url(), before.ByRisk[risk].Length));
            now.UnionWith(ListPages.PageUrls(risk.Url(), articles.Length));
        }
        return ([.. now.Except(was)], [.. was.Except(now)]);

        static void AddPages(HashSet<string> pages, CategoryListing? listing)
        {
            if (listing is not null)
            {
                pages.UnionWith(ListPages.PageUrls(listing.Category.Url, listing.Articles.Length));
            }
        }
    }

    private readonly HashSet<string> _touched = new(StringComparer.Ordinal);

    /// <summary>Moves an article out of its category's list (a list left empty goes) or into one (a category not
    /// listed yet comes, in name order).</summary>
    private bool TryMoveInCategory(Article? before, Article? now)
    {
        var article = (before ?? now)!;
        _touched.Add(article.Category.Slug);
        var index = 0;
        while (index < Categories.Length && Categories[index].Category.Slug != article.Category.Slug)
        {
            index++;
        }
        if (index == Categories.Length)
        {
            if (before is not null)
            {
                return false;
            }
            var at = 0;
            while (at < Categories.Length && string.Compare(Categories[at].Category.Name, article.Category.Name, StringComparison.OrdinalIgnoreCase) < 0)
            {
                at++;
            }
            Categories = Categories.Insert(at, new CategoryListing(article.Category, [article]));
            return true;
        }
        if (!TryMove(Categories[index].Articles, before, now, out var articles))
        {
            return false;
        }
        Categories = articles.IsEmpty ? Categories.RemoveAt(index) : Categories.SetItem(index, Categories[index] with { Articles = articles });
        return true;
    }

    private static ImmutableArray<Article> Insert(ImmutableArray<Article> list, Article article)
    {
        var at = list.BinarySearch(article, SnapshotBuilder.NewestFirst);
        return list.Insert(at < 0 ? ~at : at, article);
    }

    /// <summary>
    /// The list without <paramref name="before"/> and with <paramref name="now"/> in its place in the order, in one copy
    /// (at 100,000 articles a copy of the list of all articles is 800 KB of garbage for the next full collection);
    /// false when <paramref name="before"/> is not in it.
    /// </summary>
    private static bool TryMove(ImmutableArray<Article> list, Article? before, Article? now, out ImmutableArray<Article> moved)
    {
        moved = list;
        var from = -1;
        if (before is not null)
        {
            from = list.BinarySearch(before, SnapshotBuilder.NewestFirst);
            if (from < 0 || !ReferenceEquals(list[from], before))
            {
                return false;
            }
        }
        if (now is null || from < 0)
        {
            moved = now is null ? (from < 0 ? list : list.RemoveAt(from)) : Insert(list, now);
            return true;
        }
        var at = list.BinarySearch(now, SnapshotBuilder.NewestFirst);
        var to = at < 0 ? ~at : at;   // where it would go with the old version still in the list
        var items = new Article[list.Length];
        var source = list.AsSpan();
        if (to <= from)
        {
            source[..to].CopyTo(items);
            items[to] = now;
            source[to..from].CopyTo(items.AsSpan(to + 1));
            source[(from + 1)..].CopyTo(items.AsSpan(from + 1));
        }
        else
        {
            source[..from].CopyTo(items);
            source[(from + 1)..to].CopyTo(items.AsSpan(from));
            items[to - 1] = now;
            source[to..].CopyTo(items.AsSpan(to));
        }
        moved = ImmutableCollectionsMarshal.AsImmutableArray(items);
        return true;
    }
}
