using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Site;

namespace Stackwise.Web.Seo;

/// <summary>schema.org JSON-LD for article pages.</summary>
public static class StructuredData
{
    // The default encoder escapes <, >, &, ' and non-ASCII, so the JSON can sit in a <script> element:
    // a title containing "</script>" comes out as "\u003C/script\u003E".
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.Default };

    /// <summary>A <c>MedicalWebPage</c> about a <c>MedicalTherapy</c> whose adverse outcomes are the health risks.</summary>
    public static string ForArticle(Article article, SiteOptions site)
    {
        var url = site.Absolute(article.Url);
        var page = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "MedicalWebPage",
            ["name"] = article.Title,
            ["description"] = article.Summary,
            ["url"] = url,
            ["inLanguage"] = "en",
            ["datePublished"] = Dates.Iso(article.Dates.Published),
            ["dateModified"] = Dates.Iso(article.Dates.Modified),
            ["publisher"] = new JsonObject
            {
                ["@type"] = "Organization",
                ["name"] = PageMeta.SiteName,
                ["url"] = site.Absolute("/"),
            },
            ["breadcrumb"] = Breadcrumbs(site, ("Home", "/"), (article.Category.Name, article.Category.Url), (article.Title, article.Url)),
            ["about"] = new JsonObject
            {
                ["@type"] = "MedicalTherapy",
                ["name"] = article.Title,
                ["adverseOutcome"] = new JsonArray([.. article.HealthRisks.Select(risk => (JsonNode)new JsonObject
                {
                    ["@type"] = "MedicalEntity",
                    ["name"] = risk,
                })]),
            },
        };
        if (article.Dates.LastReviewed is { } reviewed)
        {
            page["lastReviewed"] = Dates.Iso(reviewed);
        }
        return page.ToJsonString(Options);
    }

    private static JsonObject Breadcrumbs(SiteOptions site, params (string Name, string Path)[] trail) => new()
    {
        ["@type"] = "BreadcrumbList",
        ["itemListElement"] = new JsonArray([.. trail.Select((crumb, index) => (JsonNode)new JsonObject
        {
            ["@type"] = "ListItem",
            ["position"] = index + 1,
            ["name"] = crumb.Name,
            ["item"] = site.Absolute(crumb.Path),
        })]),
    };
}
