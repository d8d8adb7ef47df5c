using System.Collections.Immutable;
using Microsoft.AspNetCore.Html;
using Stackwise.Web.Search;

namespace Stackwise.Web.Pages.Search;

public static class SnippetHtml
{
    /// <summary>The snippet as HTML: every piece of text encoded, matched words wrapped in <c>mark</c>, no stray whitespace.</summary>
    public static IHtmlContent Render(ImmutableArray<SnippetPart> parts)
    {
        var html = new HtmlContentBuilder();
        foreach (var part in parts)
        {
            if (part.IsMatch)
            {
                html.AppendHtml("<mark>").Append(part.Text).AppendHtml("</mark>");
            }
            else
            {
                html.Append(part.Text);
            }
        }
        return html;
    }
}
