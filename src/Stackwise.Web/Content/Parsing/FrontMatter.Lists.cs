using System.Collections.Immutable;
using System.Globalization;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Rendering;
using YamlDotNet.RepresentationModel;

namespace Stackwise.Web.Content.Parsing;

/// <summary>The accessors of <see cref="FrontMatter"/> for lists whose items have fields: health risks, references and people.</summary>
internal sealed partial class FrontMatter
{
    private static readonly string[] ReferenceKeys = ["id", "title", "authors", "source", "year", "doi", "pmid", "url"];

    /// <summary><c>healthRisks</c>: each item a line of text (a side effect), or a mapping of <c>text</c> and <c>kind</c>.</summary>
    public ImmutableArray<HealthRisk> HealthRisks()
    {
        const string name = "healthRisks";
        var risks = ImmutableArray.CreateBuilder<HealthRisk>();
        foreach (var item in Items(name))
        {
            if (item is YamlScalarNode scalar)
            {
                if (ListItemText(name, scalar, FrontMatterField.HealthRiskMaxLength) is { } text)
                {
                    risks.Add(_shared.Share(new HealthRisk(text)));
                }
                continue;
            }

            var fields = ItemFields((YamlMappingNode)item, name, ["text", "kind"]);
            var riskText = ItemText(fields, name, "text", FrontMatterField.HealthRiskMaxLength, PositionOf(item));
            var kindName = ItemText(fields, name, "kind", maxLength: 40, PositionOf(item));
            var kind = HealthRisk.Kinds.FirstOrDefault(known => known.Name == kindName);
            if (kindName is not null && kind.Name is null)
            {
                Add(fields["kind"].Position, ProblemCodes.InvalidValue,
                    $"`kind` of a health risk must be one of {string.Join(", ", HealthRisk.Kinds.Select(known => known.Name))} (got `{kindName}`)");
            }
            else if (riskText is not null && kindName is not null)
            {
                risks.Add(_shared.Share(new HealthRisk(riskText, kind.Kind)));
            }
        }
        return risks.ToImmutable();
    }

