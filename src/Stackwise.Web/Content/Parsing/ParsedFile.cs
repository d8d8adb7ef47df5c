using System.Collections.Immutable;
using Stackwise.Web.Content.Model;

namespace Stackwise.Web.Content.Parsing;

/// <summary>The size, last write time and permissions of a file: when all are unchanged, its last parse is reused.</summary>
public readonly record struct FileStamp(long Length, DateTime LastWriteUtc, UnixFileMode Mode)
{
    /// <summary>The stamp from a file's information, as the folder listing read it.</summary>
    public static FileStamp Of(FileInfo info)
    {
        // The permissions count too: a file made unreadable is read again, so the problem shows now, not at the next start.
        return new FileStamp(info.Length, info.LastWriteTimeUtc, OperatingSystem.IsWindows() ? UnixFileMode.None : info.UnixFileMode);
    }
}

/// <summary>What one parse of one file produced, kept with the snapshot so a reload re-reads only changed files.</summary>
/// <param name="RecheckOn">The date from which the parse is out of date although the file is not (it compared a date with today).</param>
/// <param name="ContentHash">The XxHash3 of the file's bytes (0 when they could not be read): what the snapshot's
/// <see cref="Snapshot.ContentSnapshot.Fingerprint"/> is made of.</param>
public sealed record ParsedFile(FileStamp Stamp, ContentDocument? Document, ImmutableArray<ContentProblem> Problems, DateOnly? RecheckOn = null, ulong ContentHash = 0)
{
    /// <summary>True when this parse can stand for a file with <paramref name="stamp"/> on <paramref name="today"/>.</summary>
    public bool IsCurrent(FileStamp stamp, DateOnly today) => Stamp == stamp && !(RecheckOn <= today);
}
