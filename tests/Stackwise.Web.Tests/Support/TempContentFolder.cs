using System.Text;
using Stackwise.Web.Content.Parsing;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Rendering;

namespace Stackwise.Web.Tests.Support;

/// <summary>A content folder of a test's own, deleted when the test ends, and loaded the way the site loads one.</summary>
public sealed class TempContentFolder : IDisposable
{
    /// <summary>What Production serves on 2026-06-01, the day these loads happen on unless a test names another.</summary>
    public static readonly ContentVisibility Production = new(new DateOnly(2026, 6, 1), IncludeUnpublished: false);

    // The site's own parser, reading grades included (advice, as `check` gives it); stateless, so every folder shares it.
    private static readonly ContentLoader Loader = new(new ContentParser(new MarkdownRenderer()));

    public TempContentFolder() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "stackwise-tests", Guid.NewGuid().ToString("N"));

    public TempContentFolder Write(string relativePath, string text) => WriteBytes(relativePath, Encoding.UTF8.GetBytes(text));

    public TempContentFolder WriteBytes(string relativePath, byte[] bytes)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path) ?? Root);
        File.WriteAllBytes(path, bytes);
        return this;
    }

    /// <summary>
    /// A snapshot of the folder as it is now: from <paramref name="previous"/> (reusing its unchanged parses) when given,
    /// with <paramref name="changed"/> as the change events since then, seen as <paramref name="visibility"/> says.
    /// </summary>
    public Task<ContentSnapshot> LoadAsync(ContentSnapshot? previous = null, ChangedFiles? changed = null, ContentVisibility? visibility = null) =>
        Loader.LoadAsync(Root, visibility ?? Production, previous, changed ?? ChangedFiles.None, CancellationToken.None);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
