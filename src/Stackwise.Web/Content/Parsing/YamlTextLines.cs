using System.Buffers;
using YamlDotNet.Core;

namespace Stackwise.Web.Content.Parsing;

/// <summary>
/// The text <see cref="SimpleYamlReader"/> reads: whether it holds a character the reader declines, where each line
/// starts and ends, its indent, where a field name ends, and the marks YamlDotNet would give a position (1-based line
/// and column; the end of a text without a final line break is on the line after it).
/// </summary>
internal sealed class YamlTextLines
{
    // Outside the shapes anywhere in the text: indicators of comments, anchors, aliases, tags, block scalars, directives,
    // reserved characters, flow mappings and escapes; tabs and carriage returns (other spacing rules); YAML 1.1 line
    // breaks, a byte order mark and the non-characters (YamlDotNet reads or refuses them its own way).
    private static readonly SearchValues<char> Declined = SearchValues.Create(
        "\t\r#&*!|>%@`{}\\\u0085\u00A0\u2028\u2029\uFEFF\uFFFE\uFFFF");

    // YamlDotNet refuses a key of over 1,024 characters; no field name comes near this, and a longer one is left to YamlDotNet.
    private const int LongestKey = 64;

    private readonly string _text;
    private readonly List<int> _lineStarts = [0];

    public YamlTextLines(string text)
    {
        _text = text;
        for (var i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1))
        {
            _lineStarts.Add(i + 1);
        }
    }

    public int Count => _lineStarts.Count;

    /// <summary>True when the text holds a character outside every shape the reader takes.</summary>
    public static bool Declines(string text) => text.AsSpan().ContainsAny(Declined) || HasOtherControlOrUnpaired(text);

    // Control characters other than the line feed, and halves of surrogate pairs without their other half.
    private static bool HasOtherControlOrUnpaired(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((c < ' ' && c != '\n') || (c >= '\u007F' && c < '\u00A0'))
            {
                return true;
            }
            if (char.IsSurrogate(c))
            {
                if (!char.IsHighSurrogate(c) || i + 1 == text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return true;
                }
                i++;
            }
        }
        return false;
    }


    public int Start(int line) => _lineStarts[line];

    public int LineEnd(int line) => line + 1 < _lineStarts.Count ? _lineStarts[line + 1] - 1 : _text.Length;

    public int Indent(int line) => SkipSpaces(_lineStarts[line], LineEnd(line)) - _lineStarts[line];

    /// <summary>The first line at or after <paramref name="line"/> that is not empty, or -1 at the end of the text.</summary>
    public int NextContentLine(int line)
    {
        for (; line < _lineStarts.Count; line++)
        {
            if (_lineStarts[line] < LineEnd(line))
            {
                return line;
            }
        }
        return -1;
    }

    public int SkipSpaces(int i, int end)
    {
        while (i < end && _text[i] == ' ')
        {
            i++;
        }
        return i;
    }

    public int TrimEnd(int start, int end)
    {
        while (end > start && _text[end - 1] == ' ')
        {
            end--;
        }
        return end;
    }

    public Mark NextTokenMark(int line) => line < 0 ? EndOfText() : At(_lineStarts[line] + Indent(line), line);

    // YamlDotNet marks the end of a text that does not end with a line break on the line after its last.
    public Mark EndOfText() =>
        new(_text.Length, _text.EndsWith('\n') ? _lineStarts.Count : _lineStarts.Count + 1, 1);

    public Mark At(int index, int line) => new(index, line + 1, index - _lineStarts[line] + 1);

    /// <summary>The index of the colon after a field name at <paramref name="start"/> (a letter, then letters, digits,
    /// '-' or '_'), or -1.</summary>
    public int KeyEnd(int start, int lineEnd)
    {
        if (start >= lineEnd || !char.IsAsciiLetter(_text[start]))
        {
            return -1;
        }
        var i = start + 1;
        while (i < lineEnd && (char.IsAsciiLetterOrDigit(_text[i]) || _text[i] is '-' or '_'))
        {
            i++;
        }
        return i - start <= LongestKey && i < lineEnd && _text[i] == ':' && (i + 1 == lineEnd || _text[i + 1] == ' ') ? i : -1;
    }
}
