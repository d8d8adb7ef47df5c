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
    // A plain value cannot start with these (YAML's indicators); quotes and '[' start the other kinds of value.
    private static readonly SearchValues<char> NotPlainStart = SearchValues.Create("-?:,[]{}#&*!|>'\"%@`");

    // A plain word in a flow list cannot hold these.
    private static readonly SearchValues<char> NotInFlowWord = SearchValues.Create(",[]{}:?#'\"");

    private static readonly AnchorName NoAnchor = AnchorName.Empty;
    private static readonly TagName NoTag = TagName.Empty;

    private readonly string _text;
    private YamlTextLines _lines = null!;
    private readonly List<ParsingEvent> _events = new(48);

    // The first line a mapping or list left unread (-1 at the end of the text).
    private int _nextLine;

    public SimpleYamlReader(string text) => _text = text;

    public List<ParsingEvent>? Read()
    {
        if (YamlTextLines.Declines(_text))
        {
            return null;
        }
        _lines = new YamlTextLines(_text);
        for (var line = 0; line < _lines.Count; line++)
        {
            if (_lines.Start(line) < _lines.LineEnd(line) && _lines.Indent(line) == _lines.LineEnd(line) - _lines.Start(line))
            {
                return null; // a line of spaces only
            }
        }
        var first = _lines.NextContentLine(0);
        if (first != 0 || _lines.Indent(first) != 0)
        {
            return null;
        }
        var start = _lines.At(0, 0);
        _events.Add(new StreamStart(start, start));
        _events.Add(new DocumentStart(null, DefaultTags(), isImplicit: true, start, start));
        if (!Mapping(first, 0) || _nextLine >= 0)
        {
            return null; // outside the shapes, or a line no block took
        }
        var end = _lines.EndOfText();
        _events.Add(new DocumentEnd(isImplicit: true, end, end));
        _events.Add(new StreamEnd(end, end));
        return _events;
    }

    /// <summary>A block mapping whose first key is at <paramref name="column"/> of <paramref name="line"/> (after a
    /// list's dash for an item).</summary>
    private bool Mapping(int line, int column)
    {
        var start = _lines.At(_lines.Start(line) + column, line);
        _events.Add(new MappingStart(NoAnchor, NoTag, isImplicit: true, MappingStyle.Block, start, start));
        do
        {
            var keyStart = _lines.Start(line) + column;
            var colon = _lines.KeyEnd(keyStart, _lines.LineEnd(line));
            if (colon < 0)
            {
                return false;
            }
            _events.Add(new Scalar(NoAnchor, NoTag, _text[keyStart..colon], ScalarStyle.Plain, isPlainImplicit: true,
                isQuotedImplicit: false, _lines.At(keyStart, line), _lines.At(colon, line), isKey: true));
            if (!FieldValue(line, column, colon + 1))
            {
                return false;
            }
            line = _nextLine;
        }
        while (GoesOn(line, column));
        var end = _lines.NextTokenMark(line);
        _events.Add(new MappingEnd(end, end));
        _nextLine = line;
        return true;
    }

    /// <summary>What follows a key's colon: a value on the same line, a list on the lines below, or nothing.</summary>
    private bool FieldValue(int line, int column, int afterColon)
    {
        var lineEnd = _lines.LineEnd(line);
        var valueStart = _lines.SkipSpaces(afterColon, lineEnd);
        if (valueStart < lineEnd)
        {
            _nextLine = _lines.NextContentLine(line + 1);
            return _text[valueStart] == '[' ? FlowList(line, valueStart) : Scalar(line, valueStart, lineEnd);
        }
        var next = _lines.NextContentLine(line + 1);
        if (next >= 0 && _lines.Indent(next) >= column && _text[_lines.Start(next) + _lines.Indent(next)] == '-')
        {
            return List(next, _lines.Indent(next), atFieldIndent: _lines.Indent(next) == column);
        }
        var empty = _lines.At(afterColon, line);
        _events.Add(new Scalar(NoAnchor, NoTag, "", ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false, empty, empty, isKey: false));
        _nextLine = next;
        return true;
    }

    /// <summary>A block list whose dashes are at <paramref name="column"/>; items are one-line scalars or mappings.</summary>
    private bool List(int line, int column, bool atFieldIndent)
    {
        var dash = _lines.Start(line) + column;
        _events.Add(new SequenceStart(NoAnchor, NoTag, isImplicit: true, SequenceStyle.Block, _lines.At(dash, line), atFieldIndent ? _lines.At(dash + 1, line) : _lines.At(dash, line)));
        do
        {
            var lineEnd = _lines.LineEnd(line);
            var item = _lines.Start(line) + column;
            if (_text[item] != '-' || item + 1 >= lineEnd || _text[item + 1] != ' ')
            {
                return false;
            }
            var content = _lines.SkipSpaces(item + 1, lineEnd);
            if (content == lineEnd)
            {
                return false;
            }
            if (_lines.KeyEnd(content, lineEnd) >= 0)
            {
                if (!Mapping(line, content - _lines.Start(line)))
                {
                    return false;
                }
            }
            else
            {
                _nextLine = _lines.NextContentLine(line + 1);
                if (_text[content] == '[' || !Scalar(line, content, lineEnd))
                {
                    return false;
                }
            }
            line = _nextLine;
        }
        while (GoesOn(line, column) && _text[_lines.Start(line) + column] == '-');
        var end = _lines.NextTokenMark(line);
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
            if (close < 0 || _lines.SkipSpaces(close + 1, lineEnd) != lineEnd)
            {
                return false;
            }
            _events.Add(new Scalar(NoAnchor, NoTag, _text[(start + 1)..close], quote == '"' ? ScalarStyle.DoubleQuoted : ScalarStyle.SingleQuoted,
                isPlainImplicit: false, isQuotedImplicit: true, _lines.At(start, line), _lines.At(close + 1, line), isKey: false));
            return true;
        }
        var end = _lines.TrimEnd(start, lineEnd);
        var value = _text.AsSpan(start, end - start);
        if (NotPlainStart.Contains(quote) || value.Contains(": ", StringComparison.Ordinal) || value[^1] == ':')
        {
            return false;
        }
        _events.Add(new Scalar(NoAnchor, NoTag, value.ToString(), ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false,
            _lines.At(start, line), _lines.At(end, line), isKey: false));
        return true;
    }

    /// <summary>A one-line flow list of plain words, <c>[a, b c]</c>, that ends its line.</summary>
    private bool FlowList(int line, int open)
    {
        var lineEnd = _lines.LineEnd(line);
        var start = _lines.At(open, line);
        _events.Add(new SequenceStart(NoAnchor, NoTag, isImplicit: true, SequenceStyle.Flow, start, start));
        var position = open + 1;
        while (true)
        {
            var wordStart = _lines.SkipSpaces(position, lineEnd);
            var separator = _text.AsSpan(wordStart, lineEnd - wordStart).IndexOfAny(',', ']');
            if (separator < 0)
            {
                return false;
            }
            separator += wordStart;
            var wordEnd = _lines.TrimEnd(wordStart, separator);
            var word = _text.AsSpan(wordStart, wordEnd - wordStart);
            if (word.IsEmpty || word[0] == '-' || word.ContainsAny(NotInFlowWord))
            {
                return false;
            }
            _events.Add(new Scalar(NoAnchor, NoTag, word.ToString(), ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false,
                _lines.At(wordStart, line), _lines.At(wordEnd, line), isKey: false));
            position = separator + 1;
            if (_text[separator] == ']')
            {
                if (_lines.SkipSpaces(position, lineEnd) != lineEnd)
                {
                    return false;
                }
                var close = _lines.At(separator, line);
                _events.Add(new SequenceEnd(close, close));
                return true;
            }
        }
    }


    private static TagDirectiveCollection DefaultTags() =>
        [new TagDirective("!", "!"), new TagDirective("!!", "tag:yaml.org,2002:")];

    /// <summary>
    /// Whether a block whose entries start at <paramref name="column"/> goes on at <paramref name="line"/> (-1 for the end
    /// of the text). Any other line ends it; one that no enclosing block takes either (deeper, misaligned, or not a
    /// field where a field must be) is left unread, and an unread line declines the whole text (<see cref="Read"/>).
    /// </summary>
    private bool GoesOn(int line, int column) => line >= 0 && _lines.Indent(line) == column;
}
