using System.Text.Json.Nodes;
using Stackwise.Web.Content.Model;

namespace Stackwise.Web.Content.Parsing;

/// <summary>
/// JSON Schemas (draft 2020-12) of the front matter of articles, site pages and people, and of <c>redirects.yml</c>, made
/// from <see cref="FrontMatterField.All"/> and the values the parser accepts, for editors' tools; docs/schemas/ holds them.
/// A schema describes the shape: it never refuses what the site accepts, and what it refuses the site refuses too
/// (FrontMatterSchemaTests holds both to that, field by field). Checks against other files or today (links, people,
/// citations, dates in the future) are <c>check</c>'s.
/// </summary>
public static class FrontMatterSchema
{
    public const string Dialect = "https://json-schema.org/draft/2020-12/schema";

    private static readonly string[] SourceLinks = ["doi", "pmid", "url"];

    /// <summary>The schema files, by name: one per kind of content file.</summary>
    public static IReadOnlyDictionary<string, JsonObject> Files() => new Dictionary<string, JsonObject>(StringComparer.Ordinal)
    {
        ["article.schema.json"] = For(DocumentKinds.Article, "Front matter of a Stackwise article (content/{section}/{slug}.md)"),
        ["page.schema.json"] = For(DocumentKinds.Page, "Front matter of a Stackwise site page (content/pages/{slug}.md)"),
        ["person.schema.json"] = For(DocumentKinds.Person, "Front matter of a Stackwise writer or reviewer (content/people/{slug}.md)"),
        ["redirects.schema.json"] = Redirects(),
    };

    public static JsonObject For(DocumentKinds kind, string title)
    {
        var fields = FrontMatterField.All.Where(field => field.For.HasFlag(kind)).ToList();
        var schema = new JsonObject
        {
            ["$schema"] = Dialect,
            ["$id"] = $"urn:stackwise:schema:{kind.ToString().ToLowerInvariant()}",
            ["title"] = title,
            ["description"] = "Generated from the site's field table (Content/Parsing/FrontMatterField.cs); docs/authoring.md explains each field. `check` has the last word.",
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["properties"] = new JsonObject(fields.Select(field => KeyValuePair.Create(field.Name, (JsonNode?)Property(field)))),
            ["required"] = Array(fields.Where(field => field.RequiredFor.HasFlag(kind)).Select(field => field.Name)),
        };
        if (kind == DocumentKinds.Article)
        {
            // SW041: a moderate or high risk lists its health risks. SW067 and SW069: a review has a date, an image its text.
            schema["if"] = new JsonObject
            {
                ["properties"] = new JsonObject { ["risk"] = new JsonObject { ["enum"] = Array(["moderate", "high"]) } },
                ["required"] = Array(["risk"]),
            };
            schema["then"] = new JsonObject
            {
                ["properties"] = new JsonObject { ["healthRisks"] = new JsonObject { ["minItems"] = 1 } },
                ["required"] = Array(["healthRisks"]),
            };
            schema["dependentRequired"] = new JsonObject
            {
                ["reviewedBy"] = Array(["lastReviewed"]),
                ["image"] = Array(["imageAlt"]),
                ["imageAlt"] = Array(["image"]),
            };
        }
        return schema;
    }

    private static JsonObject Property(FrontMatterField field)
    {
        var schema = field.Name switch
        {
            "risk" => new JsonObject { ["enum"] = Array(RiskLevels.Names) },
            "category" => Text(field.MaxLength, pattern: @"[\p{L}\p{N}]"),
            "reviewedBy" => Slug(field.MaxLength),
            "author" => new JsonObject { ["anyOf"] = new JsonArray(Slug(field.MaxLength), List(Slug(field.MaxLength), unique: true)) },
            "image" => Text(field.MaxLength, pattern: $@"^(/{Site.SiteRoutes.ImagesFolder}/)?[^/].*\.({string.Join('|', ShareImage.Types.Keys.Select(type => AnyCase(type[1..])))})$"),
            "aliases" => List(Text(field.MaxLength, pattern: "^/")),
            _ => field.Type switch
            {
                FieldType.Date => Date(),
                FieldType.Flag => new JsonObject { ["enum"] = new JsonArray(true, false, "true", "false") },
                FieldType.TextList => List(Text(field.MaxLength)),
                FieldType.HealthRiskList => List(new JsonObject
                {
                    ["anyOf"] = new JsonArray(Text(field.MaxLength), Item(
                        new() { ["text"] = Text(field.MaxLength), ["kind"] = new JsonObject { ["enum"] = Array(HealthRisk.Kinds.Select(kind => kind.Name)) } },
                        required: ["text"])),
                }),
                FieldType.ReferenceList => List(Reference()),
                _ => Text(field.MaxLength),
            },
        };
        return schema;
    }

