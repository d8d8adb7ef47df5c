using System.Collections.Immutable;
using System.Globalization;
using Stackwise.Web.Content.Checks;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Rendering;
using YamlDotNet.RepresentationModel;

namespace Stackwise.Web.Content.Parsing;

/// <summary>The typed accessors of <see cref="FrontMatter"/>: each checks a value and reports what is wrong with it.</summary>
internal sealed partial class FrontMatter
{
    public string? Text(string name, int maxLength, bool required = true)
    {
        if (!_fields.TryGetValue(name, out var entry))
        {
            if (required && !_unreadable && !_reported.Contains(name))
            {
                Add(_start, ProblemCodes.MissingField, $"required field `{name}` is missing");
            }
            return null;
        }

        var text = ((YamlScalarNode)entry.Node).Value?.Trim() ?? "";
        if (text.Length == 0)
        {
            Add(entry.Position, ProblemCodes.MissingField, $"field `{name}` is empty");
            return null;
        }
        if (HasForbiddenCharacter(name, text, entry.Position))
        {
            return null;
        }
        if (text.Length > maxLength)
        {
            Add(entry.Position, ProblemCodes.TooLong, $"field `{name}` is {text.Length} characters long; the limit is {maxLength}");
            return null;
        }
        return text;
    }

    public DateOnly? Date(string name, bool required)
    {
        var text = Text(name, maxLength: 10, required);
        if (text is null)
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        Add(_fields[name].Position, ProblemCodes.InvalidValue, $"field `{name}` must be a date written as YYYY-MM-DD (got `{text}`)");
        return null;
    }

    /// <summary>A yes/no field: <c>true</c> or <c>false</c>; absent means false.</summary>
    public bool Flag(string name)
    {
        var text = Text(name, maxLength: 5, required: false);
        if (text is null or "false")
        {
            return false;
        }
        if (text == "true")
        {
            return true;
        }
        Add(_fields[name].Position, ProblemCodes.InvalidValue, $"field `{name}` must be `true` or `false` (got `{text}`)");
        return false;
    }

    public RiskLevel? Risk()
    {
        var text = Text("risk", maxLength: 40);
        if (text is null)
        {
            return null;
        }
        if (RiskLevels.TryParse(text, out var risk))
        {
            return risk;
        }
        Add(_fields["risk"].Position, ProblemCodes.InvalidValue, $"field `risk` must be one of {string.Join(", ", RiskLevels.Names)} (got `{text}`)");
        return null;
    }

    public ImmutableArray<string> TextList(string name, int maxItemLength) =>
        [.. TextListItems(name, maxItemLength).Select(item => item.Text)];

    /// <summary>The items of a list field, each with the position it was written at.</summary>
    public ImmutableArray<(string Text, SourcePosition Position)> TextListItems(string name, int maxItemLength)
    {
        if (!_fields.TryGetValue(name, out var entry))
        {
            return [];
        }

        var items = ImmutableArray.CreateBuilder<(string, SourcePosition)>();
        foreach (var item in ((YamlSequenceNode)entry.Node).Children.Cast<YamlScalarNode>())
        {
            if (ListItemText(name, item, maxItemLength) is { } text)
            {
                items.Add((text, PositionOf(item)));
            }
        }
        return items.ToImmutable();
    }

    /// <summary>A YAML escape such as <c>"\x01"</c> or <c>"\uFFFF"</c> can still write a character no page or feed may carry.</summary>
    private bool HasForbiddenCharacter(string name, string text, SourcePosition position)
    {
        foreach (var (_, description) in ForbiddenCharacters.Find(text).Take(1))
        {
            Add(position, ProblemCodes.InvalidCharacter, $"field `{name}` contains {description}, which no page or feed can carry; remove it");
            return true;
        }
        return false;
    }
}
