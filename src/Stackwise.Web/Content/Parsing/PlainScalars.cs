using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Stackwise.Web.Content.Parsing;

/// <summary>
/// Unquoted values that YAML reads as something other than the text written: <c>~</c> and <c>null</c> as no value,
/// <c>0x10</c>, <c>017</c>, <c>0b11</c>, <c>1:30</c> and <c>.inf</c> as numbers. Every field of a content file is text,
/// so such a value is an error that says what YAML makes of it, instead of a title "~" or a tag "null".
/// </summary>
internal static partial class PlainScalars
{
    /// <summary>What YAML reads <paramref name="node"/> as when it is not text, or null when it is text.</summary>
    public static string? OtherType(YamlScalarNode node)
    {
        if (node.Style != ScalarStyle.Plain || node.Value is not { Length: > 0 } value)
        {
            return null;
        }
        if (value is "~" or "null" or "Null" or "NULL")
        {
            return "no value (null)";
        }
        return NumberInAnotherNotation().IsMatch(value) ? "a number" : null;
    }

    // Hexadecimal, octal (YAML 1.2's 0o and 1.1's leading zero), binary, base 60 (1:30), infinity and not-a-number.
    [GeneratedRegex(@"^[-+]?(0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+|0[0-7_]+|[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?|\.(inf|Inf|INF)|\.(nan|NaN|NAN))$")]
    private static partial Regex NumberInAnotherNotation();
}
