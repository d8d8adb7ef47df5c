using System.Collections.Immutable;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stackwise.Web.Content;

namespace Stackwise.Web.Pages;

public sealed class IndexModel(ContentStore content) : PageModel, IHasPageMeta
{
    public ImmutableArray<Article> Articles { get; } = content.Current.Articles;

    public PageMeta Meta => PageMeta.Home;
}
