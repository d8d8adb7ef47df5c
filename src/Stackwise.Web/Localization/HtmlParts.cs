using Microsoft.AspNetCore.Html;
using Stackwise.Web.Site;

namespace Stackwise.Web.Localization;

/// <summary>Markup that goes into a sentence of the interface (<see cref="SiteTextExtensions.Html"/>), encoded here once.</summary>
public static class HtmlParts
{
    public static IHtmlContent Link(string href, string text, bool auto = false) =>
        new HtmlContentBuilder().AppendHtml("<a href=\"").Append(href).AppendHtml(auto ? "\" dir=\"auto\">" : "\">").Append(text).AppendHtml("</a>");

    public static IHtmlContent Time(DateOnly date, string text) =>
        new HtmlContentBuilder().AppendHtml("<time datetime=\"").Append(Dates.Iso(date)).AppendHtml("\">").Append(text).AppendHtml("</time>");

    public static IHtmlContent Code(string text) => new HtmlContentBuilder().AppendHtml("<code>").Append(text).AppendHtml("</code>");

    public static IHtmlContent Text(string text) => new HtmlContentBuilder().Append(text);
}
