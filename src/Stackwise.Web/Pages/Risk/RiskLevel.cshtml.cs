using System.Collections.Immutable;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stackwise.Web.Content;
using Stackwise.Web.Seo;

namespace Stackwise.Web.Pages.Risk;

/// <summary>The articles of one risk level. The levels are a closed set, so each page exists even when empty.</summary>
public sealed class RiskLevelModel(ContentStore content) : PageModel, IHasPageMeta
{
    public RiskLevel Risk { get; private set; }

    public ImmutableArray<Article> Articles { get; private set; } = [];

    public PageMeta Meta => new($"{Risk.BadgeText()} articles", $"Stackwise articles rated {Risk.BadgeText()}, with their health risks.", Risk.Url());

    public IActionResult OnGet(string level)
    {
        if (!RiskLevels.TryParse(level, out var risk))
        {
            return NotFound();
        }
        Risk = risk;
        Articles = content.Current.ByRisk[risk];
        Response.SetLastModified(HttpCaching.Newest(Articles.Select(article => article.Dates.Modified)));
        return Page();
    }
}
