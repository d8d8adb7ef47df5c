using System.Collections.Immutable;

namespace Stackwise.Web.Content;

/// <summary>The size and last write time of a file: when both are unchanged, its last parse is reused.</summary>
public readonly record struct FileStamp(long Length, DateTime LastWriteUtc)
{
    public static FileStamp Of(string path)
    {
        var info = new FileInfo(path);
        return new FileStamp(info.Length, info.LastWriteTimeUtc);
    }
}

/// <summary>What one parse of one file produced, kept with the snapshot so a reload re-reads only changed files.</summary>
public sealed record ParsedFile(FileStamp Stamp, ContentDocument? Document, ImmutableArray<ContentProblem> Problems);
