using System.Collections.Immutable;
using System.Text;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Helpers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

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

    /// <summary>Parses once and takes the front matter, the HTML, the headings and the links from the one syntax tree.</summary>
    public RenderedMarkdown Render(string markdown)
    {
        try
        {
            return RenderWithinLimits(markdown);
        }
        catch (ArgumentException e) when (e.Message.Contains("too deeply nested", StringComparison.Ordinal))
        {
            // Markdig's own guard (128 levels, fewer in its HTML writer), in case input gets past ours.
            throw MarkdownLimitException.TooDeep();
        }
    }

    private RenderedMarkdown RenderWithinLimits(string markdown)
    {
        MarkdownLimits.CheckLinkCount(markdown);
        var document = Markdown.Parse(markdown, _pipeline);
        MarkdownLimits.CheckNesting(document);
        var lines = LineIndex.Of(markdown);

        var frontMatterBlock = document.Descendants<YamlFrontMatterBlock>().FirstOrDefault();
        string? frontMatter = frontMatterBlock?.Lines.ToString();
        int frontMatterLine = frontMatterBlock is null ? 0 : frontMatterBlock.Line + 2;

        var headingOf = ReadHeadings(document, lines);
        var headings = headingOf.Values.ToImmutableArray();
        var emptySections = document
            .Select((block, index) => (Block: block, Next: index + 1 < document.Count ? document[index + 1] : null))
            .Where(pair => pair.Block is HeadingBlock heading && (pair.Next is null || pair.Next is HeadingBlock { } next && next.Level <= heading.Level))
            .Select(pair => headingOf[(HeadingBlock)pair.Block])
            .ToImmutableArray();

        var links = document.Descendants<LinkInline>()
            .Select(l => new MarkdownLink(l.Url ?? "", l.IsImage, lines.PositionOf(l.Span.Start)))
            .Concat(document.Descendants<AutolinkInline>()
                .Select(l => new MarkdownLink(l.Url, false, lines.PositionOf(l.Span.Start))))
            .ToImmutableArray();

        var citationOrder = CitationExtension.Number(document);
        var citations = document.Descendants<CitationInline>()
            .SelectMany(citation => citation.Ids.Select(id => new Citation(id, lines.PositionOf(citation.Span.Start))))
            .ToImmutableArray();

        MarkExternalLinks(document);

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        _pipeline.Setup(renderer);
        renderer.Render(document);

        var text = string.Join('\n', document.Descendants<LeafBlock>()
            .Where(block => block is not HeadingBlock and not YamlFrontMatterBlock)
            .Select(block => block.Inline is { } inline ? PlainText(inline) : block.Lines.ToString())
            .Where(line => line.Length > 0));
        var wordCount = CountWords(text) + headings.Sum(heading => CountWords(heading.Text));

        return new RenderedMarkdown(frontMatter, frontMatterLine, writer.ToString(), headings, links, wordCount, emptySections, text)
        {
            Citations = citations,
            CitationOrder = citationOrder,
            BodyLine = frontMatterBlock is null ? 1 : lines.PositionOf(frontMatterBlock.Span.End).Line + 1,
        };
    }

    /// <summary>
    /// Every heading in document order, with its GitHub-style anchor set on the block (<c>## The Science</c> becomes
    /// <c>the-science</c>; repeats get <c>-1</c>, <c>-2</c>), in one pass. Markdig's AutoIdentifiers extension gives the
    /// same ids but searches for a free suffix from 1 each time, which took minutes for many identical headings.
    /// </summary>
    private static OrderedDictionary<HeadingBlock, Heading> ReadHeadings(MarkdownDocument document, LineIndex lines)
    {
        var headings = new OrderedDictionary<HeadingBlock, Heading>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var lastSuffix = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var block in document.Descendants<HeadingBlock>())
        {
            var text = PlainText(block.Inline);
            var baseId = LinkHelper.UrilizeAsGfm(text);
            baseId = baseId.Length == 0 ? "section" : baseId;
            var id = baseId;
            if (!taken.Add(id))
            {
                var suffix = lastSuffix.GetValueOrDefault(baseId);
                do
                {
                    id = $"{baseId}-{++suffix}";
                }
                while (!taken.Add(id));
                lastSuffix[baseId] = suffix;
            }
            block.GetAttributes().Id = id;
            headings.Add(block, new Heading(block.Level, text, id, lines.PositionOf(block.Span.Start)));
        }
        return headings;
    }

    /// <summary>Links to other sites open without access to this page and without telling them where the reader came from.</summary>
    private static void MarkExternalLinks(MarkdownDocument document)
    {
        foreach (var link in document.Descendants<LinkInline>().Where(link => !link.IsImage && IsExternal(link.Url)))
        {
            link.GetAttributes().AddPropertyIfNotExist("rel", "noopener noreferrer");
        }
        foreach (var link in document.Descendants<AutolinkInline>().Where(link => !link.IsEmail && IsExternal(link.Url)))
        {
            link.GetAttributes().AddPropertyIfNotExist("rel", "noopener noreferrer");
        }
    }

    private static bool IsExternal(string? url) =>
        url is not null && (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("//", StringComparison.Ordinal));

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

    private static string PlainText(ContainerInline? inline)
    {
        var text = new StringBuilder();
        foreach (var child in inline?.Descendants<Inline>() ?? [])
        {
            _ = child switch
            {
                LiteralInline literal => text.Append(literal.Content),
                CodeInline code => text.Append(code.Content),
                LineBreakInline => text.Append(' '),
                _ => text,
            };
        }
        return text.ToString();
    }
}
