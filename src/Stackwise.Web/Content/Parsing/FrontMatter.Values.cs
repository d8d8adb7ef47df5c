using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
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

        var scalar = (YamlScalarNode)entry.Node;
        var text = scalar.Value?.Trim() ?? "";
        if (text.Length == 0)
        {
            Invalid(name, entry.Position, ProblemCodes.MissingField, $"field `{name}` is empty");
            return null;
        }
        if (PlainScalars.OtherType(scalar) is { } type)
        {
            Invalid(name, entry.Position, ProblemCodes.TypedValue, OtherTypeMessage($"field `{name}`", text, type));
            return null;
        }
        if (HasForbiddenCharacter(name, text, entry.Position))
        {
            _reported.Add(name);
            return null;
        }
        if (text.Length > maxLength)
        {
            Invalid(name, entry.Position, ProblemCodes.TooLong, $"field `{name}` is {text.Length} characters long; the limit is {maxLength}");
            return null;
        }
        return text;
    }

    private static string OtherTypeMessage(string what, string text, string type) =>
        $"{what} is `{text}`, which YAML reads as {type}, not as text; write it in quotes (`\"{text}\"`) if the text is what you mean";

    /// <summary>A problem with a field that was written: reported once, and checks that depend on the field stay quiet.</summary>
    private void Invalid(string name, SourcePosition position, string code, string message)
    {
        _reported.Add(name);
        Add(position, code, message);
    }

    public DateOnly? Date(string name, bool required)
    {
        // Longer than a date, so a date with a time or a typo gets the message about its form, not about its length.
        var text = Text(name, maxLength: 64, required);
        if (text is null)
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        Invalid(name, _fields[name].Position, ProblemCodes.InvalidValue, DateProblem(name, text));
        return null;
    }

    private static string DateProblem(string name, string text)
    {
        var written = DateShape().Match(text);
        if (!written.Success)
        {
            return $"field `{name}` must be a date written as YYYY-MM-DD (got `{text}`)";
        }
        var (year, month, day) = (int.Parse(written.Groups[1].Value, CultureInfo.InvariantCulture),
            int.Parse(written.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(written.Groups[3].Value, CultureInfo.InvariantCulture));
        if (written.Groups[4].Length > 0)
        {
            return $"field `{name}` takes a date without a time, written as YYYY-MM-DD, like `{written.Groups[1]}-{written.Groups[2]}-{written.Groups[3]}` (got `{text}`)";
        }
        if (year == 0 || month is < 1 or > 12)
        {
            return $"field `{name}` is {text}, a date that does not exist: {(year == 0 ? "there is no year 0" : $"there is no month {month}")}";
        }
        var days = DateTime.DaysInMonth(year, month);
        return $"field `{name}` is {text}, a date that does not exist: {CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month)} {year} has {days} days";
    }

    // A date as YYYY-MM-DD, and after it nothing or a time (`T10:00`, ` 10:00:00Z`).
    [GeneratedRegex(@"^(\d{4})-(\d{2})-(\d{2})((?:[Tt]|\s+)\d{1,2}:\d{2}.*)?$")]
    private static partial Regex DateShape();

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
        Invalid(name, _fields[name].Position, ProblemCodes.InvalidValue, $"field `{name}` must be `true` or `false` (got `{text}`)");
        return false;
    }

    public RiskLevel? Risk()
    {
        var text = Text("risk", FrontMatterField.RiskMaxLength);
        if (text is null)
        {
            return null;
        }
        if (RiskLevels.TryParse(text, out var risk))
        {
            return risk;
        }
        Invalid("risk", _fields["risk"].Position, ProblemCodes.InvalidValue, $"field `risk` must be one of {string.Join(", ", RiskLevels.Names)} (got `{text}`)");
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
