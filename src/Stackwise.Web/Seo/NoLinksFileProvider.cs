using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.FileProviders.Physical;
using Microsoft.Extensions.Primitives;

namespace Stackwise.Web.Seo;

/// <summary>
/// A physical file provider for the content images that, like the content loader, never follows a symbolic
/// link: a linked file, or a file under a linked folder, is not found.
/// </summary>
internal sealed class NoLinksFileProvider(string root) : IFileProvider, IDisposable
{
    private readonly PhysicalFileProvider _files = new(root, ExclusionFilters.Sensitive);
    private readonly string _root = Path.GetFullPath(root);

    public IFileInfo GetFileInfo(string subpath)
    {
        var file = _files.GetFileInfo(subpath);
        return file.Exists && file.PhysicalPath is { } path && !IsReachedThroughLink(_root, path) ? file : new NotFoundFileInfo(subpath);
    }

    public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;

    public void Dispose() => _files.Dispose();

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
