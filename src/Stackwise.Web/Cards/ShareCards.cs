using Microsoft.Extensions.Localization;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Localization;
using Stackwise.Web.Site;

namespace Stackwise.Web.Cards;

/// <summary>What the card of each page says, from the snapshot: the same words the page shows, nothing invented.</summary>
public static class ShareCards
{
    /// <summary>The card of a page the snapshot serves publicly, or null for a path that is not such a page.</summary>
    public static ShareCard? For(ContentSnapshot snapshot, string pagePath, IStringLocalizer<SiteText> text)
    {
        if (pagePath == snapshot.PathOf(SiteRoutes.Home))
        {
            return new ShareCard(text["Site.Description"], null, null);
        }
        if (pagePath == snapshot.PathOf(SiteRoutes.People))
        {
            return new ShareCard(text["People.Title"], null, null);
        }
        if (snapshot.Find(pagePath) is { } document)
        {
            return !snapshot.IsPublic(document) ? null : document switch
            {
                Article article => new ShareCard(article.Title, article.Category.Name, new RiskBadge(article.Risk, text.Badge(article.Risk))),
                Person person => new ShareCard(person.Name, person.Role, null),
                _ => new ShareCard(document.Title, null, null),
            };
        }
        if (snapshot.FindCategory(pagePath[(pagePath.LastIndexOf('/') + 1)..]) is { } category && category.Category.Url == pagePath)
        {
            return new ShareCard(category.Category.Name, text["Category.Label"], null);
        }
        return Enum.GetValues<RiskLevel>().Where(risk => snapshot.PathOf(risk.Url()) == pagePath).Select(risk => new ShareCard(text.RiskArticles(risk), text["Risk.Label"], new RiskBadge(risk, text.Badge(risk))))
            .FirstOrDefault();
    }

    /// <summary>The words of the card for a reader who cannot see it: title, label and risk level.</summary>
    public static string AltText(ShareCard card) =>
        string.Join(", ", new[] { card.Title, card.Label, card.Risk?.Text }.OfType<string>());
}
