using Microsoft.AspNetCore.Mvc.RazorPages;
using Stackwise.Web.Content;

namespace Stackwise.Web.Pages;

public sealed class IndexModel(ContentStore content) : PageModel, IHasPageMeta
{
    public ContentSnapshot Snapshot { get; } = content.Current;

    public PageMeta Meta => PageMeta.Home;
}
