using System.Collections.Immutable;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Content.Parsing;

namespace Stackwise.Web.Content.Snapshot;

/// <summary>
/// What a snapshot keeps so the next one can be patched from it: its maps by file and URL as immutable dictionaries (a
/// patch sets a few entries, sharing the rest), every file listed in ordinal order, the images, the category spellings'
/// counts, and every path a link, an alias or a gone entry names (as the last whole load found them, and those the new
/// versions of patched documents link to since: never fewer, and a superset only makes more saves whole loads).
/// </summary>
internal sealed record PatchBase(
    ImmutableDictionary<string, ContentDocument> ByFile,
    ImmutableDictionary<string, ParsedFile> Parsed,
    ImmutableDictionary<string, ContentDocument> ByUrl,
    ImmutableArray<string> Files,
    IReadOnlySet<string> Images,
    IReadOnlyDictionary<string, string> UnservedImages,
    CategorySpellings Spellings,
    IReadOnlySet<string> Named,
    ImmutableHashSet<string> NamedSince)
{
    /// <summary>True when a link, an alias or a gone entry may name <paramref name="path"/>.</summary>
    public bool Names(string path) => Named.Contains(path) || NamedSince.Contains(path);
}

/// <summary>
/// The snapshot a patched one was made from (held weakly: snapshots never keep their predecessors alive), and each document
/// the patch replaced with its new version; per-snapshot data may carry its value over when none of them changes it.
/// </summary>
/// <param name="Paths">The served paths that came or went (a category's page, a list's later page).</param>
internal sealed record PatchOrigin(long Version, WeakReference<ContentSnapshot> Before, ImmutableArray<(ContentDocument Old, ContentDocument New)> Replaced,
    ImmutableArray<string> Paths)
{
    public IEnumerable<string> Urls => Replaced.Select(replaced => replaced.New.Url);
}