    /// <summary>
    /// <c>references</c>: each source with its id, title and at least one of <c>doi</c>, <c>pmid</c> and <c>url</c>. The ids
    /// of sources with other problems are returned too, so a citation of one is not reported again as unknown.
    /// </summary>
    public (ImmutableArray<(Reference Reference, SourcePosition Position)> Valid, IReadOnlySet<string> WrittenIds) References()
    {
        const string name = "references";
        var references = ImmutableArray.CreateBuilder<(Reference, SourcePosition)>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in Items(name))
        {
            var position = PositionOf(item);
            var fields = ItemFields((YamlMappingNode)item, name, ReferenceKeys);
            var id = ItemText(fields, name, "id", FrontMatterField.ReferenceIdMaxLength, position);
            if (id is not null && !ContentPath.IsValidSlug(id))
            {
                Add(fields["id"].Position, ProblemCodes.InvalidValue,
                    $"reference id `{id}` must be lowercase letters, digits and hyphens, like `smith-2020`");
                id = null;
            }
            else if (id is not null && !ids.Add(id))
            {
                Add(fields["id"].Position, ProblemCodes.DuplicateReferenceId, $"reference id `{id}` is used twice in this file; give each source its own id");
                id = null;
            }

            var title = ItemText(fields, name, "title", FrontMatterField.ReferenceTextMaxLength, position, reportMissingAs: ProblemCodes.ReferenceWithoutTitle);
            var authors = ItemTextList(fields, name, "authors", FrontMatterField.NameMaxLength);
            var source = ItemText(fields, name, "source", FrontMatterField.ReferenceTextMaxLength, position, required: false);
            var year = Year(fields);
            var doi = Identifier(fields, "doi", ReferenceIdentifiers.ProblemWithDoi);
            var pmid = Identifier(fields, "pmid", ReferenceIdentifiers.ProblemWithPmid);
            var url = Identifier(fields, "url", ReferenceIdentifiers.ProblemWithUrl);
            if (!fields.ContainsKey("doi") && !fields.ContainsKey("pmid") && !fields.ContainsKey("url"))
            {
                Add(position, ProblemCodes.ReferenceWithoutLink,
                    $"reference {(id is null ? "" : $"`{id}` ")}needs at least one of `doi`, `pmid` or `url`, so readers can find the source");
            }
            if (id is not null && title is not null && (doi ?? pmid ?? url) is not null)
            {
                references.Add((new Reference(id, _shared.Share(title), authors, _shared.Share(source), year, doi, pmid, url), position));
            }
        }
        return (references.ToImmutable(), ids);
    }

    /// <summary>People named by slug (<c>author</c>, <c>reviewedBy</c>): one value or a list, each a well-formed slug.</summary>
    public ImmutableArray<PersonReference> PersonSlugs(string name)
    {
        if (!_fields.TryGetValue(name, out var entry))
        {
            return [];
        }
        var people = ImmutableArray.CreateBuilder<PersonReference>();
        IEnumerable<YamlNode> items = entry.Node is YamlSequenceNode sequence ? sequence.Children : [entry.Node];
        foreach (var item in items.Cast<YamlScalarNode>())
        {
            var written = ListItemText(name, item, FrontMatterField.NameMaxLength);
            if (written is null)
            {
                continue;
            }
            var slug = Slugs.Nfc(written);
            if (!ContentPath.IsValidSlug(slug))
            {
                Add(PositionOf(item), ProblemCodes.InvalidValue,
                    $"`{name}` names a person by the file name in content/{ContentPath.PeopleFolder}/ without `.md`, like `jane-doe` (got `{slug}`)");
            }
            else if (people.Any(person => person.Slug == slug))
            {
                Add(PositionOf(item), ProblemCodes.InvalidValue, $"`{name}` names `{slug}` twice");
            }
            else
            {
                people.Add(new PersonReference(_shared.Share(slug), PositionOf(item)));
            }
        }
        return people.ToImmutable();
    }

    private IEnumerable<YamlNode> Items(string name) =>
        _fields.TryGetValue(name, out var entry) ? ((YamlSequenceNode)entry.Node).Children : [];

    /// <summary>The fields of one list item by name; an unknown one is reported and left out.</summary>
    private Dictionary<string, (YamlNode Node, SourcePosition Position)> ItemFields(YamlMappingNode item, string list, string[] known)
    {
        var fields = new Dictionary<string, (YamlNode, SourcePosition)>(StringComparer.Ordinal);
        foreach (var (key, value) in item.Children)
        {
            var keyName = (key as YamlScalarNode)?.Value ?? "";
            if (!known.Contains(keyName))
            {
                Add(PositionOf(key), ProblemCodes.UnknownField, $"unknown field `{keyName}` in an item of `{list}`; its fields are {string.Join(", ", known)}");
                continue;
            }
            // Each key once: YamlShapeGuard refuses a key written twice before the item is loaded.
            fields.Add(keyName, (value, PositionOf(value)));
        }
        return fields;
    }

    private string? ItemText(Dictionary<string, (YamlNode Node, SourcePosition Position)> fields, string list, string key, int maxLength,
        SourcePosition itemPosition, bool required = true, string reportMissingAs = ProblemCodes.MissingField)
    {
        if (!fields.TryGetValue(key, out var entry))
        {
            if (required)
            {
                Add(itemPosition, reportMissingAs, $"an item of `{list}` is missing its `{key}`");
            }
            return null;
        }
        if (entry.Node is not YamlScalarNode scalar)
        {
            Add(entry.Position, ProblemCodes.WrongType, $"`{key}` in an item of `{list}` must be a single value on the same line");
            return null;
        }
        var text = scalar.Value?.Trim() ?? "";
        if (text.Length == 0)
        {
            Add(entry.Position, reportMissingAs, $"`{key}` in an item of `{list}` is empty");
            return null;
        }
        if (PlainScalars.OtherType(scalar) is { } type)
        {
            Add(entry.Position, ProblemCodes.TypedValue, OtherTypeMessage($"`{key}` in an item of `{list}`", text, type));
            return null;
        }
        if (text.Length > maxLength)
        {
            Add(entry.Position, ProblemCodes.TooLong, $"`{key}` in an item of `{list}` is {text.Length} characters long; the limit is {maxLength}");
            return null;
        }
        return HasForbiddenCharacter(list, text, entry.Position) ? null : text;
    }

    private ImmutableArray<string> ItemTextList(Dictionary<string, (YamlNode Node, SourcePosition Position)> fields, string list, string key, int maxItemLength)
    {
        if (!fields.TryGetValue(key, out var entry))
        {
            return [];
        }
        if (entry.Node is not YamlSequenceNode sequence || !sequence.Children.All(item => item is YamlScalarNode))
        {
            Add(entry.Position, ProblemCodes.WrongType, $"`{key}` in an item of `{list}` must be a list of names, like `[Smith J, Doe A]`");
            return [];
        }
        return [.. sequence.Children.Cast<YamlScalarNode>().Select(item => _shared.Share(ListItemText(list, item, maxItemLength))).OfType<string>()];
    }

    /// <summary>
    /// Four digits. Not compared with today: a parse is reused until its file changes, so a check against the calendar
    /// would keep refusing a year that has since come.
    /// </summary>
    private int? Year(Dictionary<string, (YamlNode Node, SourcePosition Position)> fields)
    {
        var text = ItemText(fields, "references", "year", maxLength: 10, SourcePosition.Start, required: false);
        if (text is null)
        {
            return null;
        }
        if (text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year >= 1000)
        {
            return year;
        }
        Add(fields["year"].Position, ProblemCodes.InvalidValue, $"`year` of a reference must be a year of four digits, like `2020` (got `{text}`)");
        return null;
    }

    private string? Identifier(Dictionary<string, (YamlNode Node, SourcePosition Position)> fields, string key, Func<string, string?> problemWith)
    {
        var text = ItemText(fields, "references", key, FrontMatterField.UrlMaxLength, SourcePosition.Start, required: false);
        if (text is null)
        {
            return null;
        }
        if (problemWith(text) is { } problem)
        {
            Add(fields[key].Position, ProblemCodes.MalformedReferenceLink, problem);
            return null;
        }
        return text;
    }

    /// <summary>One text item of a list, checked for emptiness, length and forbidden characters.</summary>
    private string? ListItemText(string name, YamlScalarNode item, int maxItemLength)
    {
        var text = item.Value?.Trim() ?? "";
        if (PlainScalars.OtherType(item) is { } type)
        {
            Add(PositionOf(item), ProblemCodes.TypedValue, OtherTypeMessage($"an item of `{name}`", text, type));
            return null;
        }
        if (text.Length == 0 || text.Length > maxItemLength)
        {
            Add(PositionOf(item), text.Length == 0 ? ProblemCodes.MissingField : ProblemCodes.TooLong, text.Length == 0
                ? $"field `{name}` has an empty item"
                : $"an item of `{name}` is {text.Length} characters long; the limit is {maxItemLength}");
            return null;
        }
        return HasForbiddenCharacter(name, text, PositionOf(item)) ? null : text;
    }
}
