using System.Globalization;
using System.Text;

namespace Stackwise.Web.Site;

/// <summary>
/// How request paths compare (lowercase, no trailing slash, so <c>/Terms/</c> and <c>/terms</c> are one page), and
/// which paths belong to the site itself rather than to content.
/// </summary>
public static class SitePaths
{
    /// <summary>The normalized form of a site path, or null when it is not a plain path (no scheme, query, fragment or spaces).</summary>
    public static string? Normalize(string path)
    {
        if (path.Length == 0 || path[0] != '/' || path.StartsWith("//", StringComparison.Ordinal)
            || path.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '?' or '#' or '\\'))
        {
            return null;
        }
        var trimmed = path.Length > 1 ? path.TrimEnd('/') : path;
        if (trimmed.Length == 0)
        {
            return "/";
        }
        var lower = WithFinalSigma(trimmed.ToLowerInvariant());
        try
        {
            // Content URLs are in NFC (ContentPath); the same letters sent decomposed find their page.
            return lower.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return null;  // a lone surrogate: not a path of any page
        }
    }

    /// <summary>
    /// Greek's one contextual lowercase: sigma ending a word is ς, elsewhere σ. Lowercasing letter by letter (as
    /// <see cref="string.ToLowerInvariant()"/> does) makes every Σ a σ, so <c>ΥΠΝΟΣ</c> would not find <c>υπνος</c>.
    /// A word ends at a hyphen, a slash or the end.
    /// </summary>
    public static string WithFinalSigma(string lowercase)
    {
        if (!lowercase.Contains('σ', StringComparison.Ordinal))
        {
            return lowercase;
        }
        var chars = lowercase.ToCharArray();
        for (var i = 1; i < chars.Length; i++)
        {
            if (chars[i] == 'σ' && char.IsLetter(chars[i - 1]) && (i + 1 == chars.Length || chars[i + 1] is '-' or '/'))
            {
                chars[i] = 'ς';
            }
        }
        return new string(chars);
    }

    /// <summary>
    /// A site path or URL with every character outside ASCII percent-encoded as UTF-8 (RFC 3987's mapping of an IRI to a
    /// URI), the rest as it is: what goes into HTTP headers, sitemaps, feeds and canonical links, which take URIs.
    /// <c>/טיפולים/שינה</c> -> <c>/%D7%98%D7%99...</c>.
    /// </summary>
    public static string Escape(string pathOrUrl)
    {
        if (Ascii.IsValid(pathOrUrl))
        {
            return pathOrUrl;
        }
        var escaped = new StringBuilder(pathOrUrl.Length * 3);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in pathOrUrl.EnumerateRunes())
        {
            if (rune.IsAscii)
            {
                escaped.Append((char)rune.Value);
                continue;
            }
            var length = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..length])
            {
                escaped.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }
        return escaped.ToString();
    }

    /// <summary>True when a normalized path is answered by the site itself, so no alias or gone entry may take it.</summary>
    public static bool IsReserved(string normalizedPath)
    {
        var rest = normalizedPath.TrimStart('/');
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        return rest.Length == 0 || IsReservedSegment(slash < 0 ? rest : rest[..slash]);
    }

    /// <summary>True for a first segment (or file or folder name) the site itself uses.</summary>
    public static bool IsReservedSegment(string segment)
    {
        var dot = segment.IndexOf('.', StringComparison.Ordinal);
        return SiteRoutes.ReservedSegments.Contains(dot < 0 ? segment : segment[..dot]);
    }
}
