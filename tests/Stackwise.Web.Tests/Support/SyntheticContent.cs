namespace Stackwise.Web.Tests.Support;

/// <summary>Clearly synthetic content files for tests that write their own content folder.</summary>
public static class SyntheticContent
{
    /// <summary>The UTC day single-file parses in the tests are judged on, fixed so no test depends on the real clock.</summary>
    public static readonly DateOnly ParsedOn = new(2026, 12, 7);

    /// <summary>An article with the front matter given after the required fields (a risk above low gets a synthetic health risk).</summary>
    public static string Article(string title, string category, string risk, string frontMatter, string body = "Synthetic body text.") =>
        $"---\ntitle: {title}\ncategory: {category}\nrisk: {risk}\nsummary: Synthetic summary of {title}.\n"
        + (risk == "low" ? "" : "healthRisks:\n  - Synthetic risk\n") + $"{frontMatter}\n---\n{body}\n";

    public const string LowRiskArticle = "---\ntitle: Good\ncategory: Test\nrisk: low\nsummary: Synthetic.\npublished: 2026-01-01\n---\nText.\n";
}
