using System.Collections.Immutable;
using System.IO.Hashing;
using System.Text;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Content.Parsing;
using Stackwise.Web.Rendering;
using Stackwise.Web.Site;

namespace Stackwise.Web.Content.Snapshot;

/// <summary>Reads a whole content folder into a new snapshot. A bad file is left out with its problems; the rest load.</summary>
/// <param name="translations">The site's languages besides the default (<c>Site:Languages</c>), each with its folder
/// <c>content/{language}/</c>; none when not given.</param>
public sealed class ContentLoader(ContentParser parser, IReadOnlyCollection<string>? translations = null)
{
    private readonly IReadOnlyCollection<string> _translations = translations ?? [];

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
        // A save patches the last snapshot only on a site in one language: the patch keeps one language's lists.
        if (_translations.Count == 0 && previous is not null && changed.IsComplete && ContentListing.ModifiedFiles(root, previous, changed) is { } modified)
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
            ContentListing.ListChanged(root, previous, changed, files, listing);
        }
        else
        {
            ContentListing.FindMarkdownFiles(root, root, files, listing);
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
        var images = ContentListing.FindImages(root);
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

    /// <summary>A translation into a language the site does not serve, or a default-language file whose URL a language's
    /// part of the site takes (<c>/es</c>, <c>/es/...</c>).</summary>
    private ContentProblem? Misplaced(ContentPath path)
    {
        if (path.Language is { } language && !_translations.Contains(language))
        {
            return ContentProblem.Error(path.File, SourcePosition.Start, ProblemCodes.BadLocation, _translations.Count == 0
                ? $"`content/{language}/` holds pages in `{language}`, but the site serves one language: add `{language}` to Site:Languages after the default, or move the file"
                : $"`content/{language}/` holds pages in `{language}`, which Site:Languages does not list ({string.Join(", ", _translations)} besides the default): add it, or move the file");
        }
        var first = path.Section is null ? path.Slug : path.Section;
        return path.Language is null && path.Section != ContentPath.PeopleFolder && _translations.Contains(first)
            ? ContentProblem.Error(path.File, SourcePosition.Start, ProblemCodes.ReservedName,
                $"`/{first}` is the `{first}` part of the site (Site:Languages); choose another {(path.Section is null ? "file" : "folder")} name")
            : null;
    }

    /// <summary>Parses one file, or reuses its parse from <paramref name="previous"/> when the file's stamp is
    /// unchanged; null for a bad path.</summary>
    private ParsedFile? ParseFile(string root, (string File, FileInfo? Info) found, ContentSnapshot? previous, DateOnly today, SharedValues shared)
    {
        var file = found.File;
        var problems = new List<ContentProblem>();
        if (!ContentPath.TryParse(file, out var path, out var pathProblem) || (pathProblem = Misplaced(path)) is not null)
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

        var text = Read(root, file, problems, out var hash);
        var result = text is null ? null : parser.Parse(path, text, today, shared);
        return new ParsedFile(stamp, result?.Document, [.. problems, .. result?.Problems ?? []], result?.RecheckOn, hash);
    }

    private static ImmutableArray<string> ReadRedirects(string root, List<ContentProblem> problems)
    {
        var path = Path.Combine(root, RedirectsFile.Name);
        if (!File.Exists(path))
        {
            return [];
        }
        var text = Read(root, RedirectsFile.Name, problems, out _);
        return text is null ? [] : RedirectsFile.Read(text, problems);
    }

    /// <param name="hash">The XxHash3 of the bytes read, or 0.</param>
    private static string? Read(string root, string file, List<ContentProblem> problems, out ulong hash)
    {
        hash = 0;
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
            hash = XxHash3.HashToUInt64(bytes);
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
