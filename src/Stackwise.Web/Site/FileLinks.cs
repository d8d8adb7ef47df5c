namespace Stackwise.Web.Site;

/// <summary>Symbolic links inside the content folder, which the site never follows: not to read a file, nor to serve one.</summary>
public static class FileLinks
{
    /// <summary>True when the path, or a folder between it and the root, is a symbolic link.</summary>
    public static bool IsReachedThroughLink(string root, string path)
    {
        var top = Path.GetFullPath(root);
        for (var current = Path.GetFullPath(path); current.Length > top.Length; current = Path.GetDirectoryName(current) ?? top)
        {
            FileSystemInfo entry = File.Exists(current) ? new FileInfo(current) : new DirectoryInfo(current);
            if (entry.LinkTarget is not null)
            {
                return true;
            }
        }
        return false;
    }
}
