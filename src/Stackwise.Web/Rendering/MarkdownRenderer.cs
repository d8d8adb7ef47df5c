using System.Collections.Immutable;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Stackwise.Web.Site;

namespace Stackwise.Web.Rendering;

/// <summary>
/// The site's one Markdig pipeline. It is immutable and thread-safe, so a single instance serves every
/// content load. Raw HTML is disabled: markup typed into a content file is shown as text, never run.
/// Input that would make parsing slow or the page unreadable stops with a <see cref="MarkdownLimitException"/>
/// naming the limit (<see cref="MarkdownLimits"/>).
/// </summary>
public sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .UseEmphasisExtras()
        .Use<CitationExtension>()
        .DisableHtml()
        .Build();

    /// <summary>
    /// How Markdig's own depth guard words its <see cref="ArgumentException"/>, which has no type or code of its own;
    /// <c>MarkdownRendererTests</c> makes Markdig throw it and fails when the wording changes.
    /// </summary>
    internal const string MarkdigTooDeep = "too deeply nested";

    /// <summary>Parses once and takes the front matter, the HTML, the headings and the links from the one syntax tree.</summary>
    /// <param name="shared">Where headings that documents repeat, and their anchors, are shared; none when not given.</param>
    public RenderedMarkdown Render(string markdown, SharedValues? shared = null)
    {
        try
        {
            return RenderWithinLimits(markdown, shared ?? new SharedValues());
        }
        catch (ArgumentException e) when (e.Message.Contains(MarkdigTooDeep, StringComparison.Ordinal))
        {
            // Markdig's own guard (128 levels, fewer in its HTML writer), in case input gets past ours.
            throw MarkdownLimitException.TooDeep();
        }
    }

    private RenderedMarkdown RenderWithinLimits(string markdown, SharedValues shared)
    {
        MarkdownLimits.CheckText(markdown);
        var document = Markdown.Parse(markdown, _pipeline);
        var lines = LineIndex.Of(markdown);
        var walk = SyntaxWalk.Of(document, lines, shared);

        var frontMatterBlock = document.Count > 0 ? document[0] as YamlFrontMatterBlock : null;
        string? frontMatter = frontMatterBlock?.Lines.ToString();
        int frontMatterLine = frontMatterBlock is null ? 0 : frontMatterBlock.Line + 2;

        var headingOf = walk.Headings;
        var headings = headingOf.Values.ToImmutableArray();
        var emptySections = document
            .Select((block, index) => (Block: block, Next: index + 1 < document.Count ? document[index + 1] : null))
            .Where(pair => pair.Block is HeadingBlock heading && (pair.Next is null || pair.Next is HeadingBlock { } next && next.Level <= heading.Level))
            .Select(pair => headingOf[(HeadingBlock)pair.Block])
            .ToImmutableArray();

        // Markdig's pooled renderer and writer: a new HtmlRenderer per document set up every object renderer again.
        var html = document.ToHtml(_pipeline);
        var text = walk.Text;
        var wordCount = CountWords(text) + headings.Sum(heading => CountWords(heading.Text));

        return new RenderedMarkdown(frontMatter, frontMatterLine, html, headings, walk.Links, wordCount, emptySections, text)
        {
            Citations = walk.Citations,
            MalformedCitations = document.GetData(typeof(MalformedCitation)) is List<(string Text, int Offset)> malformed
                ? [.. malformed.DistinctBy(found => found.Offset).Select(found => new MalformedCitation(found.Text, lines.PositionOf(found.Offset)))]
                : [],
            CitationOrder = walk.CitationOrder,
            BodyLine = frontMatterBlock is null ? 1 : lines.PositionOf(frontMatterBlock.Span.End).Line + 1,
        };
    }

    private static int CountWords(ReadOnlySpan<char> text)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var isWordChar = !char.IsWhiteSpace(c);
            words += isWordChar && !inWord ? 1 : 0;
            inWord = isWordChar;
        }
        return words;
    }
}
