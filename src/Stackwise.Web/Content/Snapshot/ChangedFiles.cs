namespace Stackwise.Web.Content.Snapshot;

/// <summary>
/// The files and folders named in change events since the last reload, relative to the content folder with forward
/// slashes. A reload reads these again whatever their stamp says: an edit that keeps the size and the modification
/// time (<c>touch -r</c>, <c>rsync</c>, an unpacked archive) is still an edit.
/// </summary>
public sealed class ChangedFiles
{
    private readonly HashSet<string> _paths;

    private ChangedFiles(HashSet<string> paths, bool all)
    {
        _paths = paths;
        IsEverything = all;
    }

    /// <summary>No change event: files are read again only when their stamp changed.</summary>
    public static ChangedFiles None { get; } = new([], all: false);

    /// <summary>Events were lost (the watch overflowed): every file is read again.</summary>
    public static ChangedFiles Everything { get; } = new([], all: true);

    public bool IsEverything { get; }

    public static ChangedFiles Of(IEnumerable<string> relativePaths) =>
        new(new HashSet<string>(relativePaths, StringComparer.Ordinal), all: false);

    /// <summary>True when the file, or a folder it sits in, was named in a change event.</summary>
    public bool Contains(string file)
    {
        if (IsEverything || _paths.Contains(file))
        {
            return true;
        }
        for (var slash = file.IndexOf('/', StringComparison.Ordinal); slash > 0; slash = file.IndexOf('/', slash + 1))
        {
            if (_paths.Contains(file[..slash]))
            {
                return true;
            }
        }
        return false;
    }
}