    private static JsonObject Reference()
    {
        var reference = Item(new()
        {
            ["id"] = Slug(FrontMatterField.ReferenceIdMaxLength),
            ["title"] = Text(FrontMatterField.ReferenceTextMaxLength),
            ["authors"] = List(Text(FrontMatterField.NameMaxLength)),
            ["source"] = Text(FrontMatterField.ReferenceTextMaxLength),
            ["year"] = new JsonObject
            {
                ["anyOf"] = new JsonArray(
                new JsonObject { ["type"] = "integer", ["minimum"] = 1000, ["maximum"] = 9999 },
                new JsonObject { ["type"] = "string", ["pattern"] = "^[1-9][0-9]{3}$" })
            },
            ["doi"] = Text(FrontMatterField.UrlMaxLength, pattern: @"^10\.[0-9]{4,9}(\.[0-9]+)*/\S+$"),
            ["pmid"] = new JsonObject
            {
                ["anyOf"] = new JsonArray(
                new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = 999_999_999 },
                new JsonObject { ["type"] = "string", ["pattern"] = "^[1-9][0-9]{0,8}$" })
            },
            ["url"] = Text(FrontMatterField.UrlMaxLength, pattern: @"^https://[^\s/?#@]+[^\s]*$"),
        }, required: ["id", "title"]);
        // SW064: readers need a way to find the source.
        reference["anyOf"] = new JsonArray(SourceLinks.Select(key => (JsonNode)new JsonObject { ["required"] = Array([key]) }).ToArray());
        return reference;
    }

    public static JsonObject Redirects() => new()
    {
        ["$schema"] = Dialect,
        ["$id"] = "urn:stackwise:schema:redirects",
        ["title"] = "Stackwise content/redirects.yml: paths removed on purpose, answered 410 Gone",
        ["type"] = "object",
        ["additionalProperties"] = false,
        ["properties"] = new JsonObject { ["gone"] = List(Text(FrontMatterField.AliasMaxLength, pattern: "^/")) },
    };

    /// <summary>Text as the site reads it: any scalar YAML writes without quotes (a number too), not empty, at most so long.</summary>
    private static JsonObject Text(int maxLength, string? pattern = null)
    {
        var text = new JsonObject { ["type"] = Array(["string", "number"]), ["minLength"] = 1, ["maxLength"] = maxLength };
        text["pattern"] = pattern ?? @"\S";
        return text;
    }

    /// <summary>A pattern matching <paramref name="letters"/> in any case: JSON Schema patterns have no flags.</summary>
    private static string AnyCase(string letters) =>
        string.Concat(letters.Select(letter => $"[{char.ToLowerInvariant(letter)}{char.ToUpperInvariant(letter)}]"));

    private static JsonObject Slug(int maxLength) => Text(maxLength, pattern: "^[a-z0-9]+(-[a-z0-9]+)*$");

    private static JsonObject Date() => new() { ["type"] = "string", ["format"] = "date", ["pattern"] = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" };

    private static JsonObject List(JsonObject item, bool unique = false)
    {
        var list = new JsonObject { ["type"] = "array", ["items"] = item };
        if (unique)
        {
            list["uniqueItems"] = true;
        }
        return list;
    }

    private static JsonObject Item(Dictionary<string, JsonObject> properties, string[] required) => new()
    {
        ["type"] = "object",
        ["additionalProperties"] = false,
        ["properties"] = new JsonObject(properties.Select(entry => KeyValuePair.Create(entry.Key, (JsonNode?)entry.Value))),
        ["required"] = Array(required),
    };

    private static JsonArray Array(IEnumerable<string> values) => new([.. values.Select(value => (JsonNode)JsonValue.Create(value))]);
}
