namespace Stackwise.Web.Content.Hosting;

/// <summary>
/// Where a content root really is. An atomic deploy (<c>ln -sfn new content.tmp &amp;&amp; mv -T content.tmp content</c>,
/// which git-sync does too) swaps a symbolic link, at the root or at any folder above it; the watch and each load follow
/// the folder the link names at that moment, so one load never mixes two trees and a swap is seen.
/// </summary>
internal static class ContentFolder
{
    // The most links followed before giving up on a loop of links, as the kernel does (ELOOP after 40).
    private const int MaxLinks = 40;

    /// <summary>The absolute path of <paramref name="root"/> with every symbolic link in it resolved, or the path as
    /// given when it does not exist.</summary>
    public static string Resolve(string root)
    {
        var path = Path.GetFullPath(root);
        for (var links = 0; links < MaxLinks; links++)
        {
            if (FirstLink(path) is not { } resolved)
            {
                return path;
            }
            path = resolved;
        }
        return path;
    }

    /// <summary>The path with its first linked folder (from the top) replaced by the link's target, or null when no
    /// part of it is a link.</summary>
    private static string? FirstLink(string path)
    {
        var parts = path.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var prefix = Path.GetPathRoot(path) ?? "/";
        for (var i = 0; i < parts.Length; i++)
        {
            prefix = Path.Combine(prefix, parts[i]);
            string? target;
            try
            {
                target = new DirectoryInfo(prefix).LinkTarget;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null;
            }
            if (target is not null)
            {
                var resolved = Path.GetFullPath(target, Path.GetDirectoryName(prefix) ?? "/");
                return Path.Combine([resolved, .. parts[(i + 1)..]]);
            }
        }
        return null;
    }
}
