using Stackwise.Web.Content.Checks;
using Stackwise.Web.Content.Model;

namespace Stackwise.Web.Content.Parsing;

public enum FieldType
{
    Text,
    Date,
    TextList,
    Flag,

    /// <summary>One text value, or a list of them: <c>author: jane-doe</c> or <c>author: [jane-doe, sam-lee]</c>.</summary>
    TextOrList,

    /// <summary>A list whose items are text or mappings of <c>text</c> and <c>kind</c> (<c>healthRisks</c>).</summary>
    HealthRiskList,

    /// <summary>A list of mappings, one per source (<c>references</c>).</summary>
    ReferenceList,
}

/// <summary>Which kinds of content file a field may be written in.</summary>
[Flags]
public enum DocumentKinds
{
    Article = 1,
    Page = 2,
    Person = 4,
}

/// <summary>
/// One field of the closed front matter schema. docs/authoring.md documents the same table for editors, and
/// <see cref="FrontMatterSchema"/> makes the JSON Schemas in docs/schemas/ from it.
/// </summary>
/// <param name="MaxLength">The most characters of the value, or of each item of a list; 0 for dates, flags and references.</param>
/// <param name="RequiredFor">The kinds of file that must have the field.</param>
public sealed record FrontMatterField(string Name, FieldType Type, DocumentKinds For, int MaxLength = 0, DocumentKinds RequiredFor = 0)
{
    public const int TitleMaxLength = 120;
    public const int SummaryMaxLength = 160;
    public const int HealthRiskMaxLength = 200;
    public const int TagMaxLength = 40;
    public const int AliasMaxLength = 200;
    public const int NameMaxLength = 80;
    public const int ReferenceTextMaxLength = 300;
    public const int UrlMaxLength = 2000;
    public const int RiskMaxLength = 40;
    public const int ReferenceIdMaxLength = 60;

    private const DocumentKinds ArticlesAndPages = DocumentKinds.Article | DocumentKinds.Page;

    public static readonly IReadOnlyList<FrontMatterField> All =
    [
        new("title", FieldType.Text, ArticlesAndPages, TitleMaxLength, ArticlesAndPages),
        new("category", FieldType.Text, DocumentKinds.Article, TitleMaxLength, DocumentKinds.Article),
        new("risk", FieldType.Text, DocumentKinds.Article, RiskMaxLength, DocumentKinds.Article),
        new("summary", FieldType.Text, ArticlesAndPages, SummaryMaxLength, ArticlesAndPages),
        new("healthRisks", FieldType.HealthRiskList, DocumentKinds.Article, HealthRiskMaxLength),
        new("published", FieldType.Date, DocumentKinds.Article, RequiredFor: DocumentKinds.Article),
        new("updated", FieldType.Date, ArticlesAndPages),
        new("lastReviewed", FieldType.Date, DocumentKinds.Article),
        new("nextReview", FieldType.Date, DocumentKinds.Article),
        new("author", FieldType.TextOrList, DocumentKinds.Article, NameMaxLength),
        new("reviewedBy", FieldType.Text, DocumentKinds.Article, NameMaxLength),
        new("references", FieldType.ReferenceList, DocumentKinds.Article),
        new("image", FieldType.Text, DocumentKinds.Article, AliasMaxLength),
        new("imageAlt", FieldType.Text, DocumentKinds.Article, HealthRiskMaxLength),
        new("tags", FieldType.TextList, DocumentKinds.Article, TagMaxLength),
        new("aliases", FieldType.TextList, ArticlesAndPages, AliasMaxLength),
        new("draft", FieldType.Flag, ArticlesAndPages),
        new("name", FieldType.Text, DocumentKinds.Person, NameMaxLength, DocumentKinds.Person),
        new("credentials", FieldType.Text, DocumentKinds.Person, NameMaxLength),
        new("role", FieldType.Text, DocumentKinds.Person, NameMaxLength),
    ];

    public static FrontMatterField? Find(string name) => All.FirstOrDefault(field => field.Name == name);

    /// <summary>The kind of document a content path holds.</summary>
    public static DocumentKinds KindOf(ContentPath path) =>
        path.IsSitePage ? DocumentKinds.Page : path.IsPerson ? DocumentKinds.Person : DocumentKinds.Article;

    /// <summary>Where a kind of document lives, for messages.</summary>
    public static string Describe(DocumentKinds kinds) => string.Join(" and ", new[]
    {
        kinds.HasFlag(DocumentKinds.Article) ? "articles" : null,
        kinds.HasFlag(DocumentKinds.Page) ? "site pages in content/pages/" : null,
        kinds.HasFlag(DocumentKinds.Person) ? "people in content/people/" : null,
    }.OfType<string>());

    /// <summary>The known field an unknown name was most likely meant to be, for a "did you mean" hint.</summary>
    public static string? Suggest(string unknown) => EditDistance.Closest(unknown, All.Select(field => field.Name));
}
