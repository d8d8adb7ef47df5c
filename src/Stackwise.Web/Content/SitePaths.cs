namespace Stackwise.Web.Content;

/// <summary>How request paths compare: lowercase, no trailing slash, so <c>/Terms/</c> and <c>/terms</c> are one page.</summary>
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
        return trimmed.Length == 0 ? "/" : trimmed.ToLowerInvariant();
    }
}
