using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using Stackwise.Web.Commands;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Content.Parsing;
using Stackwise.Web.Rendering;
using Stackwise.Web.Tests.Support;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Stackwise.Web.Tests.Content;

/// <summary>
/// The JSON Schemas in docs/schemas/: the files are what the field table makes; every content file and fixture is valid
/// against them; and field by field, value by value, the schema and the parser accept and refuse the same front matter.
/// </summary>
public sealed partial class FrontMatterSchemaTests
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.Root, "docs", "schemas");

    private static readonly DateOnly Today = new(2099, 12, 31);

    private static readonly string[] OtherRisks = ["medium", "Low", "HIGH"];

    private static readonly Dictionary<DocumentKinds, (string File, ContentPath Path, string Minimal)> Kinds = new()
    {
        [DocumentKinds.Article] = ("article.schema.json", PathOf("therapies/synthetic.md"),
            "title: Synthetic\ncategory: Test\nrisk: low\nsummary: Synthetic.\npublished: 2020-01-01\n"),
        [DocumentKinds.Page] = ("page.schema.json", PathOf("pages/synthetic.md"), "title: Synthetic\nsummary: Synthetic.\n"),
        [DocumentKinds.Person] = ("person.schema.json", PathOf("people/synthetic.md"), "name: Synthetic Person\n"),
    };

    private static ContentPath PathOf(string file) => ContentPath.TryParse(file, out var path, out _) ? path : throw new InvalidOperationException(file);

    // Each schema is built once: JsonSchema.Net registers a schema by its $id for the whole process.
    private static readonly Dictionary<string, JsonSchema> Schemas = FrontMatterSchema.Files().Keys
        .ToDictionary(name => name, name => JsonSchema.FromText(File.ReadAllText(Path.Combine(Folder, name))));

    private static JsonSchema SchemaOf(string file) => Schemas[file];

    private static bool IsValid(JsonSchema schema, JsonNode? instance, out string errors)
    {
        var result = schema.Evaluate(JsonSerializer.SerializeToElement(instance), new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        errors = string.Join("; ", (result.Details ?? []).Where(detail => detail.Errors is { Count: > 0 }).Select(detail => $"{detail.InstanceLocation}: {string.Join(", ", detail.Errors!.Values)}"));
        return result.IsValid;
    }

    [Fact]
    public void TheShippedSchemasAreTheOnesTheFieldTableMakes()
    {
        foreach (var (name, schema) in FrontMatterSchema.Files())
        {
            var shipped = Path.Combine(Folder, name);
            Assert.True(File.Exists(shipped) && File.ReadAllText(shipped) == EditorCommands.Schema(schema),
                $"docs/schemas/{name} is not what the field table makes: run `dotnet run --project src/Stackwise.Web -- schema docs/schemas`");
        }
        Assert.Equal(FrontMatterSchema.Files().Keys.Order(), Directory.GetFiles(Folder, "*.json").Select(Path.GetFileName).Order());
    }

    [Fact]
    public void EveryFieldTheParserKnowsIsInTheSchemaOfEachKindOfFileItIsFor()
    {
        foreach (var (kind, (file, _, _)) in Kinds)
        {
            var properties = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, file)))!["properties"]!.AsObject();
            Assert.Equal(FrontMatterField.All.Where(field => field.For.HasFlag(kind)).Select(field => field.Name).Order(), properties.Select(property => property.Key).Order());
        }
    }

    public static TheoryData<string> ContentFiles =>
    [
        .. new[] { RepositoryPaths.Content, RepositoryPaths.TestContent, RepositoryPaths.EvidenceContent }
            .SelectMany(root => Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
                .Where(file => file.EndsWith(".md", StringComparison.Ordinal) || file.EndsWith(RedirectsFile.Name, StringComparison.Ordinal))
                .Select(file => Path.GetRelativePath(RepositoryPaths.Root, file).Replace('\\', '/'))),
    ];

    [Theory]
    [MemberData(nameof(ContentFiles))]
    public void EveryContentFileAndFixtureIsValidAgainstItsSchema(string file)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, file));
        var kind = file.Contains("/people/", StringComparison.Ordinal) ? DocumentKinds.Person : file.Contains("/pages/", StringComparison.Ordinal) ? DocumentKinds.Page : DocumentKinds.Article;
        var (schema, yaml) = file.EndsWith(RedirectsFile.Name, StringComparison.Ordinal)
            ? ("redirects.schema.json", text)
            : (Kinds[kind].File, FrontMatterOf(text));

        Assert.True(IsValid(SchemaOf(schema), Json(yaml), out var errors), errors);
    }

    private static string FrontMatterOf(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var end = Array.IndexOf(lines, "---", 1);
        return string.Join('\n', lines[1..end]);
    }

    /// <summary>A case: a kind of file, its minimal front matter with one change, and whether the site accepts it.</summary>
    public sealed record Sample(DocumentKinds Kind, string FrontMatter, string Why)
    {
        public override string ToString() => $"{Kind}: {Why}";
    }

    private static Sample With(DocumentKinds kind, string field, string? value, string why)
    {
        var lines = Kinds[kind].Minimal.TrimEnd('\n').Split('\n').Where(line => !line.StartsWith($"{field}:", StringComparison.Ordinal)).ToList();
        if (value is not null)
        {
            lines.Add($"{field}: {value}");
        }
        return new Sample(kind, string.Join('\n', lines) + "\n", why);
    }

    /// <summary>Every class of value, for every field: lengths at and over each limit, each allowed value and others, each
    /// shape, each field missing, on a kind of file it is not for, and the rules between fields.</summary>
    public static TheoryData<Sample> Cases()
    {
        var cases = new List<Sample>();
        foreach (var (kind, _) in Kinds)
        {
            foreach (var field in FrontMatterField.All)
            {
                if (!field.For.HasFlag(kind))
                {
                    cases.Add(With(kind, field.Name, field.Type == FieldType.Flag ? "true" : "synthetic", $"`{field.Name}` on a file it is not for"));
                    continue;
                }
                if (field.RequiredFor.HasFlag(kind))
                {
                    cases.Add(With(kind, field.Name, null, $"`{field.Name}` missing"));
                }
                cases.Add(With(kind, field.Name, "\"\"", $"`{field.Name}` empty"));
                cases.Add(With(kind, field.Name, "\"  \"", $"`{field.Name}` blank"));
                cases.Add(With(kind, field.Name, "~", $"`{field.Name}` null"));
                if (field.Type is FieldType.Text && field.Name is not ("risk" or "reviewedBy" or "image"))
                {
                    cases.Add(With(kind, field.Name, new string('a', field.MaxLength), $"`{field.Name}` at its limit"));
                    cases.Add(With(kind, field.Name, new string('a', field.MaxLength + 1), $"`{field.Name}` over its limit"));
                    cases.Add(With(kind, field.Name, "2024", $"`{field.Name}` a plain number"));
                    cases.Add(With(kind, field.Name, "[a, b]", $"`{field.Name}` a list"));
                }
                if (field.Type is FieldType.TextList)
                {
                    var item = field.Name == "aliases" ? "/" + new string('a', field.MaxLength - 1) : new string('a', field.MaxLength);
                    cases.Add(With(kind, field.Name, $"[{item}]", $"`{field.Name}` an item at its limit"));
                    cases.Add(With(kind, field.Name, $"[{item}a]", $"`{field.Name}` an item over its limit"));
                    cases.Add(With(kind, field.Name, field.Name == "aliases" ? "/a" : "a", $"`{field.Name}` one value, not a list"));
                    cases.Add(With(kind, field.Name, "[{a: b}]", $"`{field.Name}` an item with fields"));
                }
                if (field.Type is FieldType.Date)
                {
                    foreach (var date in new[] { "2026-01-31", "2024-02-29", "2026-02-29", "2026-13-01", "2026-1-5", "2026-01-01T10:00", "01/02/2026", "0000-01-01" })
                    {
                        cases.Add(With(kind, field.Name, date, $"`{field.Name}` {date}"));
                    }
                }
                if (field.Type is FieldType.Flag)
                {
                    foreach (var flag in new[] { "true", "false", "\"true\"", "yes", "1" })
                    {
                        cases.Add(With(kind, field.Name, flag, $"`{field.Name}` {flag}"));
                    }
                }
            }
        }
        var article = DocumentKinds.Article;
        cases.AddRange(RiskLevels.Names.Select(risk => With(article, "risk", risk + "\nhealthRisks: [Synthetic risk]", $"risk {risk}")));
        cases.AddRange(OtherRisks.Select(risk => With(article, "risk", risk, $"risk {risk}")));
        cases.Add(With(article, "risk", "moderate", "a moderate risk without health risks"));
        cases.Add(With(article, "risk", "high\nhealthRisks: []", "a high risk with an empty list of health risks"));
        cases.AddRange(HealthRisk.Kinds.Select(kind => With(article, "healthRisks", $"[{{text: Synthetic, kind: {kind.Name}}}]", $"a health risk of kind {kind.Name}")));
        cases.Add(With(article, "healthRisks", "[{text: Synthetic, kind: rare}]", "a health risk of an unknown kind"));
        cases.Add(With(article, "healthRisks", "[{kind: serious}]", "a health risk without text"));
        cases.Add(With(article, "healthRisks", "[{text: Synthetic, severity: high}]", "a health risk with an unknown field"));
        cases.Add(With(article, "healthRisks", $"[{new string('a', FrontMatterField.HealthRiskMaxLength + 1)}]", "a health risk over its limit"));
        cases.Add(With(article, "category", "\"!!!\"", "a category without letters or digits"));
        foreach (var (value, why) in new[] { ("jane-doe\nlastReviewed: 2026-01-01", "a reviewer with a date"), ("jane-doe", "a reviewer without a date"), ("Jane Doe\nlastReviewed: 2026-01-01", "a reviewer by name") })
        {
            cases.Add(With(article, "reviewedBy", value, why));
        }
        foreach (var (value, why) in new[] { ("jane-doe", "an author"), ("[jane-doe, sam-lee]", "two authors"), ("[jane-doe, jane-doe]", "an author twice"), ("Jane Doe", "an author by name"), ("[Jane]", "an author with a capital") })
        {
            cases.Add(With(article, "author", value, why));
        }
        foreach (var (value, why) in new[]
        {
            ("card.png\nimageAlt: Synthetic", "an image with its text"), ("/images/card.JPG\nimageAlt: Synthetic", "an image by its path"), ("card.svg\nimageAlt: Synthetic", "an SVG image"),
            ("card.png", "an image without its text"), ("/card.png\nimageAlt: Synthetic", "an image outside images/"),
        })
        {
            cases.Add(With(article, "image", value, why));
        }
        cases.Add(With(article, "imageAlt", "Synthetic", "an image's text without the image"));
        foreach (var (value, why) in new[]
        {
            ("{id: a-2020, title: Synthetic, url: 'https://example.org/'}", "a source with a url"),
            ("{id: a-2020, title: Synthetic, doi: 10.1000/xyz123, year: 2020, authors: [Doe A], source: Synthetic}", "a source with every field"),
            ("{id: a-2020, title: Synthetic, pmid: 12345678}", "a source with a PubMed number"),
            ("{id: a-2020, title: Synthetic, pmid: '12345678'}", "a source with a quoted PubMed number"),
            ("{id: a-2020, title: Synthetic}", "a source with no link"),
            ("{id: a-2020, url: 'https://example.org/'}", "a source without a title"),
            ("{title: Synthetic, url: 'https://example.org/'}", "a source without an id"),
            ("{id: A 2020, title: Synthetic, url: 'https://example.org/'}", "a source id with capitals"),
            ("{id: a-2020, title: Synthetic, url: 'http://example.org/'}", "a source with an http url"),
            ("{id: a-2020, title: Synthetic, doi: 'https://doi.org/10.1000/x'}", "a source with a DOI as a link"),
            ("{id: a-2020, title: Synthetic, pmid: 0}", "a source with PubMed number 0"),
            ("{id: a-2020, title: Synthetic, url: 'https://example.org/', year: 99}", "a source with a two-digit year"),
            ("{id: a-2020, title: Synthetic, url: 'https://example.org/', pages: 12}", "a source with an unknown field"),
        })
        {
            cases.Add(With(article, "references", $"[{value}]", why));
        }
        cases.Add(With(article, "summary", "Synthetic.\nhealthrisk: [Synthetic]", "an unknown field"));
        return [.. cases];
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void TheSchemaAcceptsWhatTheSiteAcceptsAndRefusesWhatItRefuses(Sample sample)
    {
        var refusals = Refusals(sample);

        var schemaValid = IsValid(SchemaOf(Kinds[sample.Kind].File), Json(sample.FrontMatter), out var errors);

        Assert.True(refusals.Count == 0 == schemaValid,
            $"the site {(refusals.Count == 0 ? "accepts" : $"refuses ({string.Join("; ", refusals.Select(problem => $"{problem.Code} {problem.Message}"))})")}, the schema {(schemaValid ? "accepts" : $"refuses ({errors})")}");
    }

    /// <summary>The samples of every field include one the site accepts and one it refuses, so agreement means something.</summary>
    [Fact]
    public void EveryFieldHasSamplesTheSiteAcceptsAndSamplesItRefuses()
    {
        var samples = ((IEnumerable<object[]>)Cases()).Select(row => (Sample)row[0]).ToList();
        Assert.All(FrontMatterField.All, field =>
        {
            var outcomes = samples.Where(sample => sample.FrontMatter.Contains($"{field.Name}:", StringComparison.Ordinal)).Select(SiteAccepts).Distinct();
            Assert.True(outcomes.Count() == 2, $"`{field.Name}` has samples of one outcome only");
        });
    }

    private static bool SiteAccepts(Sample sample) => Refusals(sample).Count == 0;

    private static List<ContentProblem> Refusals(Sample sample) =>
    [
        .. new ContentParser(new MarkdownRenderer(), maxReadingGrade: null)
            .Parse(Kinds[sample.Kind].Path, $"---\n{sample.FrontMatter}---\nSynthetic text [@a-2020].\n", Today).Problems
            .Where(problem => problem.Severity == ProblemSeverity.Error && problem.Code != ProblemCodes.UnknownCitation),
    ];

    /// <summary>YAML as an editor's schema tooling reads it (the YAML 1.2 core schema): plain true and false are booleans,
    /// plain numbers numbers, ~ and null nothing; everything quoted is text.</summary>
    private static JsonNode? Json(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Count == 0 ? new JsonObject() : Json(stream.Documents[0].RootNode);
    }

    private static JsonNode? Json(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(entry => KeyValuePair.Create(((YamlScalarNode)entry.Key).Value!, Json(entry.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(child => Json(child))]),
        YamlScalarNode { Style: not ScalarStyle.Plain } quoted => JsonValue.Create(quoted.Value),
        YamlScalarNode { Value: null or "" or "~" or "null" } => null,
        YamlScalarNode { Value: "true" or "false" } flag => JsonValue.Create(flag.Value == "true"),
        YamlScalarNode scalar when Integer().IsMatch(scalar.Value!) => JsonValue.Create(long.Parse(scalar.Value!, CultureInfo.InvariantCulture)),
        YamlScalarNode scalar when Decimal().IsMatch(scalar.Value!) => JsonValue.Create(double.Parse(scalar.Value!, CultureInfo.InvariantCulture)),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => throw new InvalidOperationException(node.GetType().Name),
    };

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Decimal();
}
