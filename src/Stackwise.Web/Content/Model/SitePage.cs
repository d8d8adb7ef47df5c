using System.Collections.Immutable;
using Stackwise.Web.Rendering;

namespace Stackwise.Web.Content.Model;

/// <summary>A plain site page (terms, privacy, ...) from <c>content/pages/</c>, served at the root.</summary>
public sealed record SitePage(
    ContentPath Path,
    string Title,
    string Summary,
    DateOnly? Updated,
    CompactText Html,
    ImmutableArray<Heading> Headings)
    : ContentDocument(Path, Title, Summary, Html, Headings);
