using System.Globalization;
using System.Text;

namespace Stackwise.Web.Content.Model;

public static class Slugs
{
    /// <summary>Lowercase ASCII words joined by hyphens (<c>Thérapie Café</c> -> <c>therapie-cafe</c>), or null when
    /// nothing is left.</summary>
    public static string? FromText(string text)
    {
        var slug = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }
        var trimmed = slug.ToString().TrimEnd('-');
        return trimmed.Length == 0 ? null : trimmed;
    }
}
