using System.Globalization;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Site;

namespace Stackwise.Web.Search;

/// <summary>What a reader asked for, bounded: a query longer than <see cref="MaxLength"/> is not something a person meant.</summary>
public sealed record SearchQuery(string Text, string? CategorySlug, RiskLevel? Risk, int Page = 1)
{
    /// <summary>Result pages a reader can page through; past that, a narrower query serves them better.</summary>
    public const int MaxPage = 50;

    public const int MaxLength = 500;

    /// <summary>Words searched at most; the rest of a long query is ignored.</summary>
    public const int MaxTerms = 12;

    public bool IsEmpty => string.IsNullOrWhiteSpace(Text);

    /// <summary>Reads the query string; false for input no person could have meant (the page answers 400).</summary>
    public static bool TryRead(string? text, string? category, string? risk, string? page, out SearchQuery query)
    {
        var trimmed = (text ?? "").Trim();
        RiskLevel? level = RiskLevels.TryParse(risk ?? "", out var parsed) ? parsed : null;
        var pageNumber = int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : 1;
        query = new SearchQuery(trimmed, string.IsNullOrEmpty(category) ? null : category, level, Math.Clamp(pageNumber, 1, MaxPage));
        return trimmed.Length <= MaxLength && (category?.Length ?? 0) <= 100 && !trimmed.Any(char.IsControl);
    }

    /// <summary>A link to these results with a filter changed (null removes it), from the first page or a given one.</summary>
    public string Url(string? categorySlug, RiskLevel? risk, int page = 1)
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
        if (page > 1)
        {
            parameters.Add(string.Create(CultureInfo.InvariantCulture, $"page={page}"));
        }
        return SiteRoutes.Search + "?" + string.Join("&", parameters);
    }
}
