using Microsoft.AspNetCore.Mvc.RazorPages;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Seo;

namespace Stackwise.Web.Pages;

public sealed class IndexModel(ContentSnapshot snapshot) : PageModel, IHasPageMeta
{
    public ContentSnapshot Snapshot { get; } = snapshot;

    public PageMeta Meta => PageMeta.Home;

}
