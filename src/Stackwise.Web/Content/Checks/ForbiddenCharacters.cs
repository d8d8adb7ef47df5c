using System.Buffers;
using System.Globalization;
using System.Text;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Rendering;

namespace Stackwise.Web.Content.Checks;

/// <summary>
/// Characters that no page, feed or sitemap may carry: control characters other than tab and line breaks (XML 1.0
/// cannot carry most of them at all, and none of them shows), Unicode noncharacters (U+FFFE, U+FFFF, U+FDD0 to
/// U+FDEF and the last two of every plane) and lone surrogates (half a character, from a YAML <c>\uD800</c> escape).
/// A file that has one is refused with its position, so no response ever has to encode one.
/// </summary>
public static class ForbiddenCharacters
{
    /// <summary>
    /// Every UTF-16 unit that can be, or be part of, a forbidden character: the controls, the noncharacters of the Basic
    /// Multilingual Plane and every surrogate (a pair may encode a plane's last two code points). A text with none of them
    /// has no forbidden character; one with any is decoded in full by <see cref="Find"/>.
    /// </summary>
    private static readonly SearchValues<char> Suspects = SearchValues.Create([.. Enumerable.Range(0, 0x10000)
        .Where(IsForbidden).Select(unit => (char)unit)]);

    /// <summary>Each character no page or feed may carry, at its line and column (the first few; one is enough to
    /// refuse the file).</summary>
    public static List<ContentProblem> Problems(ContentPath path, string text)
    {
        const int MaxReported = 10;
        var problems = new List<ContentProblem>();
        if (!text.AsSpan().ContainsAny(Suspects))
        {
            return problems;  // nearly every file: one vectorized scan instead of decoding each character
        }
        var (line, lineStart, scanned) = (1, 0, 0);
        foreach (var (index, description) in Find(text).Take(MaxReported))
        {
            for (; scanned < index; scanned++)
            {
                if (text[scanned] == '\n')
                {
                    (line, lineStart) = (line + 1, scanned + 1);
                }
            }
            problems.Add(ContentProblem.Error(path.File, new SourcePosition(line, index - lineStart + 1), ProblemCodes.InvalidCharacter,
                $"the file contains {description}, which no page or feed can carry; delete it (editors often show it as a box or not at all)"));
        }
        return problems;
    }

    /// <summary>The forbidden characters of a text, each with its UTF-16 index and a description for the editor.</summary>
    public static IEnumerable<(int Index, string Description)> Find(string text)
    {
        var index = 0;
        while (index < text.Length)
        {
            var status = Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out var length);
            if (status != OperationStatus.Done)
            {
                yield return (index, $"U+{(int)text[index]:X4} (half of a surrogate pair, not a character)");
            }
            else if (IsForbidden(rune.Value))
            {
                yield return (index, Describe(rune.Value));
            }
            index += Math.Max(length, 1);
        }
    }

    public static bool Any(string text) => text.AsSpan().ContainsAny(Suspects) && Find(text).Any();

    /// <summary>True for a code point no page or feed may carry (a whole code point; surrogates are checked by <see
    /// cref="Find"/>).</summary>
    public static bool IsForbidden(int codePoint) =>
        (codePoint < 0x20 && codePoint is not ('\t' or '\n' or '\r'))
        || codePoint is >= 0x7F and <= 0x9F
        || codePoint is >= 0xD800 and <= 0xDFFF
        || codePoint is >= 0xFDD0 and <= 0xFDEF
        || (codePoint & 0xFFFE) == 0xFFFE;

    private static string Describe(int codePoint)
    {
        var kind = codePoint switch
        {
            0x1B => "the escape control character",
            < 0xA0 => "an invisible control character",
            _ => "a Unicode noncharacter",
        };
        return string.Create(CultureInfo.InvariantCulture, $"U+{codePoint:X4} ({kind})");
    }
}
