using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Stackwise.Web.Content.Parsing;

/// <summary>
/// YamlDotNet's parsing events for the front matter shapes editors write, read without YamlDotNet's scanner, which was
/// a third of the time and allocation of parsing an article ("Front matter without YamlDotNet's scanner" in
/// docs/performance.md). The shapes: a block mapping of <c>field: value</c> lines whose values are one-line plain or
/// quoted scalars, one-line flow lists of plain words, or block lists of such scalars and of <c>- field: value</c>
/// items. Anything else (comments, anchors, tags, block scalars, escapes, tabs, carriage returns, values over several
/// lines, odd spacing) is declined and YamlDotNet's own parser reads the text, so this is a shortcut for the common
/// case, never a second YAML dialect. Its events, marks included, are the ones YamlDotNet's parser gives for the same
/// text; the tests hold it to that on every input it accepts.
/// </summary>
internal sealed class SimpleYamlParser : IParser
{
    private readonly List<ParsingEvent> _events;
    private int _next;

    private SimpleYamlParser(List<ParsingEvent> events) => _events = events;

    public ParsingEvent? Current { get; private set; }

    /// <summary>This reader when the text is one of its shapes, YamlDotNet's parser otherwise.</summary>
    public static IParser For(string yaml) =>
        TryRead(yaml) is { } events ? new SimpleYamlParser(events) : new Parser(new StringReader(yaml));

    /// <summary>The events for <paramref name="yaml"/>, or null when it is not one of the shapes this reader takes.</summary>
    public static List<ParsingEvent>? TryRead(string yaml) => new SimpleYamlReader(yaml).Read();

    public bool MoveNext()
    {
        Current = _next < _events.Count ? _events[_next++] : null;
        return Current is not null;
    }
}
