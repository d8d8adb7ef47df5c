using System.Collections.Immutable;
using Stackwise.Web.Site;

namespace Stackwise.Web.Content.Model;

/// <summary>The closed set of risk levels an article can carry.</summary>
public enum RiskLevel
{
    Low,
    Moderate,
    High,
}

public static class RiskLevels
{
    /// <summary>The values editors write in front matter, in order.</summary>
    public static readonly ImmutableArray<string> Names = ["low", "moderate", "high"];

    public static bool TryParse(string value, out RiskLevel risk)
    {
        var index = Names.IndexOf(value);
        risk = index >= 0 ? (RiskLevel)index : default;
        return index >= 0;
    }

    /// <summary>The lowercase name used in front matter, URLs and CSS classes.</summary>
    public static string Slug(this RiskLevel risk) => Names[(int)risk];

    /// <summary>The page listing every article of the level.</summary>
    public static string Url(this RiskLevel risk) => SiteRoutes.RiskLevel(risk.Slug());
}
