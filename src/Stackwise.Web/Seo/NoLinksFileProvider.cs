using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.FileProviders.Physical;
using Microsoft.Extensions.Primitives;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Site;

namespace Stackwise.Web.Seo;

/// <summary>
/// A physical file provider for the content images that, like the content loader, never follows a symbolic
/// link: a linked file, or a file under a linked folder, is not found. Nor is an empty file (also what a named pipe
/// reports: opening one would hold the request until a writer came) or one over <see cref="ShareImage.MaxBytes"/>: what is
/// served is exactly what the content load counted as an image.
/// </summary>
internal sealed class NoLinksFileProvider(string root) : IFileProvider, IDisposable
{
    private readonly PhysicalFileProvider _files = new(root, ExclusionFilters.Sensitive);
    private readonly string _root = Path.GetFullPath(root);

    public IFileInfo GetFileInfo(string subpath)
    {
        var file = _files.GetFileInfo(subpath);
        return file.Exists && file.Length is > 0 and <= ShareImage.MaxBytes && file.PhysicalPath is { } path && !FileLinks.IsReachedThroughLink(_root, path)
            ? file
            : new NotFoundFileInfo(subpath);
    }

    public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;

    public void Dispose() => _files.Dispose();
}
