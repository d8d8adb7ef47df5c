using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Localization;
using Stackwise.Web.Seo;

namespace Stackwise.Web.Pages;

public sealed class IndexModel(ContentSnapshot snapshot, IStringLocalizer<SiteText> text) : PageModel, IHasPageMeta
{
    public ContentSnapshot Snapshot { get; } = snapshot;

    public PageMeta Meta => PageMeta.Home(text["Site.Description"], Snapshot.PathOf(Site.SiteRoutes.Home));

}
