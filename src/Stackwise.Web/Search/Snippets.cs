using System.Collections.Immutable;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Stackwise.Web.Content.Checks;

namespace Stackwise.Web.Search;

/// <summary>
/// A short passage of an article's own text around the words that matched, with those words marked. It is
/// cut from the article, never from the query, so nothing a reader types is echoed into the page.
/// </summary>
public static class Snippets
{
    public const int Length = 220;

    /// <summary>Matches looked for at most: enough to place a good window without analyzing a whole long article.</summary>
    private const int MaxMatches = 6;

    public static ImmutableArray<SnippetPart> Build(string text, ImmutableArray<string> stems, ImmutableArray<string> words, Analyzer analyzer)
    {
        var matches = Matches(text, stems, words, analyzer);
        var start = BestStart(text, matches);
        var end = Math.Min(text.Length, start + Length);
        end = end < text.Length && text.LastIndexOf(' ', end - 1, end - start) is > 0 and var space && space > start ? space : end;

        var parts = ImmutableArray.CreateBuilder<SnippetPart>();
        if (start > 0)
        {
            parts.Add(new SnippetPart("… ", false));
        }
        var position = start;
        foreach (var (matchStart, matchEnd) in matches.Where(match => match.Start >= start && match.End <= end))
        {
            parts.Add(new SnippetPart(Flatten(text[position..matchStart]), false));
            parts.Add(new SnippetPart(text[matchStart..matchEnd], true));
            position = matchEnd;
        }
        parts.Add(new SnippetPart(Flatten(text[position..end]) + (end < text.Length ? " …" : ""), false));
        return [.. parts.Where(part => part.Text.Length > 0)];
    }

    /// <summary>Where each word of the text that matches the query starts and ends.</summary>
    private static List<(int Start, int End)> Matches(string text, ImmutableArray<string> stems, ImmutableArray<string> words, Analyzer analyzer)
    {
        var matches = new List<(int Start, int End)>();
        using var stream = analyzer.GetTokenStream("body", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offsets = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            // Compared in place: this runs for every word of up to ten articles per search, so no string is made per word.
            var word = text.AsSpan(offsets.StartOffset, offsets.EndOffset - offsets.StartOffset);
            if (IsStem(term.Buffer.AsSpan(0, term.Length), stems) || IsNearAny(words, word))
            {
                // CJK pairs overlap (ガイ, イド in ガイド): one match from the first start to the last end.
                if (matches.Count > 0 && offsets.StartOffset < matches[^1].End)
                {
                    matches[^1] = (matches[^1].Start, Math.Max(matches[^1].End, offsets.EndOffset));
                    continue;
                }
                matches.Add((offsets.StartOffset, offsets.EndOffset));
                if (matches.Count == MaxMatches)
                {
                    break;
                }
            }
        }
        stream.End();
        return matches;
    }

    /// <summary>The start of the window (at a word boundary) holding the most matches; the text's start when none.</summary>
    private static int BestStart(string text, List<(int Start, int End)> matches)
    {
        if (matches.Count == 0)
        {
            return 0;
        }
        var best = matches.MaxBy(match => matches.Count(other => other.Start >= match.Start && other.End <= match.Start + Length)).Start;
        var from = best - 40;
        if (from <= 0)
        {
            return 0;
        }
        var boundary = text.IndexOf(' ', from);
        return boundary < 0 || boundary >= best ? from : boundary + 1;
    }

    private static bool IsStem(ReadOnlySpan<char> term, ImmutableArray<string> stems)
    {
        foreach (var stem in stems)
        {
            if (term.SequenceEqual(stem))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A typed word within its edit distance of the text's word (in lower case); the word is only copied when
    /// the cheap tests pass.</summary>
    private static bool IsNearAny(ImmutableArray<string> words, ReadOnlySpan<char> word)
    {
        foreach (var typed in words)
        {
            if (typed.Length >= 4 && word.Length > 0 && typed[0] == char.ToLowerInvariant(word[0])
                && Math.Abs(typed.Length - word.Length) <= SearchIndex.MaxEdits(typed)
                && EditDistance.Between(typed, word.ToString().ToLowerInvariant()) <= SearchIndex.MaxEdits(typed))
            {
                return true;
            }
        }
        return false;
    }

    private static string Flatten(string text) => text.Replace('\n', ' ');
}
