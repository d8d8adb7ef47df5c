using System.Collections.Immutable;
using System.Text;
using Markdig.Extensions.Yaml;
using Markdig.Helpers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Stackwise.Web.Site;

namespace Stackwise.Web.Rendering;

/// <summary>
/// One pass over a parsed document, in document order, taking everything the site needs from the syntax tree: the
/// nesting limits, the headings with their anchors, the links, the numbered citations and the plain text; and marking
/// external links. It replaced a walk of the whole tree per kind of node (eleven in all), which with a string per block
/// for the text was half of the time and most of the garbage of loading an article ("One walk of the syntax tree" in
/// docs/performance.md). The walk recurses, but checks each level against <see cref="MarkdownLimits.MaxNesting"/>
/// before going down it (other containers, such as table cells, are bounded by Markdig's own limit of 128), so a
/// hostile file stops with a limit, not a stack overflow.
/// </summary>
internal sealed class SyntaxWalk
{
    private readonly LineIndex _lines;
    private readonly StringBuilder _text = new();
    private readonly StringBuilder _headingText = new();
    private readonly HashSet<string> _takenIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _lastSuffix = new(StringComparer.Ordinal);
    private readonly List<MarkdownLink> _links = [];
    private readonly List<MarkdownLink> _autolinks = [];
    private readonly ImmutableArray<Citation>.Builder _citations = ImmutableArray.CreateBuilder<Citation>();
    private readonly Dictionary<string, int> _citationNumbers = new(StringComparer.Ordinal);

    private readonly SharedValues _shared;

    private SyntaxWalk(LineIndex lines, SharedValues shared)
    {
        _lines = lines;
        _shared = shared;
    }

    /// <summary>Every heading in document order, with its anchor, by its block.</summary>
    public OrderedDictionary<HeadingBlock, Heading> Headings { get; } = [];

    /// <summary>Links and images, then autolinks, each in document order.</summary>
    public ImmutableArray<MarkdownLink> Links => [.. _links, .. _autolinks];

    public ImmutableArray<Citation> Citations => _citations.ToImmutable();

    /// <summary>The cited ids by first citation: the order in which they are numbered.</summary>
    public ImmutableArray<string> CitationOrder => [.. _citationNumbers.Keys];

    /// <summary>The body as plain text, one block a line (empty blocks left out), headings and front matter left out.</summary>
    public string Text => _text.ToString();

    /// <exception cref="MarkdownLimitException">Lists and quotes, or emphasis and links, nest deeper than
    /// <see cref="MarkdownLimits.MaxNesting"/>.</exception> <param name="shared">Where headings that documents repeat, and
    /// their anchors, are shared.</param>
    public static SyntaxWalk Of(MarkdownDocument document, LineIndex lines, SharedValues shared)
    {
        var walk = new SyntaxWalk(lines, shared);
        walk.VisitContainer(document, depth: 0);
        return walk;
    }

    private void VisitContainer(ContainerBlock container, int depth)
    {
        foreach (var block in container)
        {
            switch (block)
            {
                case ContainerBlock child:
                    var childDepth = depth + (child is ListBlock or QuoteBlock ? 1 : 0);
                    if (childDepth > MarkdownLimits.MaxNesting)
                    {
                        throw MarkdownLimitException.TooDeep();
                    }
                    VisitContainer(child, childDepth);
                    break;
                case HeadingBlock heading:
                    _headingText.Clear();
                    if (heading.Inline is { } headingInline)
                    {
                        VisitInline(headingInline, 0, _headingText);
                    }
                    AddHeading(heading, _headingText.ToString());
                    break;
                case YamlFrontMatterBlock:
                    break;
                case LeafBlock leaf:
                    var start = _text.Length;
                    if (start > 0)
                    {
                        _text.Append('\n');
                    }
                    var textStart = _text.Length;
                    if (leaf.Inline is { } inline)
                    {
                        VisitInline(inline, 0, _text);
                    }
                    else
                    {
                        _text.Append(leaf.Lines.ToString());
                    }
                    if (_text.Length == textStart)
                    {
                        _text.Length = start;  // an empty block adds no line
                    }
                    break;
            }
        }
    }

