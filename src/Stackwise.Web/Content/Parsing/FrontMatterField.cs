using Stackwise.Web.Content.Checks;

namespace Stackwise.Web.Content.Parsing;

public enum FieldType
{
    Text,
    Date,
    TextList,
    Flag,
}

/// <summary>One field of the closed front matter schema. README.md documents the same table for editors.</summary>
public sealed record FrontMatterField(string Name, FieldType Type, bool ForArticles, bool ForPages)
{
    public const int TitleMaxLength = 120;
    public const int SummaryMaxLength = 160;
    public const int HealthRiskMaxLength = 200;
    public const int TagMaxLength = 40;
    public const int AliasMaxLength = 200;

    public static readonly IReadOnlyList<FrontMatterField> All =
    [
        new("title", FieldType.Text, ForArticles: true, ForPages: true),
        new("category", FieldType.Text, ForArticles: true, ForPages: false),
        new("risk", FieldType.Text, ForArticles: true, ForPages: false),
        new("summary", FieldType.Text, ForArticles: true, ForPages: true),
        new("healthRisks", FieldType.TextList, ForArticles: true, ForPages: false),
        new("published", FieldType.Date, ForArticles: true, ForPages: false),
        new("updated", FieldType.Date, ForArticles: true, ForPages: true),
        new("lastReviewed", FieldType.Date, ForArticles: true, ForPages: false),
        new("nextReview", FieldType.Date, ForArticles: true, ForPages: false),
        new("tags", FieldType.TextList, ForArticles: true, ForPages: false),
        new("aliases", FieldType.TextList, ForArticles: true, ForPages: true),
        new("draft", FieldType.Flag, ForArticles: true, ForPages: true),
    ];

    public static FrontMatterField? Find(string name) => All.FirstOrDefault(field => field.Name == name);

    /// <summary>The known field an unknown name was most likely meant to be, for a "did you mean" hint.</summary>
    public static string? Suggest(string unknown)
    {
        var best = All
            .Select(field => (field.Name, Distance: EditDistance.Between(unknown.ToLowerInvariant(), field.Name.ToLowerInvariant())))
            .MinBy(candidate => candidate.Distance);
        return best.Distance <= Math.Max(2, unknown.Length / 3) ? best.Name : null;
    }
}
