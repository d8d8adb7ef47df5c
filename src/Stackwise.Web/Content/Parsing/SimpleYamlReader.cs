using System.Buffers;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using TagDirective = YamlDotNet.Core.Tokens.TagDirective;

namespace Stackwise.Web.Content.Parsing;

/// <summary>
/// Reads the shapes <see cref="SimpleYamlParser"/> takes, line by line, into YamlDotNet's events with YamlDotNet's marks
/// (its quirks included: a list written at its field's own indent starts at its dash and ends after it; block ends are
/// marked at the next token; the end of a text without a final line break is marked on the line after it). Every method
/// returns false at the first thing outside those shapes, a line that no block takes is left unread, and <see cref="Read"/>
/// returns null for either.
/// </summary>
internal sealed class SimpleYamlReader
{
    // Outside the shapes anywhere in the text: indicators of comments, anchors, aliases, tags, block scalars, directives,
    // reserved characters, flow mappings and escapes; tabs and carriage returns (other spacing rules); YAML 1.1 line
    // breaks, a byte order mark and the non-characters (YamlDotNet reads or refuses them its own way).
    private static readonly SearchValues<char> Declined = SearchValues.Create(
        "\t\r#&*!|>%@`{}\\\u0085\u00A0\u2028\u2029\uFEFF\uFFFE\uFFFF");

    // A plain value cannot start with these (YAML's indicators); quotes and '[' start the other kinds of value.
    private static readonly SearchValues<char> NotPlainStart = SearchValues.Create("-?:,[]{}#&*!|>'\"%@`");

    // A plain word in a flow list cannot hold these.
    private static readonly SearchValues<char> NotInFlowWord = SearchValues.Create(",[]{}:?#'\"");

    // YamlDotNet refuses a key of over 1,024 characters; no field name comes near this, and a longer one is left to YamlDotNet.
    private const int LongestKey = 64;

    private static readonly AnchorName NoAnchor = AnchorName.Empty;
    private static readonly TagName NoTag = TagName.Empty;

    private readonly string _text;
    private readonly List<int> _lineStarts = [0];
    private readonly List<ParsingEvent> _events = new(48);

    // The first line a mapping or list left unread (-1 at the end of the text).
    private int _nextLine;

    public SimpleYamlReader(string text) => _text = text;

    public List<ParsingEvent>? Read()
    {
        if (_text.AsSpan().ContainsAny(Declined) || HasOtherControlOrUnpaired(_text))
        {
            return null;
        }
        for (var i = _text.IndexOf('\n'); i >= 0; i = _text.IndexOf('\n', i + 1))
        {
            _lineStarts.Add(i + 1);
        }
        for (var line = 0; line < _lineStarts.Count; line++)
        {
            if (_lineStarts[line] < LineEnd(line) && Indent(line) == LineEnd(line) - _lineStarts[line])
            {
                return null; // a line of spaces only
            }
        }
        var first = NextContentLine(0);
        if (first != 0 || Indent(first) != 0)
        {
            return null;
        }
        var start = At(0, 0);
        _events.Add(new StreamStart(start, start));
        _events.Add(new DocumentStart(null, DefaultTags(), isImplicit: true, start, start));
        if (!Mapping(first, 0) || _nextLine >= 0)
        {
            return null; // outside the shapes, or a line no block took
        }
        var end = EndOfText();
        _events.Add(new DocumentEnd(isImplicit: true, end, end));
        _events.Add(new StreamEnd(end, end));
        return _events;
    }

    /// <summary>A block mapping whose first key is at <paramref name="column"/> of <paramref name="line"/> (after a
    /// list's dash for an item).</summary>
    private bool Mapping(int line, int column)
    {
        var start = At(_lineStarts[line] + column, line);
        _events.Add(new MappingStart(NoAnchor, NoTag, isImplicit: true, MappingStyle.Block, start, start));
        do
        {
            var keyStart = _lineStarts[line] + column;
            var colon = KeyEnd(keyStart, LineEnd(line));
            if (colon < 0)
            {
                return false;
            }
            _events.Add(new Scalar(NoAnchor, NoTag, _text[keyStart..colon], ScalarStyle.Plain, isPlainImplicit: true,
                isQuotedImplicit: false, At(keyStart, line), At(colon, line), isKey: true));
            if (!FieldValue(line, column, colon + 1))
            {
                return false;
            }
            line = _nextLine;
        }
        while (GoesOn(line, column));
        var end = NextTokenMark(line);
        _events.Add(new MappingEnd(end, end));
        _nextLine = line;
        return true;
    }

    /// <summary>What follows a key's colon: a value on the same line, a list on the lines below, or nothing.</summary>
    private bool FieldValue(int line, int column, int afterColon)
    {
        var lineEnd = LineEnd(line);
        var valueStart = SkipSpaces(afterColon, lineEnd);
        if (valueStart < lineEnd)
        {
            _nextLine = NextContentLine(line + 1);
            return _text[valueStart] == '[' ? FlowList(line, valueStart) : Scalar(line, valueStart, lineEnd);
        }
        var next = NextContentLine(line + 1);
        if (next >= 0 && Indent(next) >= column && _text[_lineStarts[next] + Indent(next)] == '-')
        {
            return List(next, Indent(next), atFieldIndent: Indent(next) == column);
        }
        var empty = At(afterColon, line);
        _events.Add(new Scalar(NoAnchor, NoTag, "", ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false, empty, empty, isKey: false));
        _nextLine = next;
        return true;
    }

