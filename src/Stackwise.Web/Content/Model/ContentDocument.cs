using System.Collections.Immutable;
using Stackwise.Web.Rendering;

namespace Stackwise.Web.Content.Model;

/// <summary>What every validated content file has: where it lives, its title and summary, and its rendered body.</summary>
public abstract record ContentDocument(
    ContentPath Path,
    string Title,
    string Summary,
    CompactText Html,
    ImmutableArray<Heading> Headings)
{
    public string Url => Path.Url;

    /// <summary>Old paths of this document, lowercase and without a trailing slash; each answers 301 to <see cref="Url"/>.</summary>
    public ImmutableArray<string> Aliases { get; init; } = [];

    /// <summary>A draft is never public: it is left out in Production and shown with a banner in Development.</summary>
    public bool IsDraft { get; init; }

    /// <summary>The body as plain text, for search.</summary>
    public CompactText Text { get; init; } = CompactText.Empty;

    /// <summary>The links and images of the body, kept so links between pages can be checked.</summary>
    public ImmutableArray<MarkdownLink> Links { get; init; } = [];
}
