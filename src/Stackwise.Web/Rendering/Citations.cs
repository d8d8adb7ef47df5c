using System.Collections.Immutable;
using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Stackwise.Web.Rendering;

/// <summary>A citation in the body, in Pandoc's syntax: <c>[@smith-2020]</c>, or <c>[@a; @b]</c> for several sources.</summary>
public sealed class CitationInline(ImmutableArray<string> ids) : LeafInline
{
    public ImmutableArray<string> Ids { get; } = ids;

    /// <summary>The number of each id, by first citation in the document; set once the whole document is parsed.</summary>
    public ImmutableArray<int> Numbers { get; set; } = [];

    /// <summary>True when the space written before the citation was taken into it, to be written as one that does not break.</summary>
    public bool JoinedToPrevious { get; set; }
}

/// <summary>One citation of one source, where the body wrote it.</summary>
public sealed record Citation(string Id, SourcePosition Position);

/// <summary>A bracket that opens like a citation but is not one, as written (up to its <c>]</c> on the line), and where.</summary>
public sealed record MalformedCitation(string Text, SourcePosition Position);

/// <summary>
/// Adds citations to the pipeline. The parser runs before Markdig's link parser, and only on a bracket that holds
/// nothing but <c>@key</c>s separated by <c>;</c> and is not followed by <c>(</c> or <c>[</c> (that is a link);
/// inside code spans and code blocks no inline parser runs, so a citation there stays literal text.
/// </summary>
public sealed class CitationExtension : IMarkdownExtension
{
    /// <summary>Sources in one bracket; more is not a citation anyone writes.</summary>
    public const int MaxIdsPerCitation = 20;

    /// <summary>A cited source's entry in the References section has the id <c>ref-{id}</c>.</summary>
    public const string AnchorPrefix = "ref-";

    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.InlineParsers.Contains<CitationParser>())
        {
            pipeline.InlineParsers.InsertBefore<LinkInlineParser>(new CitationParser());
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<CitationRenderer>())
        {
            html.ObjectRenderers.Insert(0, new CitationRenderer());
        }
    }

    private sealed class CitationParser : InlineParser
    {
        public CitationParser() => OpeningCharacters = ['['];

        public override bool Match(InlineProcessor processor, ref StringSlice slice)
        {
            if (TryMatch(processor, ref slice) is { } matched)
            {
                return matched;
            }
            // `[@` and then not a citation: shown as text, as before, and kept for a warning at its place.
            var text = slice.Text;
            var close = text.IndexOf(']', slice.Start, slice.End - slice.Start + 1);
            var newline = text.IndexOf('\n', slice.Start, slice.End - slice.Start + 1);
            var last = close >= 0 && (newline < 0 || close < newline) ? close : (newline >= 0 ? newline - 1 : slice.End);
            var start = processor.GetSourcePosition(slice.Start, out _, out _);
            var found = processor.Document.GetData(typeof(MalformedCitation)) as List<(string, int)> ?? [];
            found.Add((text[slice.Start..(last + 1)], start));
            processor.Document.SetData(typeof(MalformedCitation), found);
            return false;
        }

        /// <summary>True for a citation, false for what is not one and nothing like it (a link), null for a malformed one.</summary>
        private static bool? TryMatch(InlineProcessor processor, ref StringSlice slice)
        {
            var text = slice.Text;
            var end = slice.End;
            var at = slice.Start + 1;
            var ids = ImmutableArray.CreateBuilder<string>();
            while (true)
            {
                at = SkipSpaces(text, at, end);
                if (at > end || text[at] != '@' || ids.Count == MaxIdsPerCitation)
                {
                    return ids.Count == 0 && (at > end || text[at] != '@') ? false : null;
                }
                var keyStart = ++at;
                while (at <= end && IsKeyCharacter(text[at]))
                {
                    at++;
                }
                if (at == keyStart)
                {
                    return null;
                }
                ids.Add(text[keyStart..at]);
                at = SkipSpaces(text, at, end);
                if (at > end || text[at] is not (';' or ']'))
                {
                    return null;
                }
                if (text[at++] == ']')
                {
                    break;
                }
            }
            if (at <= end && text[at] is '(' or '[')
            {
                return false;
            }

            var start = processor.GetSourcePosition(slice.Start, out var line, out var column);
            processor.Inline = new CitationInline(ids.ToImmutable())
            {
                Span = new SourceSpan(start, start + (at - slice.Start) - 1),
                Line = line,
                Column = column,
            };
            slice.Start = at;
            return true;
        }

        private static int SkipSpaces(string text, int at, int end)
        {
            while (at <= end && text[at] == ' ')
            {
                at++;
            }
            return at;
        }

        // Pandoc's citation keys: letters, digits, `_` and internal punctuation.
        private static bool IsKeyCharacter(char c) => char.IsLetterOrDigit(c) || c is '_' or '-' or ':' or '.' or '#' or '$' or '%' or '&' or '+' or '?' or '<' or '>' or '~' or '/';
    }

    /// <summary>Each source as a superscript number linking to its entry in the References section.</summary>
    private sealed class CitationRenderer : HtmlObjectRenderer<CitationInline>
    {
        protected override void Write(HtmlRenderer renderer, CitationInline citation)
        {
            if (citation.JoinedToPrevious)
            {
                renderer.Write(renderer.EnableHtmlForInline ? "&#160;" : " ");
            }
            if (!renderer.EnableHtmlForInline)
            {
                // Inside an attribute (an image's alt text): the numbers as plain text, never markup.
                renderer.Write("[").Write(string.Join(',', citation.Numbers.Select(number => number.ToString(System.Globalization.CultureInfo.InvariantCulture)))).Write("]");
                return;
            }
            renderer.Write("<sup class=\"citation\">");
            for (var i = 0; i < citation.Ids.Length; i++)
            {
                var number = i < citation.Numbers.Length ? citation.Numbers[i] : 0;
                renderer.Write(i == 0 ? "" : ",")
                    .Write("<a href=\"#" + AnchorPrefix).WriteEscapeUrl(citation.Ids[i])
                    .Write("\" aria-label=\"Reference ").Write(number.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    .Write("\">").Write(number.ToString(System.Globalization.CultureInfo.InvariantCulture)).Write("</a>");
            }
            renderer.Write("</sup>");
        }
    }
}
