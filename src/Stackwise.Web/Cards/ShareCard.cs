using Stackwise.Web.Content.Model;

namespace Stackwise.Web.Cards;

/// <summary>What a page's share card says: the title, a label above it (the category, or the kind of page) and the risk
/// level in words.</summary>
public sealed record ShareCard(string Title, string? Label, RiskLevel? Risk);
