using System.Text.RegularExpressions;

namespace Stackwise.Web.Content.Parsing;

/// <summary>The forms of a reference's <c>doi</c>, <c>pmid</c> and <c>url</c>; each check says what is wrong, or null.</summary>
internal static partial class ReferenceIdentifiers
{
    public static string? ProblemWithDoi(string doi) =>
        doi.StartsWith("http", StringComparison.OrdinalIgnoreCase) || doi.StartsWith("doi:", StringComparison.OrdinalIgnoreCase)
            ? $"`doi` is the DOI alone, like `10.1000/xyz123`, without `https://doi.org/` or `doi:` (got `{doi}`)"
            : !DoiPattern().IsMatch(doi) ? $"`doi` must be `10.`, the registrant's digits, `/` and a suffix, like `10.1000/xyz123` (got `{doi}`)"
            // A browser resolves `.` and `..` parts of a path (and their %2E spellings) before asking: `10.1000/../../x` leaves doi.org.
            : doi.Split('/').Any(part => part is "." or ".." || part.Replace("%2e", ".", StringComparison.OrdinalIgnoreCase) is "." or "..")
                ? $"`doi` has a `.` or `..` part, which a browser would resolve away from the DOI (got `{doi}`)"
            : null;

    public static string? ProblemWithPmid(string pmid) =>
        PmidPattern().IsMatch(pmid) ? null : $"`pmid` must be the PubMed number alone, digits only, like `12345678` (got `{pmid}`)";

    public static string? ProblemWithUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || uri.Host.Length == 0 || url.Any(char.IsWhiteSpace))
        {
            return $"`url` must be a full https:// address without spaces, like `https://www.nhs.uk/` (got `{url}`)";
        }
        if (url.Any(c => char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format))
        {
            // Right-to-left overrides and invisible marks make an address read as another one.
            return "`url` contains an invisible or direction-changing character (such as U+202E); type the address again";
        }
        if (uri.UserInfo.Length > 0)
        {
            return $"`url` has a `name@` part before its host (`{uri.UserInfo}@`), which makes the address read as a site it is not; remove it";
        }
        return HostScripts.MixedLabel(uri.IdnHost) is { } label
            ? $"`url` has a host part (`{label}`) that mixes alphabets, such as Latin with Cyrillic or Greek, so it can pass for another site's name; check the address"
            : null;
    }

    // Crossref's pattern for modern DOIs: a registrant of 4 to 9 digits (with optional sub-parts), then any suffix without spaces.
    [GeneratedRegex(@"^10\.[0-9]{4,9}(\.[0-9]+)*/\S+$")]
    private static partial Regex DoiPattern();

    [GeneratedRegex("^[1-9][0-9]{0,8}$")]
    private static partial Regex PmidPattern();
}