    /// <summary>A block list whose dashes are at <paramref name="column"/>; items are one-line scalars or mappings.</summary>
    private bool List(int line, int column, bool atFieldIndent)
    {
        var dash = _lineStarts[line] + column;
        _events.Add(new SequenceStart(NoAnchor, NoTag, isImplicit: true, SequenceStyle.Block, At(dash, line), atFieldIndent ? At(dash + 1, line) : At(dash, line)));
        do
        {
            var lineEnd = LineEnd(line);
            var item = _lineStarts[line] + column;
            if (_text[item] != '-' || item + 1 >= lineEnd || _text[item + 1] != ' ')
            {
                return false;
            }
            var content = SkipSpaces(item + 1, lineEnd);
            if (content == lineEnd)
            {
                return false;
            }
            if (KeyEnd(content, lineEnd) >= 0)
            {
                if (!Mapping(line, content - _lineStarts[line]))
                {
                    return false;
                }
            }
            else
            {
                _nextLine = NextContentLine(line + 1);
                if (_text[content] == '[' || !Scalar(line, content, lineEnd))
                {
                    return false;
                }
            }
            line = _nextLine;
        }
        while (GoesOn(line, column) && _text[_lineStarts[line] + column] == '-');
        var end = NextTokenMark(line);
        _events.Add(new SequenceEnd(end, end));
        _nextLine = line;
        return true;
    }

    /// <summary>A plain or quoted value from <paramref name="start"/> to the end of its line.</summary>
    private bool Scalar(int line, int start, int lineEnd)
    {
        var quote = _text[start];
        if (quote is '"' or '\'')
        {
            var close = _text.IndexOf(quote, start + 1, lineEnd - start - 1);
            if (close < 0 || SkipSpaces(close + 1, lineEnd) != lineEnd)
            {
                return false;
            }
            _events.Add(new Scalar(NoAnchor, NoTag, _text[(start + 1)..close], quote == '"' ? ScalarStyle.DoubleQuoted : ScalarStyle.SingleQuoted,
                isPlainImplicit: false, isQuotedImplicit: true, At(start, line), At(close + 1, line), isKey: false));
            return true;
        }
        var end = TrimEnd(start, lineEnd);
        var value = _text.AsSpan(start, end - start);
        if (NotPlainStart.Contains(quote) || value.Contains(": ", StringComparison.Ordinal) || value[^1] == ':')
        {
            return false;
        }
        _events.Add(new Scalar(NoAnchor, NoTag, value.ToString(), ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false,
            At(start, line), At(end, line), isKey: false));
        return true;
    }

    /// <summary>A one-line flow list of plain words, <c>[a, b c]</c>, that ends its line.</summary>
    private bool FlowList(int line, int open)
    {
        var lineEnd = LineEnd(line);
        var start = At(open, line);
        _events.Add(new SequenceStart(NoAnchor, NoTag, isImplicit: true, SequenceStyle.Flow, start, start));
        var position = open + 1;
        while (true)
        {
            var wordStart = SkipSpaces(position, lineEnd);
            var separator = _text.AsSpan(wordStart, lineEnd - wordStart).IndexOfAny(',', ']');
            if (separator < 0)
            {
                return false;
            }
            separator += wordStart;
            var wordEnd = TrimEnd(wordStart, separator);
            var word = _text.AsSpan(wordStart, wordEnd - wordStart);
            if (word.IsEmpty || word[0] == '-' || word.ContainsAny(NotInFlowWord))
            {
                return false;
            }
            _events.Add(new Scalar(NoAnchor, NoTag, word.ToString(), ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false,
                At(wordStart, line), At(wordEnd, line), isKey: false));
            position = separator + 1;
            if (_text[separator] == ']')
            {
                if (SkipSpaces(position, lineEnd) != lineEnd)
                {
                    return false;
                }
                var close = At(separator, line);
                _events.Add(new SequenceEnd(close, close));
                return true;
            }
        }
    }

    /// <summary>The index of the colon after a field name at <paramref name="start"/> (a letter, then letters, digits,
    /// '-' or '_'), or -1.</summary>
    private int KeyEnd(int start, int lineEnd)
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

    private static TagDirectiveCollection DefaultTags() =>
        [new TagDirective("!", "!"), new TagDirective("!!", "tag:yaml.org,2002:")];

    /// <summary>
    /// Whether a block whose entries start at <paramref name="column"/> goes on at <paramref name="line"/> (-1 for the end
    /// of the text). Any other line ends it; one that no enclosing block takes either (deeper, misaligned, or not a
    /// field where a field must be) is left unread, and an unread line declines the whole text (<see cref="Read"/>).
    /// </summary>
    private bool GoesOn(int line, int column) => line >= 0 && Indent(line) == column;

    private int LineEnd(int line) => line + 1 < _lineStarts.Count ? _lineStarts[line + 1] - 1 : _text.Length;

    private int Indent(int line) => SkipSpaces(_lineStarts[line], LineEnd(line)) - _lineStarts[line];

    /// <summary>The first line at or after <paramref name="line"/> that is not empty, or -1 at the end of the text.</summary>
    private int NextContentLine(int line)
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

    private int SkipSpaces(int i, int end)
    {
        while (i < end && _text[i] == ' ')
        {
            i++;
        }
        return i;
    }

    private int TrimEnd(int start, int end)
    {
        while (end > start && _text[end - 1] == ' ')
        {
            end--;
        }
        return end;
    }

    private Mark NextTokenMark(int line) => line < 0 ? EndOfText() : At(_lineStarts[line] + Indent(line), line);

    // YamlDotNet marks the end of a text that does not end with a line break on the line after its last.
    private Mark EndOfText() =>
        new(_text.Length, _text.EndsWith('\n') ? _lineStarts.Count : _lineStarts.Count + 1, 1);

    private Mark At(int index, int line) => new(index, line + 1, index - _lineStarts[line] + 1);
}
