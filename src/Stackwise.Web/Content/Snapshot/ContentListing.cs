using System.Collections.Immutable;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Content.Parsing;
using Stackwise.Web.Rendering;
using Stackwise.Web.Site;

namespace Stackwise.Web.Content.Snapshot;

/// <summary>
/// What is in a content folder, for <see cref="ContentLoader"/>: its markdown files (listed whole, or only where a
/// complete list of changes points), its images, and which files a save changed. Links are reported, never followed;
/// hidden files and folders are not content.
/// </summary>
internal static class ContentListing
{
    /// <summary>
    /// The markdown files a complete list of changes names, when each is a file the last load read and is still there to be
    /// read again, and every other path named is something no listing would find (an editor's temporary file, gone or
    /// hidden); null when a file or folder came or went, or the images or the redirects changed: those take a whole load.
    /// </summary>
    public static List<string>? ModifiedFiles(string root, ContentSnapshot previous, ChangedFiles changed)
    {
        var state = previous.Patchable;
        var modified = new List<string>();
        foreach (var path in changed.Paths)
        {
            if (path.Length == 0 || path == RedirectsFile.Name || path == SiteRoutes.ImagesFolder
                || path.StartsWith(SiteRoutes.ImagesFolder + "/", StringComparison.Ordinal)
                || previous.ListingProblems.Any(problem => problem.File == path || problem.File.StartsWith(path + "/", StringComparison.Ordinal)))
            {
                return null;
            }
            var slash = path.LastIndexOf('/');
            if (state.Parsed.ContainsKey(path))
            {
                var info = new FileInfo(Path.Combine(root, path));
                if (!info.Exists || info.Attributes.HasFlag(FileAttributes.ReparsePoint) || !IsListedFolder(root, path[..Math.Max(slash, 0)]))
                {
                    return null;
                }
                modified.Add(path);
                continue;
            }
            var under = state.Files.BinarySearch(path + "/", StringComparer.Ordinal);
            under = under < 0 ? ~under : under;
            if (under < state.Files.Length && state.Files[under].StartsWith(path + "/", StringComparison.Ordinal))
            {
                return null;  // a folder of content files
            }
            var hidden = path.Split('/').Any(segment => segment.StartsWith('.'));
            if (!hidden && Entry(Path.Combine(root, path)) is { } entry && (entry is DirectoryInfo || ContentPath.IsMarkdown(entry.Name)))
            {
                return null;  // a new file or folder
            }
        }
        return modified.Count <= ContentLoader.MaxPatchedFiles ? modified : null;
    }

