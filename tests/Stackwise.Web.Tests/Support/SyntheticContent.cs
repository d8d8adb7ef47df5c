namespace Stackwise.Web.Tests.Support;

/// <summary>Clearly synthetic content files for tests that write their own content folder.</summary>
public static class SyntheticContent
{
    public const string LowRiskArticle = "---\ntitle: Good\ncategory: Test\nrisk: low\nsummary: Synthetic.\npublished: 2026-01-01\n---\nText.\n";
}
