using System.Collections.Immutable;

namespace Stackwise.Web.Rendering;

/// <summary>Everything taken from one parse of a markdown file.</summary>
/// <param name="FrontMatter">The YAML between the opening and closing <c>---</c>, or null when there is none.</param>
/// <param name="Text">The body as plain text, one block a line, headings left out: what search indexes and quotes.</param>
/// <param name="EmptySections">Headings followed by no text before the next heading of the same or a higher level.</param>
/// <param name="WordCount">Words of the body text a reader reads, for the reading time.</param>
/// <param name="FrontMatterLine">The 1-based file line on which the YAML starts, so YAML positions can be mapped to the file.</param>
public sealed record RenderedMarkdown(
    string? FrontMatter,
    int FrontMatterLine,
    string Html,
    ImmutableArray<Heading> Headings,
    ImmutableArray<MarkdownLink> Links,
    int WordCount,
    ImmutableArray<Heading> EmptySections,
    string Text)
{
    /// <summary>Every citation of every source, in document order.</summary>
    public ImmutableArray<Citation> Citations { get; init; } = [];

    /// <summary>The cited ids by first citation: the order in which they are numbered.</summary>
    public ImmutableArray<string> CitationOrder { get; init; } = [];

    /// <summary>Brackets that open like a citation (<c>[@</c>) but are not one, such as <c>[@a;]</c> or <c>[@a,
    /// @b]</c>: shown as text.</summary>
    public ImmutableArray<MalformedCitation> MalformedCitations { get; init; } = [];

    /// <summary>The first file line after the front matter.</summary>
    public int BodyLine { get; init; } = 1;
}
