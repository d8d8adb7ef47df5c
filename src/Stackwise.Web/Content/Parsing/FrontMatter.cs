using Stackwise.Web.Content.Model;
using Stackwise.Web.Rendering;
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

    private FrontMatter(string file, SourcePosition start, List<ContentProblem> problems)
    {
        _file = file;
        _start = start;
        _problems = problems;
    }

    /// <param name="yaml">The text between the <c>---</c> lines.</param>
    /// <param name="firstLine">The file line the YAML starts on.</param>
    public static FrontMatter Read(string yaml, int firstLine, string file, bool isSitePage, List<ContentProblem> problems)
    {
        var frontMatter = new FrontMatter(file, new SourcePosition(firstLine, 1), problems);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            var position = new SourcePosition(firstLine + (int)e.Start.Line - 1, (int)e.Start.Column);
            var duplicate = e.Message.StartsWith("Duplicate key", StringComparison.Ordinal);
            frontMatter.Add(position, duplicate ? ProblemCodes.DuplicateField : ProblemCodes.YamlSyntax, duplicate
                ? $"a field is written twice ({e.Message}); keep one"
                : $"the front matter is not valid YAML: {(e.InnerException ?? e).Message}");
            frontMatter._unreadable = true;
            return frontMatter;
        }
        catch (ArgumentException e)
        {
            // YamlDotNet throws this, not a YamlException, for an escape that writes half of a surrogate pair (`"\uDC00"`).
            frontMatter.Add(frontMatter._start, ProblemCodes.YamlSyntax, $"the front matter is not valid YAML: {e.Message}");
            frontMatter._unreadable = true;
            return frontMatter;
        }

        var root = stream.Documents.FirstOrDefault()?.RootNode;
        if (root is null || root is YamlScalarNode { Value: null or "" })
        {
            return frontMatter;
        }
        if (root is not YamlMappingNode mapping)
        {
            frontMatter.Add(frontMatter.PositionOf(root), ProblemCodes.NotAMapping,
                "the front matter must be `field: value` lines, like `title: Ketamine-Assisted Therapy`");
            frontMatter._unreadable = true;
            return frontMatter;
        }

        foreach (var (keyNode, value) in mapping.Children)
        {
            frontMatter.ReadField(keyNode, value, isSitePage);
        }
        return frontMatter;
    }

    private void ReadField(YamlNode keyNode, YamlNode value, bool isSitePage)
    {
        var position = PositionOf(keyNode);
        if (keyNode is not YamlScalarNode { Value: { } name })
        {
            Add(position, ProblemCodes.NotAMapping, "a field name must be a plain word, like `title`");
            return;
        }
        _reported.Add(name);
        if (!value.Anchor.IsEmpty || !keyNode.Anchor.IsEmpty)
        {
            Add(PositionOf(value), ProblemCodes.AnchorOrAlias, $"field `{name}` uses a YAML anchor or alias (`&` or `*`); write the value out in full");
            return;
        }

        var field = FrontMatterField.Find(name);
        if (field is null)
        {
            var suggestion = FrontMatterField.Suggest(name);
            Add(position, ProblemCodes.UnknownField, suggestion is null
                ? $"unknown field `{name}`; the fields are {string.Join(", ", FrontMatterField.All.Select(f => f.Name))}"
                : $"unknown field `{name}`: did you mean `{suggestion}`?");
            return;
        }
        if (isSitePage ? !field.ForPages : !field.ForArticles)
        {
            Add(position, ProblemCodes.FieldNotAllowed, isSitePage
                ? $"field `{name}` is only for articles, not for site pages in content/pages/"
                : $"field `{name}` is only for site pages in content/pages/");
            return;
        }

        var shapeIsRight = field.Type == FieldType.TextList
            ? value is YamlSequenceNode sequence && sequence.Children.All(item => item is YamlScalarNode)
            : value is YamlScalarNode;
        if (!shapeIsRight)
        {
            Add(PositionOf(value), ProblemCodes.WrongType, field.Type == FieldType.TextList
                ? $"field `{name}` must be a list of text lines, each starting with `- `"
                : $"field `{name}` must be a single value on the same line, not a list or a block of fields");
            return;
        }
        _reported.Remove(name);
        _fields[name] = (value, PositionOf(value));
    }

    /// <summary>True when the field was written but already reported as wrong, so checks that depend on it stay quiet.</summary>
    public bool IsInvalid(string name) => _unreadable || _reported.Contains(name);

    public SourcePosition PositionOf(string name) => _fields.TryGetValue(name, out var entry) ? entry.Position : _start;

    private SourcePosition PositionOf(YamlNode node) =>
        new(_start.Line + (int)node.Start.Line - 1, (int)node.Start.Column);

    private void Add(SourcePosition position, string code, string message) =>
        _problems.Add(ContentProblem.Error(_file, position, code, message));
}
