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
        return trimmed.Length == 0 ? "/" : trimmed.ToLowerInvariant();
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
