using Stackwise.Web.Content.Model;

namespace Stackwise.Web.Cards;

/// <summary>What a page's share card says, in the page's language: the title, a label above it (the category, or the kind
/// of page) and the risk level.</summary>
public sealed record ShareCard(string Title, string? Label, RiskBadge? Risk);

/// <summary>A risk level as its badge shows it: the level (its colours) and its words.</summary>
public sealed record RiskBadge(RiskLevel Level, string Text);
