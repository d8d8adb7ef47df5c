using System.Collections.Immutable;
using Microsoft.Extensions.Localization;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Localization;
using Stackwise.Web.Site;

namespace Stackwise.Web.Pages;

/// <summary>One page of a long article list, with its neighbours.</summary>
public sealed record ListPage(string ListUrl, ImmutableArray<Article> Articles, int Number, int Count, int Total)
{
    public static ListPage Empty { get; } = new("/", [], 1, 1, 0);

    public string Url => SiteRoutes.ListPage(ListUrl, Number);

    public string? PreviousUrl => Number > 1 ? SiteRoutes.ListPage(ListUrl, Number - 1) : null;

    public string? NextUrl => Number < Count ? SiteRoutes.ListPage(ListUrl, Number + 1) : null;

    public static ListPage Of(string listUrl, ImmutableArray<Article> all, int number) =>
        new(listUrl, ListPages.Page(all, number), number, ListPages.Count(all.Length), all.Length);

    /// <summary>The page title: the list's name, with the page number after the first page.</summary>
    public string Title(string name, IStringLocalizer<SiteText> text) => Number == 1 ? name : text["List.PageTitle", name, Number];
}
