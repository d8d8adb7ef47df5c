using System.Collections.Immutable;
using Stackwise.Web.Rendering;

namespace Stackwise.Web.Content;

/// <summary>A validated article, rendered once when content loads.</summary>
public sealed record Article(
    ContentPath Path,
    string Title,
    string Category,
    RiskLevel Risk,
    string Summary,
    ImmutableArray<string> HealthRisks,
    DateOnly Published,
    DateOnly? Updated,
    string Html,
    ImmutableArray<Heading> Headings)
    : ContentDocument(Path, Title, Summary, Html, Headings)
{
    /// <summary>The date the content last changed: <c>updated</c> when given, else <c>published</c>.</summary>
    public DateOnly Modified => Updated ?? Published;
}
