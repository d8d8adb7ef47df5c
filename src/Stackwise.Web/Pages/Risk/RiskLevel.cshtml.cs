using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Localization;
using Stackwise.Web.Seo;

namespace Stackwise.Web.Pages.Risk;

/// <summary>The articles of one risk level. The levels are a closed set, so each page exists even when empty.</summary>
public sealed class RiskLevelModel(ContentSnapshot snapshot, IStringLocalizer<SiteText> text) : PageModel, IHasPageMeta
{
    public RiskLevel Risk { get; private set; }

    public ListPage List { get; private set; } = ListPage.Empty;

    public PageMeta Meta => new(List.Title(text.RiskArticles(Risk), text), text["RiskPage.Description", text.Badge(Risk)], List.Url);

    public IActionResult OnGet(string level, [FromRoute] int pageNumber = 1)
    {
        if (!RiskLevels.TryParse(level, out var risk) || pageNumber > ListPages.Count(snapshot.RiskArticles(risk).Length))
        {
            return NotFound();
        }
        Risk = risk;
        List = ListPage.Of(snapshot.PathOf(risk.Url()), snapshot.RiskArticles(risk), pageNumber);
        return Page();
    }
}
