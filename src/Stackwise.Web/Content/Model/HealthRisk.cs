namespace Stackwise.Web.Content.Model;

/// <summary>What kind of risk a <c>healthRisks</c> item states; structured data files each kind under its own property.</summary>
public enum HealthRiskKind
{
    SideEffect,
    Serious,
    Contraindication,
    Interaction,
}

/// <summary>One item of an article's "Health Risks" list: its words, shown as written, and its kind (a side effect
/// unless the editor says otherwise).</summary>
public sealed record HealthRisk(string Text, HealthRiskKind Kind = HealthRiskKind.SideEffect)
{
    /// <summary>The kinds as editors write them in <c>kind:</c>, in the order docs/authoring.md lists them.</summary>
    public static readonly IReadOnlyList<(string Name, HealthRiskKind Kind)> Kinds =
    [
        ("side-effect", HealthRiskKind.SideEffect),
        ("serious", HealthRiskKind.Serious),
        ("contraindication", HealthRiskKind.Contraindication),
        ("interaction", HealthRiskKind.Interaction),
    ];
}
