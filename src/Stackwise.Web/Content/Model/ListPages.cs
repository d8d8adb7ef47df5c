using System.Collections.Immutable;
using Stackwise.Web.Site;

namespace Stackwise.Web.Content.Model;

/// <summary>
/// Long article lists (a category, a risk level) are split into pages of <see cref="Size"/> at
/// <c>{list}/page/{n}</c>, so no page grows with the size of the archive; the home page shows the newest page only.
/// </summary>
public static class ListPages
{
    public const int Size = 20;

    public static int Count(int articles) => Math.Max(1, (articles + Size - 1) / Size);

    public static ImmutableArray<Article> Page(ImmutableArray<Article> articles, int page) =>
        [.. articles.Skip((page - 1) * Size).Take(Size)];

    /// <summary>The URLs of every page of a list: the list's own, then <c>{list}/page/2</c> and on.</summary>
    public static IEnumerable<string> PageUrls(string listUrl, int articles) =>
        Enumerable.Range(1, Count(articles)).Select(page => SiteRoutes.ListPage(listUrl, page));
}
