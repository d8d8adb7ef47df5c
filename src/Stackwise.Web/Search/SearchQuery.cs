using Stackwise.Web.Content;

namespace Stackwise.Web.Search;

/// <summary>What a reader asked for, bounded: a query longer than <see cref="MaxLength"/> is not something a person meant.</summary>
public sealed record SearchQuery(string Text, string? CategorySlug, RiskLevel? Risk)
{
    public const int MaxLength = 500;

    /// <summary>Words searched at most; the rest of a long query is ignored.</summary>
    public const int MaxTerms = 12;

    public bool IsEmpty => string.IsNullOrWhiteSpace(Text);

    /// <summary>Reads the query string; false for input no person could have meant (the page answers 400).</summary>
    public static bool TryRead(string? text, string? category, string? risk, out SearchQuery query)
    {
        var trimmed = (text ?? "").Trim();
        RiskLevel? level = RiskLevels.TryParse(risk ?? "", out var parsed) ? parsed : null;
        query = new SearchQuery(trimmed, string.IsNullOrEmpty(category) ? null : category, level);
        return trimmed.Length <= MaxLength && (category?.Length ?? 0) <= 100 && !trimmed.Any(char.IsControl);
    }

    /// <summary>A link to these results with one filter changed (null removes it).</summary>
    public string Url(string? categorySlug, RiskLevel? risk)
    {
        var parameters = new List<string> { $"q={Uri.EscapeDataString(Text)}" };
        if (categorySlug is not null)
        {
            parameters.Add($"category={Uri.EscapeDataString(categorySlug)}");
        }
        if (risk is { } level)
        {
            parameters.Add($"risk={level.Slug()}");
        }
        return "/search?" + string.Join("&", parameters);
    }
}
