namespace Stackwise.Web.Content.Snapshot;

/// <summary>
/// The files and folders named in change events since the last reload, relative to the content folder with forward
/// slashes. A reload reads these again whatever their stamp says: an edit that keeps the size and the modification
/// time (<c>touch -r</c>, <c>rsync</c>, an unpacked archive) is still an edit.
/// </summary>
public sealed class ChangedFiles
{
    private readonly HashSet<string> _paths;

    private ChangedFiles(HashSet<string> paths, bool all, bool complete = false)
    {
        _paths = paths;
        IsEverything = all;
        IsComplete = complete;
    }

    /// <summary>No change event: files are read again only when their stamp changed.</summary>
    public static ChangedFiles None { get; } = new([], all: false);

    /// <summary>Events were lost (the watch overflowed): every file is read again.</summary>
    public static ChangedFiles Everything { get; } = new([], all: true);

    public bool IsEverything { get; }

    /// <summary>
    /// True when every change since the snapshot being replaced was loaded is among <see cref="Paths"/> (a watch has been on
    /// the folder all along): the reload lists only these paths and takes every other file as the last load found it,
    /// instead of listing and stamping every file of the folder ("A save lists only what the watcher named" in docs/performance.md).
    /// </summary>
    public bool IsComplete { get; }

    /// <summary>The files and folders named, relative to the content folder.</summary>
    public IReadOnlyCollection<string> Paths => _paths;

    /// <summary>Paths named in change events; other files may have changed too (their stamps tell).</summary>
    public static ChangedFiles Of(IEnumerable<string> relativePaths) =>
        new(new HashSet<string>(relativePaths, StringComparer.Ordinal), all: false);

    /// <summary>Paths named in change events, and no other file has changed since the last load (<see cref="IsComplete"/>).</summary>
    public static ChangedFiles Complete(IEnumerable<string> relativePaths) =>
        new(new HashSet<string>(relativePaths, StringComparer.Ordinal), all: false, complete: true);

    /// <summary>The same paths, without the promise that nothing else changed: the reload lists the whole folder.</summary>
    public ChangedFiles AsIncomplete() => IsComplete ? new(_paths, IsEverything) : this;

    /// <summary>True when the file, or a folder it sits in, was named in a change event.</summary>
    /// <remarks>
    /// The folders are looked up as spans of the path: a reload asks this of every file, and a string per folder was
    /// 0.7 MB of a save's garbage at 10,000 files ("Synchronous reads, unchanged files reused" in docs/performance.md).
    /// </remarks>
    public bool Contains(string file)
    {
        if (IsEverything || _paths.Contains(file))
        {
            return true;
        }
        if (_paths.Count == 0)
        {
            return false;
        }
        var folders = _paths.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var slash = file.IndexOf('/', StringComparison.Ordinal); slash > 0; slash = file.IndexOf('/', slash + 1))
        {
            if (folders.Contains(file.AsSpan(0, slash)))
            {
                return true;
            }
        }
        return false;
    }
}
