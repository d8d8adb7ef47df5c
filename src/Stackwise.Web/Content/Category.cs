using System.Globalization;
using System.Text;

namespace Stackwise.Web.Content;

/// <summary>An article category as editors write it, with the slug of its page at <c>/categories/{slug}</c>.</summary>
public sealed record Category(string Name, string Slug)
{
    public string Url => $"/categories/{Slug}";

    /// <summary>The category for a name, or null when the name has no letter or digit to make a slug from.</summary>
    public static Category? FromName(string name)
    {
        var slug = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
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
        return trimmed.Length == 0 ? null : new Category(name, trimmed);
    }
}
