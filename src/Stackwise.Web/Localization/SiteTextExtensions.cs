using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Site;

namespace Stackwise.Web.Localization;

/// <summary>The interface's words that are made from a value: risk levels, dates, counts, and sentences with markup in them.</summary>
public static partial class SiteTextExtensions
{
    /// <summary>The text of a risk badge, which carries the meaning without relying on colour: "Moderate Risk".</summary>
    public static string Badge(this IStringLocalizer<SiteText> text, RiskLevel risk) => text[$"Risk.{risk}"];

    /// <summary>
    /// Where the site explains what the level means: the section of the risk-levels page headed with the badge's words
    /// (<c>## Moderate Risk</c> is <c>#moderate-risk</c>, <c>## Riesgo moderado</c> is <c>#riesgo-moderado</c>), anchored as
    /// every heading is (<c>Rendering/SyntaxWalk</c>).
    /// </summary>
    /// <param name="page">The risk-levels page linked to: the language's own, or the site's.</param>
    public static string RiskExplanationUrl(this IStringLocalizer<SiteText> text, RiskLevel risk, string page = SiteRoutes.RiskLevels) =>
        $"{page}#{SiteText.Anchor(text.Badge(risk))}";

    /// <summary>The title of a risk level's list: "Moderate Risk articles".</summary>
    public static string RiskArticles(this IStringLocalizer<SiteText> text, RiskLevel risk) => text[$"Risk.{risk}.Articles"];

    /// <summary>A date as readers of the request's language write it: "7 December 2026", "7 de diciembre de 2026".</summary>
    public static string Date(this IStringLocalizer<SiteText> text, DateOnly date) => date.ToString(text["Date.Format"], CultureInfo.CurrentCulture);

    /// <summary>A number as the request's language groups its digits: 12,345 in English, 12.345 in Spanish.</summary>
    public static string Number(this IStringLocalizer<SiteText> text, int number) => number.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>
    /// A count in words, from the key's <c>.One</c> or <c>.Other</c> form (the two plural forms English and Spanish have; a
    /// language with more would add keys here), with the count as <c>{0}</c> and <paramref name="more"/> after it.
    /// </summary>
    public static string Count(this IStringLocalizer<SiteText> text, string key, int count, params object[] more) =>
        text[count == 1 ? key + ".One" : key + ".Other", [text.Number(count), .. more]];


    /// <summary>
    /// A sentence whose placeholders are markup (a link, a date): the sentence's own words are HTML-encoded, each
    /// <c>{n}</c> is replaced by <paramref name="parts"/>[n] as it is.
    /// </summary>
    public static IHtmlContent Html(this IStringLocalizer<SiteText> text, string key, params IHtmlContent[] parts)
    {
        var format = text[key].Value;
        var html = new HtmlContentBuilder();
        var end = 0;
        foreach (Match placeholder in Placeholder().Matches(format))
        {
            html.Append(format[end..placeholder.Index]);
            html.AppendHtml(parts[int.Parse(placeholder.Groups[1].ValueSpan, CultureInfo.InvariantCulture)]);
            end = placeholder.Index + placeholder.Length;
        }
        return html.Append(format[end..]);
    }

    /// <summary>The placeholders of a resource string, <c>{0}</c>, <c>{1}</c>: what every language's version must have alike.</summary>
    [GeneratedRegex(@"\{(\d+)\}")]
    public static partial Regex Placeholder();
}