    /// <summary>The images the site serves, and each other file under images/ with why it is not served.</summary>
    public static (HashSet<string> Served, Dictionary<string, string> Unserved) FindImages(string root)
    {
        var folder = Path.Combine(root, SiteRoutes.ImagesFolder);
        var (served, unserved) = (new HashSet<string>(StringComparer.Ordinal), new Dictionary<string, string>(StringComparer.Ordinal));
        if (!Directory.Exists(folder))
        {
            return (served, unserved);
        }
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var name = Path.GetRelativePath(folder, file).Replace('\\', '/');
            var info = new FileInfo(file);
            var reason = FileLinks.IsReachedThroughLink(folder, file) ? "is a symbolic link (or inside one), which the site does not follow"
                // Also what a named pipe or a device reports; opening one to read its size would wait forever.
                : info.Length == 0 ? "is empty, or not a regular file"
                : info.Length > ShareImage.MaxBytes ? $"is {info.Length / (1024 * 1024):N0} MB; the largest picture the site serves is {ShareImage.MaxBytes / (1024 * 1024)} MB"
                : null;
            if (reason is null)
            {
                served.Add(name);
            }
            else
            {
                unserved[name] = reason;
            }
        }
        return (served, unserved);
    }

    /// <summary>
    /// Adds the markdown files under <paramref name="folder"/> as paths relative to the root with forward slashes, each with
    /// the file's information as the folder listing found it (one status call per file, which the stamp reuses). Links
    /// are reported, never followed. Fills one list rather than yielding: a reload lists every file, and nested iterators
    /// left an enumerator and a one-item list per file behind ("Synchronous reads, unchanged files reused" in docs/performance.md).
    /// </summary>
    public static void FindMarkdownFiles(string root, string folder, List<(string File, FileInfo? Info)> files, List<ContentProblem> problems)
    {
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos())
        {
            AddEntry(root, entry, files, problems);
        }
    }

    /// <summary>One entry of the folder: a markdown file is added, a folder is listed, a link is reported, the rest is
    /// left alone.</summary>
    private static void AddEntry(string root, FileSystemInfo entry, List<(string File, FileInfo? Info)> files, List<ContentProblem> problems)
    {
        if (entry.Name.StartsWith('.') || (entry is FileInfo && !ContentPath.IsMarkdown(entry.Name)))
        {
            return;
        }
        var relative = Path.GetRelativePath(root, entry.FullName).Replace('\\', '/');
        if (entry.Attributes.HasFlag(FileAttributes.ReparsePoint))
        {
            problems.Add(ContentProblem.Error(relative, SourcePosition.Start, ProblemCodes.Unreadable,
                "symbolic links are not followed; copy the file into the content folder instead"));
            return;
        }

        if (entry is DirectoryInfo)
        {
            FindMarkdownFiles(root, entry.FullName, files, problems);
        }
        else if (entry is FileInfo info)
        {
            files.Add((relative, info));
        }
    }

    /// <summary>
    /// The listing when the change events since <paramref name="previous"/> are complete: every file of the last load that no
    /// event named, as it was (no status call), and each named path listed again as the whole folder listing would find it
    /// (a file, a folder and what it holds, a link reported, or nothing when it is gone or hidden). At 10,000 files this
    /// replaces 10,000 status calls and paths per save with a few.
    /// </summary>
    public static void ListChanged(string root, ContentSnapshot previous, ChangedFiles changed, List<(string File, FileInfo? Info)> files,
        List<ContentProblem> problems)
    {
        files.EnsureCapacity(previous.Parsed.Count + changed.Paths.Count);
        foreach (var file in previous.Parsed.Keys)
        {
            if (!changed.Contains(file))
            {
                files.Add((file, null));
            }
        }
        foreach (var problem in previous.ListingProblems)
        {
            if (!changed.Contains(problem.File))
            {
                problems.Add(problem);
            }
        }
        foreach (var path in changed.Paths)
        {
            var slash = path.LastIndexOf('/');
            if (slash > 0 && changed.Contains(path[..slash]))
            {
                continue;  // a folder it sits in is listed again, with it
            }
            if (IsListedFolder(root, path[..Math.Max(slash, 0)]) && Entry(Path.Combine(root, path)) is { } entry)
            {
                AddEntry(root, entry, files, problems);
            }
        }
    }

    /// <summary>True when the whole folder listing goes into this folder: the root, or real folders all the way, none hidden.</summary>
    private static bool IsListedFolder(string root, string folder)
    {
        for (var end = 0; end < folder.Length;)
        {
            var next = folder.IndexOf('/', end);
            next = next < 0 ? folder.Length : next;
            var info = new DirectoryInfo(Path.Combine(root, folder[..next]));
            if (folder[end] == '.' || !info.Exists || info.Attributes.HasFlag(FileAttributes.ReparsePoint))
            {
                return false;
            }
            end = next + 1;
        }
        return true;
    }

    /// <summary>
    /// What is at a path now, as the folder listing would see it: a file or a folder (either may be a link; a link to nothing
    /// is a file, as in a listing), or null when nothing is there.
    /// </summary>
    private static FileSystemInfo? Entry(string fullPath)
    {
        var file = new FileInfo(fullPath);
        if (file.Exists)
        {
            return file;
        }
        var folder = new DirectoryInfo(fullPath);
        return folder.Exists ? folder : null;
    }
}
