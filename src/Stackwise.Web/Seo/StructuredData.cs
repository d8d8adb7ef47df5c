using System.Collections.Immutable;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Site;

namespace Stackwise.Web.Seo;

/// <summary>schema.org JSON-LD for article and person pages.</summary>
public static class StructuredData
{
    // The default encoder escapes <, >, &, ' and non-ASCII, so the JSON can sit in a <script> element:
    // a title containing "</script>" comes out as "\u003C/script\u003E".
    // Any script as itself; what HTML or a script element must not see (<, >, &, quotes) still escaped.
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>
    /// A <c>MedicalWebPage</c> about a <c>MedicalTherapy</c>, its health risks filed by kind, its sources as
    /// <c>citation</c> and its writers and reviewer as <c>Person</c>s.
    /// </summary>
    /// <param name="authors">The article's writers that exist, in its order.</param>
    /// <param name="reviewer">Its medical reviewer, when it names one that exists.</param>
    /// <param name="home">The home page's name in the page's breadcrumb trail, in the page's language.</param>
    public static string ForArticle(Article article, ImmutableArray<Person> authors, Person? reviewer, SiteOptions site, string home)
    {
        var url = site.Absolute(article.Url);
        var page = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "MedicalWebPage",
            ["name"] = article.Title,
            ["description"] = article.Summary,
            ["url"] = url,
            ["inLanguage"] = article.Path.Language ?? site.Language,
            ["datePublished"] = Dates.Iso(article.Dates.Published),
            ["dateModified"] = Dates.Iso(article.Dates.Modified),
            ["publisher"] = Publisher(site),
            ["breadcrumb"] = Breadcrumbs(site, (home, SiteRoutes.In(article.Path.Language, SiteRoutes.Home)), (article.Category.Name, article.Category.Url), (article.Title, article.Url)),
            ["about"] = Therapy(article),
        };
        if (!authors.IsEmpty)
        {
            page["author"] = new JsonArray([.. authors.Select(author => (JsonNode)ForPerson(author, site))]);
        }
        if (reviewer is not null)
        {
            page["reviewedBy"] = ForPerson(reviewer, site);
        }
        if (article.Dates.LastReviewed is { } reviewed)
        {
            page["lastReviewed"] = Dates.Iso(reviewed);
        }
        if (!article.References.IsEmpty)
        {
            page["citation"] = new JsonArray([.. article.References.Select(reference => (JsonNode)Citation(reference))]);
        }
        return page.ToJsonString(Options);
    }

    /// <summary>A person's page: a <c>ProfilePage</c> whose main entity is the <c>Person</c>.</summary>
    public static string ForPersonPage(Person person, SiteOptions site) => new JsonObject
    {
        ["@context"] = "https://schema.org",
        ["@type"] = "ProfilePage",
        ["name"] = person.Name,
        ["url"] = site.Absolute(person.Url),
        ["inLanguage"] = person.Path.Language ?? site.Language,
        ["publisher"] = Publisher(site),
        ["mainEntity"] = ForPerson(person, site),
    }.ToJsonString(Options);

    /// <summary>
    /// The health risks by kind: side effects are <c>adverseOutcome</c>, serious ones <c>seriousAdverseOutcome</c>, and
    /// contraindications and interactions <c>contraindication</c> (a <c>MedicalContraindication</c>). schema.org has no
    /// property for an interaction on a therapy (<c>interactingDrug</c> belongs to a <c>Drug</c> and needs the drug named),
    /// and an interaction is a reason not to combine the therapy with something, which is what a contraindication states.
    /// </summary>
    private static JsonObject Therapy(Article article)
    {
        var therapy = new JsonObject { ["@type"] = "MedicalTherapy", ["name"] = article.Title };
        Add("adverseOutcome", "MedicalEntity", HealthRiskKind.SideEffect);
        Add("seriousAdverseOutcome", "MedicalEntity", HealthRiskKind.Serious);
        Add("contraindication", "MedicalContraindication", HealthRiskKind.Contraindication, HealthRiskKind.Interaction);
        return therapy;

        void Add(string property, string type, params HealthRiskKind[] kinds)
        {
            var risks = article.HealthRisks.Where(risk => kinds.Contains(risk.Kind)).ToList();
            if (risks.Count > 0)
            {
                therapy[property] = new JsonArray([.. risks.Select(risk => (JsonNode)new JsonObject { ["@type"] = type, ["name"] = risk.Text })]);
            }
        }
    }

    /// <summary>A paper (DOI or PubMed id) is a <c>ScholarlyArticle</c>; anything else a <c>CreativeWork</c>.</summary>
    private static JsonObject Citation(Reference reference)
    {
        var links = reference.Links.ToList();
        var work = new JsonObject
        {
            ["@type"] = reference.IsScholarly ? "ScholarlyArticle" : "CreativeWork",
            ["name"] = reference.Title,
            ["url"] = links[0],
        };
        if (!reference.Authors.IsEmpty)
        {
            work["author"] = new JsonArray([.. reference.Authors.Select(name => (JsonNode)new JsonObject { ["@type"] = "Person", ["name"] = name })]);
        }
        if (reference.Source is { } source)
        {
            work[reference.IsScholarly ? "isPartOf" : "publisher"] = new JsonObject
            {
                ["@type"] = reference.IsScholarly ? "Periodical" : "Organization",
                ["name"] = source,
            };
        }
        if (reference.Year is { } year)
        {
            work["datePublished"] = year.ToString(CultureInfo.InvariantCulture);
        }
        if (links.Count > 1)
        {
            work["sameAs"] = new JsonArray([.. links.Skip(1).Select(link => (JsonNode)link)]);
        }
        return work;
    }

    /// <summary>A writer or reviewer: credentials as <c>honorificSuffix</c> ("MD, PhD"), the role as <c>jobTitle</c>.</summary>
    private static JsonObject ForPerson(Person person, SiteOptions site)
    {
        var node = new JsonObject { ["@type"] = "Person", ["name"] = person.Name, ["url"] = site.Absolute(person.Url) };
        if (person.Credentials is { } credentials)
        {
            node["honorificSuffix"] = credentials;
        }
        if (person.Role is { } role)
        {
            node["jobTitle"] = role;
        }
        return node;
    }

    private static JsonObject Publisher(SiteOptions site) => new()
    {
        ["@type"] = "Organization",
        ["name"] = PageMeta.SiteName,
        ["url"] = site.Absolute("/"),
    };

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
