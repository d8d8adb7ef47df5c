using Stackwise.Web.Content.Model;
using Stackwise.Web.Rendering;
using Stackwise.Web.Site;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Stackwise.Web.Content.Parsing;

/// <summary>
/// The raw fields of one file's YAML front matter, each with the position it was written at. Reading it
/// checks the shape (a mapping of known fields of the right type); the typed accessors check the values.
/// Every problem is added to the caller's list with the file position, never patched over with a default.
/// </summary>
internal sealed partial class FrontMatter
{
    private readonly Dictionary<string, (YamlNode Node, SourcePosition Position)> _fields = new(StringComparer.Ordinal);

    // Fields already reported, or all of them when the YAML could not be read: not reported again as missing.
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);
    private bool _unreadable;
    private readonly string _file;
    private readonly SourcePosition _start;
    private readonly List<ContentProblem> _problems;
    private readonly SharedValues _shared;

    private FrontMatter(string file, SourcePosition start, List<ContentProblem> problems, SharedValues shared)
    {
        _file = file;
        _start = start;
        _problems = problems;
        _shared = shared;
    }

    /// <param name="yaml">The text between the <c>---</c> lines.</param>
    /// <param name="firstLine">The file line the YAML starts on.</param>
    /// <param name="shared">Where the values that articles repeat (health risks, sources, names, slugs) are shared.</param>
    public static FrontMatter Read(string yaml, int firstLine, string file, DocumentKinds kind, List<ContentProblem> problems, SharedValues shared)
    {
        var frontMatter = new FrontMatter(file, new SourcePosition(firstLine, 1), problems, shared);
        var stream = new YamlStream();
        try
        {
            // The shapes editors write are read without YamlDotNet's scanner; YamlDotNet reads anything else (SimpleYamlParser).
            stream.Load(new YamlShapeGuard(SimpleYamlParser.For(yaml)));
        }
        catch (YamlShapeException e)
        {
            return frontMatter.Unreadable(frontMatter.PositionOf(e.Start), e.Code, e.Message);
        }
        catch (YamlException e)
        {
            var message = (e.InnerException ?? e).Message;
            return frontMatter.Unreadable(frontMatter.PositionOf(e.Start), ProblemCodes.YamlSyntax,
                $"the front matter is not valid YAML: {message}{YamlSyntaxHints.For(message)}");
        }
        catch (ArgumentException e)
        {
            // YamlDotNet throws this, not a YamlException, for an escape that writes half of a surrogate pair (`"\uDC00"`).
            return frontMatter.Unreadable(frontMatter._start, ProblemCodes.YamlSyntax, $"the front matter is not valid YAML: {e.Message}");
        }

        var root = stream.Documents.FirstOrDefault()?.RootNode;
        if (root is null || root is YamlScalarNode { Value: null or "" })
        {
            return frontMatter;
        }
        if (root is not YamlMappingNode mapping)
        {
            return frontMatter.Unreadable(frontMatter.PositionOf(root), ProblemCodes.NotAMapping,
                "the front matter must be `field: value` lines, like `title: Ketamine-Assisted Therapy`");
        }

        foreach (var (keyNode, value) in mapping.Children)
        {
            frontMatter.ReadField(keyNode, value, kind);
        }
        return frontMatter;
    }

    private void ReadField(YamlNode keyNode, YamlNode value, DocumentKinds kind)
    {
        var position = PositionOf(keyNode);
        if (keyNode is not YamlScalarNode { Value: { } name })
        {
            Add(position, ProblemCodes.NotAMapping, "a field name must be a plain word, like `title`");
            return;
        }
        _reported.Add(name);
        if ((keyNode.Anchor.IsEmpty ? FirstAnchored(value) : value) is { } anchored)
        {
            Add(PositionOf(anchored), ProblemCodes.AnchorOrAlias, $"field `{name}` uses a YAML anchor or alias (`&` or `*`); write the value out in full");
            return;
        }

        var field = FrontMatterField.Find(name);
        if (field is null)
        {
            var suggestion = FrontMatterField.Suggest(name);
            Add(position, ProblemCodes.UnknownField, suggestion is null
                ? $"unknown field `{name}`; the fields of {FrontMatterField.Describe(kind)} are {string.Join(", ", FrontMatterField.All.Where(f => f.For.HasFlag(kind)).Select(f => f.Name))}"
                : $"unknown field `{name}`: did you mean `{suggestion}`?");
            return;
        }
        if (!field.For.HasFlag(kind))
        {
            Add(position, ProblemCodes.FieldNotAllowed, $"field `{name}` is only for {FrontMatterField.Describe(field.For)}");
            return;
        }
        if (ShapeProblem(field, value) is { } shapeProblem)
        {
            Add(PositionOf(value), ProblemCodes.WrongType, shapeProblem);
            return;
        }
        _reported.Remove(name);
        _fields[name] = (value, PositionOf(value));
    }

    /// <summary>The YAML could not be read: one problem, and no field is reported again as missing.</summary>
    private FrontMatter Unreadable(SourcePosition position, string code, string message)
    {
        Add(position, code, message);
        _unreadable = true;
        return this;
    }

    /// <summary>
    /// The first node at or under <paramref name="node"/> that has an anchor or is an alias. Walked without recursion and
    /// each node once, so an alias that points back at its own list cannot make the walk endless.
    /// </summary>
    private static YamlNode? FirstAnchored(YamlNode node)
    {
        var seen = new HashSet<YamlNode>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<YamlNode>([node]);
        while (pending.TryPop(out var next))
        {
            if (!next.Anchor.IsEmpty)
            {
                return next;
            }
            if (!seen.Add(next))
            {
                continue;
            }
            var children = next switch
            {
                YamlSequenceNode sequence => sequence.Children,
                YamlMappingNode mapping => mapping.Children.SelectMany(pair => new[] { pair.Key, pair.Value }),
                _ => [],
            };
            foreach (var child in children)
            {
                pending.Push(child);
            }
        }
        return null;
    }

    /// <summary>What is wrong with the YAML shape of a field's value, or null when it has the shape its type needs.</summary>
    private static string? ShapeProblem(FrontMatterField field, YamlNode value)
    {
        var name = field.Name;
        var isList = value is YamlSequenceNode;
        var items = (value as YamlSequenceNode)?.Children ?? [];
        return field.Type switch
        {
            FieldType.TextList when !isList || !items.All(item => item is YamlScalarNode) =>
                $"field `{name}` must be a list of text lines, each starting with `- `",
            FieldType.TextOrList when value is not YamlScalarNode && (!isList || !items.All(item => item is YamlScalarNode)) =>
                $"field `{name}` must be one value, or a list of values each starting with `- `",
            FieldType.HealthRiskList when !isList || !items.All(item => item is YamlScalarNode or YamlMappingNode) =>
                $"field `{name}` must be a list, each item a line of text or a `text:` and `kind:` pair",
            FieldType.ReferenceList when !isList || !items.All(item => item is YamlMappingNode) =>
                $"field `{name}` must be a list of sources, each starting with `- id: ...` followed by its `title:` and links",
            FieldType.Text or FieldType.Date or FieldType.Flag when value is not YamlScalarNode =>
                $"field `{name}` must be a single value on the same line, not a list or a block of fields",
            _ => null,
        };
    }

    /// <summary>True when the field was written but already reported as wrong, so checks that depend on it stay quiet.</summary>
    public bool IsInvalid(string name) => _unreadable || _reported.Contains(name);

    public SourcePosition PositionOf(string name) => _fields.TryGetValue(name, out var entry) ? entry.Position : _start;

    private SourcePosition PositionOf(YamlNode node) => PositionOf(node.Start);

    private SourcePosition PositionOf(Mark mark) => new(_start.Line + (int)mark.Line - 1, (int)mark.Column);

    private void Add(SourcePosition position, string code, string message) =>
        _problems.Add(ContentProblem.Error(_file, position, code, message));
}
