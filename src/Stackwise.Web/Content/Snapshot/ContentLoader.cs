using System.Collections.Immutable;
using System.Text;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Content.Parsing;
using Stackwise.Web.Rendering;
using Stackwise.Web.Site;

namespace Stackwise.Web.Content.Snapshot;

/// <summary>Reads a whole content folder into a new snapshot. A bad file is left out with its problems; the rest load.</summary>
public sealed class ContentLoader(ContentParser parser)
{
    /// <summary>The largest markdown file read, in bytes; README.md documents it.</summary>
    public const int MaxFileBytes = 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <param name="previous">The snapshot being replaced: a file whose new version has errors keeps its version from there.</param>
    public Task<ContentSnapshot> LoadAsync(string root, ContentVisibility visibility, ContentSnapshot? previous, CancellationToken cancellationToken) =>
        LoadAsync(root, visibility, previous, ChangedFiles.None, cancellationToken);

    /// <param name="previous">The snapshot being replaced: a file whose new version has errors keeps its version from there.</param>
    /// <param name="changed">Files named in change events: read again even when their stamp is unchanged.</param>
    public async Task<ContentSnapshot> LoadAsync(string root, ContentVisibility visibility, ContentSnapshot? previous, ChangedFiles changed,
        CancellationToken cancellationToken)
    {
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"The content folder '{root}' does not exist.");
        }
        if (previous is not null && changed.IsComplete && ModifiedFiles(root, previous, changed) is { } modified)
        {
            var values = new SharedValues();
            var parses = modified.Select(file => (file, ParseFile(root, (file, null), null, visibility.Today, values)!)).ToList();
            if (SnapshotPatch.TryApply(previous, parses, visibility) is { } patched)
            {
                return patched;
            }
        }

        var documents = new List<ContentDocument>();
        var problems = new List<ContentProblem>();
        var kept = new HashSet<string>(StringComparer.Ordinal);
        var files = new List<(string File, FileInfo? Info)>();
        var listing = new List<ContentProblem>();
        if (previous is not null && changed.IsComplete)
        {
            ListChanged(root, previous, changed, files, listing);
        }
        else
        {
            FindMarkdownFiles(root, root, files, listing);
        }
        files.Sort((one, other) => string.CompareOrdinal(one.File, other.File));
        problems.AddRange(listing);

        // An unchanged file reuses its last parse, looked up here in one pass with no allocation per file (a reload at
        // 10,000 files allocated 28 MB, 17 of them for this loop); the rest are parsed in parallel, each independent.
        var parsed = new ParsedFile?[files.Count];
        var toParse = new List<int>();
        for (var i = 0; i < files.Count; i++)
        {
            parsed[i] = changed.Contains(files[i].File) ? null : Reusable(previous, files[i], visibility.Today);
            if (parsed[i] is null)
            {
                toParse.Add(i);
            }
        }
        // Read and parsed synchronously, a file per work item: parsing is CPU work, and async reads of small files only
        // added state machines and thread-pool hops ("Synchronous reads, unchanged files reused" in
        // docs/performance.md). The documents of this load share one copy of each value they repeat.
        var shared = new SharedValues();
        await DedicatedThreads.For(toParse.Count, j =>
        {
            var i = toParse[j];
            parsed[i] = ParseFile(root, files[i], changed.Contains(files[i].File) ? null : previous, visibility.Today, shared);
        }, cancellationToken);

        var parsedFiles = new Dictionary<string, ParsedFile>(StringComparer.Ordinal);
        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i].File;
            if (parsed[i] is not { } result)
            {
                continue;
            }
            parsedFiles[file] = result;
            problems.AddRange(result.Problems);
            if (result.Document is { } document)
            {
                documents.Add(document);
            }
            else if (previous?.ByFile.GetValueOrDefault(file) is { } lastGood)
            {
                documents.Add(lastGood);
                kept.Add(file);
            }
        }

        var gone = ReadRedirects(root, problems);
        var images = FindImages(root);
        var content = new LoadedContent(RejectDuplicateUrls(documents, problems), gone, images.Served, problems, files.Count, kept)
        {
            Parsed = parsedFiles,
            ListingProblems = [.. listing],
            UnservedImages = images.Unserved,
            Files = [.. files.Select(file => file.File)],
        };
        return ContentSnapshot.Create(content, visibility);
    }

    /// <summary>The most files a save may change and still be patched into the last snapshot (each is a few list copies).</summary>
    internal const int MaxPatchedFiles = 64;

    /// <summary>
    /// The markdown files a complete list of changes names, when each is a file the last load read and is still there to be
    /// read again, and every other path named is something no listing would find (an editor's temporary file, gone or
    /// hidden); null when a file or folder came or went, or the images or the redirects changed: those take a whole load.
    /// </summary>
    private static List<string>? ModifiedFiles(string root, ContentSnapshot previous, ChangedFiles changed)
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
        return modified.Count <= MaxPatchedFiles ? modified : null;
    }

    /// <summary>
    /// The last parse of an unchanged file (same stamp, no date check due), or null when it must be read again. A file that a
    /// complete list of changes leaves out (no information from a listing) has the stamp it had.
    /// </summary>
    private static ParsedFile? Reusable(ContentSnapshot? previous, (string File, FileInfo? Info) found, DateOnly today)
    {
        if (previous?.Parsed.GetValueOrDefault(found.File) is not { } cached)
        {
            return null;
        }
        try
        {
            return cached.IsCurrent(found.Info is null ? cached.Stamp : FileStamp.Of(found.Info), today) ? cached : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;  // ParseFileAsync reports it
        }
    }

    /// <summary>Parses one file, or reuses its parse from <paramref name="previous"/> when the file's stamp is
    /// unchanged; null for a bad path.</summary>
    private ParsedFile? ParseFile(string root, (string File, FileInfo? Info) found, ContentSnapshot? previous, DateOnly today, SharedValues shared)
    {
        var file = found.File;
        var problems = new List<ContentProblem>();
        if (!ContentPath.TryParse(file, out var path, out var pathProblem))
        {
            return new ParsedFile(default, null, [pathProblem]);
        }

        FileStamp stamp;
        try
        {
            stamp = FileStamp.Of(found.Info ?? new FileInfo(Path.Combine(root, file)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ParsedFile(default, null, [ContentProblem.Error(file, SourcePosition.Start, ProblemCodes.Unreadable, $"the file could not be read: {e.Message}")]);
        }
        if (previous?.Parsed.GetValueOrDefault(file) is { } cached && cached.IsCurrent(stamp, today))
        {
            return cached;
        }

        var text = Read(root, file, problems);
        var result = text is null ? null : parser.Parse(path, text, today, shared);
        return new ParsedFile(stamp, result?.Document, [.. problems, .. result?.Problems ?? []], result?.RecheckOn);
    }

    /// <summary>The images the site serves, and each other file under images/ with why it is not served.</summary>
    private static (HashSet<string> Served, Dictionary<string, string> Unserved) FindImages(string root)
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

    private static ImmutableArray<string> ReadRedirects(string root, List<ContentProblem> problems)
    {
        var path = Path.Combine(root, RedirectsFile.Name);
        if (!File.Exists(path))
        {
            return [];
        }
        var text = Read(root, RedirectsFile.Name, problems);
        return text is null ? [] : RedirectsFile.Read(text, problems);
    }

    /// <summary>
    /// Adds the markdown files under <paramref name="folder"/> as paths relative to the root with forward slashes, each with
    /// the file's information as the folder listing found it (one status call per file, which the stamp reuses). Links
    /// are reported, never followed. Fills one list rather than yielding: a reload lists every file, and nested iterators
    /// left an enumerator and a one-item list per file behind ("Synchronous reads, unchanged files reused" in docs/performance.md).
    /// </summary>
    private static void FindMarkdownFiles(string root, string folder, List<(string File, FileInfo? Info)> files, List<ContentProblem> problems)
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
    private static void ListChanged(string root, ContentSnapshot previous, ChangedFiles changed, List<(string File, FileInfo? Info)> files,
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

    private static string? Read(string root, string file, List<ContentProblem> problems)
    {
        try
        {
            var fullPath = Path.Combine(root, file);
            var length = new FileInfo(fullPath).Length;
            if (length == 0)
            {
                // Also what a named pipe or a device reports: opening one would wait for a writer forever.
                problems.Add(ContentProblem.Error(file, SourcePosition.Start, ProblemCodes.Unreadable,
                    "the file is empty (or is not a regular file, such as a named pipe); nothing was read"));
                return null;
            }

            var bytes = ReadAtMost(fullPath, MaxFileBytes + 1);
            if (bytes.Length > MaxFileBytes)
            {
                problems.Add(ContentProblem.Error(file, SourcePosition.Start, ProblemCodes.TooLarge,
                    $"the file is {Math.Max(length, bytes.Length) / 1024:N0} KiB; the largest file read is {MaxFileBytes / 1024:N0} KiB"));
                return null;
            }
            return StrictUtf8.GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            problems.Add(ContentProblem.Error(file, SourcePosition.Start, ProblemCodes.InvalidUtf8,
                "the file is not valid UTF-8 text; save it as UTF-8 in your editor"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(ContentProblem.Error(file, SourcePosition.Start, ProblemCodes.Unreadable, $"the file could not be read: {e.Message}"));
        }
        return null;
    }

    /// <summary>Reads no more than <paramref name="limit"/> bytes, so a file that grows while it is read cannot take more memory.</summary>
    private static byte[] ReadAtMost(string path, int limit)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var buffer = new byte[(int)Math.Min(limit, Math.Max(RandomAccess.GetLength(handle), 1))];
        var read = 0;
        for (int count; read < buffer.Length && (count = RandomAccess.Read(handle, buffer.AsSpan(read), read)) > 0;)
        {
            read += count;
        }
        return read == buffer.Length ? buffer : buffer[..read];
    }

    /// <summary>When two files claim one URL the first in path order keeps it, so the page that was live stays live.</summary>
    private static List<ContentDocument> RejectDuplicateUrls(List<ContentDocument> documents, List<ContentProblem> problems)
    {
        var kept = new Dictionary<string, ContentDocument>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            if (kept.TryGetValue(document.Url, out var owner))
            {
                problems.Add(ContentProblem.Error(document.Path.File, SourcePosition.Start, ProblemCodes.DuplicateUrl,
                    $"`{document.Url}` is already served by `{owner.Path.File}`; rename one of the two files"));
                continue;
            }
            kept.Add(document.Url, document);
        }
        return [.. kept.Values];
    }
}
