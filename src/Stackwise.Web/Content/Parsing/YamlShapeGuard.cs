using Stackwise.Web.Content.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Stackwise.Web.Content.Parsing;

/// <summary>
/// Stands between a YAML parser and YamlDotNet's node loader and stops at the first event no content file may carry: a
/// list or mapping nested past <see cref="MaxDepth"/> (the loader recurses once a level, and sixty thousand levels in one
/// file overflowed the stack and aborted the process, which no catch can stop), a tag (<c>!x</c>, <c>!!str</c>: a tagged
/// key escaped the loader's duplicate check and a tagged value changes what it means), or a second document or an
/// explicit document marker (<c>---</c> or <c>...</c> inside the YAML, which dropped every field after it), or a key
/// written twice in one mapping, however it is quoted (YamlDotNet's loader reports a duplicate only in its message text,
/// and compares keys with their quoting). Each stop is a <see cref="YamlShapeException"/> with the problem code and the
/// position of the event.
/// </summary>
internal sealed class YamlShapeGuard(IParser inner) : IParser
{
    /// <summary>
    /// The deepest nesting a content file's YAML may have. The deepest field needs four (the front matter, <c>references</c>,
    /// one source, its <c>authors</c>); the rest is room for a mistake to be reported by the field it is in.
    /// </summary>
    public const int MaxDepth = 8;

    private int _depth;
    private int _documents;

    // One entry per open list (null) or mapping (the keys read so far, and whether the next node is a key).
    private readonly Stack<MappingKeys?> _open = new();

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        if (!inner.MoveNext())
        {
            return false;
        }
        Check(inner.Current!);
        return true;
    }

    private void Check(ParsingEvent current)
    {
        switch (current)
        {
            case DocumentStart when ++_documents > 1:
                throw new YamlShapeException(current, ProblemCodes.DocumentMarker,
                    "a `---` line inside the YAML starts a second document, and every field after it would be lost; the YAML ends at the closing `---` line");
            case DocumentStart { IsImplicit: false }:
                throw new YamlShapeException(current, ProblemCodes.DocumentMarker,
                    "the YAML starts with a `---` line or a `%` directive; write the fields from the first line, with no marker before them");
            case DocumentEnd { IsImplicit: false }:
                throw new YamlShapeException(current, ProblemCodes.DocumentMarker,
                    "a `...` line ends the YAML early, and every field after it would be lost; the YAML ends at the closing `---` line");
            case NodeEvent { Tag.IsEmpty: false } node:
                throw new YamlShapeException(current, ProblemCodes.YamlTag,
                    $"`{TagAsWritten(node)}` is a YAML tag; content files have no use for tags: remove it (put a value in quotes to keep it as text)");
        }
        if (current is SequenceStart or MappingStart && ++_depth > MaxDepth)
        {
            throw new YamlShapeException(current, ProblemCodes.NestedTooDeep,
                $"lists and fields are nested more than {MaxDepth} levels deep here; no field needs more than four");
        }
        switch (current)
        {
            case MappingStart:
                _open.Push(new MappingKeys());
                break;
            case SequenceStart:
                _open.Push(null);
                break;
            case SequenceEnd or MappingEnd:
                _depth--;
                _open.Pop();
                NodeRead(current, key: null);
                break;
            case Scalar scalar:
                NodeRead(current, scalar.Value);
                break;
            case AnchorAlias:
                NodeRead(current, key: null);
                break;
        }
    }

    /// <summary>A whole node was read: in a mapping it is a key or the value of the key before it.</summary>
    private void NodeRead(ParsingEvent current, string? key)
    {
        if (!_open.TryPeek(out var mapping) || mapping is null)
        {
            return;
        }
        mapping.ExpectingKey = !mapping.ExpectingKey;
        if (mapping.ExpectingKey || key is null || mapping.Keys.Add(key))
        {
            return;
        }
        throw new YamlShapeException(current, ProblemCodes.DuplicateField, _open.Count == 1
            ? $"field `{key}` is written twice; keep one"
            : $"`{key}` is written twice in the same item; keep one");
    }

    private sealed class MappingKeys
    {
        public HashSet<string> Keys { get; } = new(StringComparer.Ordinal);

        public bool ExpectingKey { get; set; } = true;
    }

    private static string TagAsWritten(NodeEvent node) =>
        node.Tag.Value.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal) ? "!!" + node.Tag.Value["tag:yaml.org,2002:".Length..] : node.Tag.Value;
}

/// <summary>A YAML shape that <see cref="YamlShapeGuard"/> refuses, with the problem code to report it under.</summary>
internal sealed class YamlShapeException(ParsingEvent at, string code, string message) : YamlException(at.Start, at.End, message)
{
    public string Code { get; } = code;
}
