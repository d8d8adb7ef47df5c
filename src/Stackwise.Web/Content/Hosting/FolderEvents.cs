namespace Stackwise.Web.Content.Hosting;

/// <summary>The file-system watches behind <see cref="ContentWatcher"/>: what each raises, and what a failure to arm one says.</summary>
internal static class FolderEvents
{
    /// <summary>
    /// Every change under <paramref name="target"/>: each event names its path (a rename both), and lost events (the
    /// kernel's queue overflowed) name nothing (null), so everything is read again. Null when no watch can be armed.
    /// </summary>
    public static FileSystemWatcher? Watch(string target, Action<string?> signal, Action<string> error)
    {
        FileSystemWatcher watcher;
        try
        {
            watcher = new FileSystemWatcher(target)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.Attributes,
                InternalBufferSize = 64 * 1024,
            };
        }
        catch (Exception e) when (e is IOException or ArgumentException)
        {
            // For example the system's limit of inotify instances; the loop tries again every second.
            error(e.Message);
            return null;
        }
        watcher.Created += (_, e) => signal(e.FullPath);
        watcher.Changed += (_, e) => signal(e.FullPath);
        watcher.Deleted += (_, e) => signal(e.FullPath);
        watcher.Renamed += (_, e) =>
        {
            signal(e.OldFullPath);
            signal(e.FullPath);
        };
        watcher.Error += (_, e) =>
        {
            // Events may have been lost (the kernel's queue overflowed): read every file again.
            error(e.GetException().Message);
            signal(null);
        };
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    /// <summary>
    /// The root itself replaced in its parent folder (a link swapped by <c>mv -T content.tmp content</c>), which a watch
    /// inside the old folder never sees. Null when the parent cannot be watched.
    /// </summary>
    public static FileSystemWatcher? WatchRoot(string root, Action signal, Action<string> error)
    {
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)));
        var parent = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)));
        if (parent is null || !Directory.Exists(parent))
        {
            return null;
        }
        try
        {
            var watcher = new FileSystemWatcher(parent) { NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName };
            watcher.Created += (_, e) => SignalIfRoot(e.Name);
            watcher.Deleted += (_, e) => SignalIfRoot(e.Name);
            watcher.Renamed += (_, e) =>
            {
                SignalIfRoot(e.Name);
                SignalIfRoot(e.OldName);
            };
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
        {
            // Without it a swap of the root's own link is still found by the check every second.
            error(e.Message);
            return null;
        }

        void SignalIfRoot(string? changed)
        {
            if (string.Equals(changed, name, StringComparison.Ordinal))
            {
                signal();
            }
        }
    }
}
