using System.IO.Hashing;
using System.Text;
using Stackwise.Web.Content.Parsing;

namespace Stackwise.Web.Content.Snapshot;

/// <summary>
/// <see cref="ContentSnapshot.Fingerprint"/>: an XxHash3 of each file's path seeded with the hash of its bytes, and of each
/// redirect, combined by exclusive or, so the order the files were listed in plays no part.
/// </summary>
internal static class ContentFingerprint
{
    public static ulong Of(IReadOnlyDictionary<string, ParsedFile> parsed, SiteRedirects redirects)
    {
        ulong fingerprint = 0;
        foreach (var (file, parse) in parsed)
        {
            fingerprint ^= Hash(file, unchecked((long)parse.ContentHash));
        }
        foreach (var (from, to) in redirects.Moved)
        {
            fingerprint ^= Hash(from + "\n" + to, seed: 1);
        }
        foreach (var path in redirects.Gone)
        {
            fingerprint ^= Hash(path, seed: 2);
        }
        return fingerprint;
    }

    private static ulong Hash(string text, long seed) => XxHash3.HashToUInt64(Encoding.UTF8.GetBytes(text), seed);
}
