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

/// <summary>One field of the closed front matter schema. docs/authoring.md documents the same table for editors.</summary>
public sealed record FrontMatterField(string Name, FieldType Type, DocumentKinds For)
{
    public const int TitleMaxLength = 120;
    public const int SummaryMaxLength = 160;
    public const int HealthRiskMaxLength = 200;
    public const int TagMaxLength = 40;
    public const int AliasMaxLength = 200;
    public const int NameMaxLength = 80;
    public const int ReferenceTextMaxLength = 300;
    public const int UrlMaxLength = 2000;

    private const DocumentKinds ArticlesAndPages = DocumentKinds.Article | DocumentKinds.Page;

    public static readonly IReadOnlyList<FrontMatterField> All =
    [
        new("title", FieldType.Text, ArticlesAndPages),
        new("category", FieldType.Text, DocumentKinds.Article),
        new("risk", FieldType.Text, DocumentKinds.Article),
        new("summary", FieldType.Text, ArticlesAndPages),
        new("healthRisks", FieldType.HealthRiskList, DocumentKinds.Article),
        new("published", FieldType.Date, DocumentKinds.Article),
        new("updated", FieldType.Date, ArticlesAndPages),
        new("lastReviewed", FieldType.Date, DocumentKinds.Article),
        new("nextReview", FieldType.Date, DocumentKinds.Article),
        new("author", FieldType.TextOrList, DocumentKinds.Article),
        new("reviewedBy", FieldType.Text, DocumentKinds.Article),
        new("references", FieldType.ReferenceList, DocumentKinds.Article),
        new("image", FieldType.Text, DocumentKinds.Article),
        new("imageAlt", FieldType.Text, DocumentKinds.Article),
        new("tags", FieldType.TextList, DocumentKinds.Article),
        new("aliases", FieldType.TextList, ArticlesAndPages),
        new("draft", FieldType.Flag, ArticlesAndPages),
        new("name", FieldType.Text, DocumentKinds.Person),
        new("credentials", FieldType.Text, DocumentKinds.Person),
        new("role", FieldType.Text, DocumentKinds.Person),
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
