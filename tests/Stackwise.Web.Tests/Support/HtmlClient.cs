using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Stackwise.Web.Tests.Support;

public static class HtmlClient
{
    private static readonly HtmlParser Parser = new();

    /// <summary>GETs a page and parses it, keeping the response for status and header checks.</summary>
    public static async Task<(HttpResponseMessage Response, IHtmlDocument Document)> GetPageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        return (response, await Parser.ParseDocumentAsync(html));
    }

    /// <summary>The page's one JSON-LD block, parsed.</summary>
    public static async Task<System.Text.Json.JsonElement> GetJsonLdAsync(this HttpClient client, string url)
    {
        var (_, document) = await client.GetPageAsync(url);
        var script = Assert.Single(document.QuerySelectorAll("script[type='application/ld+json']"));
        return System.Text.Json.JsonDocument.Parse(script.TextContent).RootElement;
    }

    /// <summary>Text with runs of whitespace folded to one space, as a reader sees it.</summary>
    public static string NormalizedText(this AngleSharp.Dom.IElement element) =>
        string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