    /// <summary>Inlines in document order; literal text and code go to <paramref name="text"/>, a line break as a space.</summary>
    private void VisitInline(ContainerInline container, int depth, StringBuilder text)
    {
        for (var inline = container.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    text.Append(code.ContentSpan);
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
                case AutolinkInline autolink:
                    _autolinks.Add(new MarkdownLink(autolink.Url, false, _lines.PositionOf(autolink.Span.Start)));
                    if (!autolink.IsEmail && IsExternal(autolink.Url))
                    {
                        autolink.GetAttributes().AddPropertyIfNotExist("rel", "noopener noreferrer");
                    }
                    break;
                case CitationInline citation:
                    AddCitation(citation);
                    break;
            }
            if (inline is ContainerInline child)
            {
                if (child is LinkInline link)
                {
                    _links.Add(new MarkdownLink(link.Url ?? "", link.IsImage, _lines.PositionOf(link.Span.Start)));
                    if (!link.IsImage && IsExternal(link.Url))
                    {
                        link.GetAttributes().AddPropertyIfNotExist("rel", "noopener noreferrer");
                    }
                }
                if (depth + 1 > MarkdownLimits.MaxNesting)
                {
                    throw MarkdownLimitException.TooDeep();
                }
                VisitInline(child, depth + 1, text);
            }
        }
    }

    /// <summary>
    /// A GitHub-style anchor set on the block (<c>## The Science</c> becomes <c>the-science</c>; repeats get <c>-1</c>,
    /// <c>-2</c>). Markdig's AutoIdentifiers extension gives the same ids but searches for a free suffix from 1 each time,
    /// which took minutes for many identical headings.
    /// </summary>
    private void AddHeading(HeadingBlock block, string text)
    {
        var baseId = LinkHelper.UrilizeAsGfm(text);
        baseId = baseId.Length == 0 ? "section" : baseId;
        var id = baseId;
        if (!_takenIds.Add(id))
        {
            var suffix = _lastSuffix.GetValueOrDefault(baseId);
            do
            {
                id = $"{baseId}-{++suffix}";
            }
            while (!_takenIds.Add(id));
            _lastSuffix[baseId] = suffix;
        }
        block.GetAttributes().Id = id;
        Headings.Add(block, new Heading(block.Level, _shared.Share(text), _shared.Share(id), _lines.PositionOf(block.Span.Start)));
    }

    /// <summary>Numbers each citation by the first citation of each source, in document order.</summary>
    private void AddCitation(CitationInline citation)
    {
        var position = _lines.PositionOf(citation.Span.Start);
        var numbers = new int[citation.Ids.Length];
        for (var i = 0; i < numbers.Length; i++)
        {
            var id = citation.Ids[i];
            if (!_citationNumbers.TryGetValue(id, out numbers[i]))
            {
                numbers[i] = _citationNumbers[id] = _citationNumbers.Count + 1;
            }
            _citations.Add(new Citation(id, position));
        }
        citation.Numbers = ImmutableArray.Create(numbers);

        // "text [@a]" would let the number wrap alone onto the next line: the white space before it (spaces, tabs or a line
        // break in the source) becomes one space that does not break.
        if (citation.PreviousSibling is LineBreakInline { IsHard: false } lineBreak)
        {
            lineBreak.Remove();
            citation.JoinedToPrevious = true;
        }
        if (citation.PreviousSibling is LiteralInline { Content: { Length: > 0 } content } literal && content.Text[content.End] is ' ' or '\t')
        {
            var end = content.End;
            while (end >= content.Start && content.Text[end] is ' ' or '\t')
            {
                end--;
            }
            literal.Content = new StringSlice(content.Text, content.Start, end);
            citation.JoinedToPrevious = true;
        }
    }

    /// <summary>Links to other sites open without access to this page and without telling them where the reader came from.</summary>
    private static bool IsExternal(string? url) =>
        url is not null && (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("//", StringComparison.Ordinal));
}
