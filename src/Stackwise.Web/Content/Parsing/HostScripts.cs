using System.Globalization;

namespace Stackwise.Web.Content.Parsing;

/// <summary>
/// Host names that can pass for another: a label that mixes Latin letters with Cyrillic or Greek ones (<c>аpple.com</c>
/// with a Cyrillic <c>а</c>), whether written in Unicode or as punycode (<c>xn--pple-43d.com</c>).
/// </summary>
internal static class HostScripts
{
    private static readonly IdnMapping Idn = new();

    /// <summary>The first label of <paramref name="asciiHost"/> (as <see cref="Uri.IdnHost"/> gives it) that mixes
    /// alphabets, in Unicode, or null.</summary>
    public static string? MixedLabel(string asciiHost)
    {
        foreach (var label in asciiHost.Split('.'))
        {
            string unicode;
            try
            {
                unicode = label.StartsWith("xn--", StringComparison.OrdinalIgnoreCase) ? Idn.GetUnicode(label) : label;
            }
            catch (ArgumentException)
            {
                return label;  // punycode that does not decode is no honest host name
            }
            var scripts = unicode.Where(char.IsLetter).Select(ScriptOf).Distinct().Count();
            if (scripts > 1)
            {
                return unicode;
            }
        }
        return null;
    }

    private static int ScriptOf(char letter) => letter switch
    {
        <= '\u024F' => 0,                          // Latin (ASCII and its extensions)
        >= '\u0370' and <= '\u03FF' => 1,          // Greek
        >= '\u0400' and <= '\u052F' => 2,          // Cyrillic
        _ => 3,
    };
}
