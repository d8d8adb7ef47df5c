using Microsoft.Extensions.DependencyInjection;
using Stackwise.Web.Content.Hosting;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Content;

/// <summary>
/// A reload given a complete list of changes (the watcher's, from its second reload on) lists only the named paths and
/// takes every other file as it was; whatever the changes, it loads what a reload listing the whole folder would.
/// </summary>
public sealed class IncrementalListingTests : IDisposable
{

    private readonly TempContentFolder _folder = new();

    public void Dispose()
    {
        _folder.Dispose();
        if (Directory.Exists(Outside))
        {
            Directory.Delete(Outside, recursive: true);
        }
    }

    private string Outside => _folder.Root + "-outside";

    private static string Article(string title) =>
        $"---\ntitle: {title}\ncategory: Synthetic\nrisk: low\nsummary: Synthetic.\npublished: 2026-01-01\n---\nSynthetic text.\n";

    private string Full(string relative) => Path.Combine(_folder.Root, relative);

    [Fact]
    public async Task OnlyTheNamedPathsAreReadAgain()
    {
        _folder.Write("therapies/named.md", Article("Named before")).Write("therapies/unnamed.md", Article("Unnamed before"));
        var first = await _folder.LoadAsync();
        _folder.Write("therapies/named.md", Article("Named after, longer")).Write("therapies/unnamed.md", Article("Unnamed after, longer"));

        var listedOnlyNamed = await _folder.LoadAsync(first, ChangedFiles.Complete(["therapies/named.md"]));
        var listedAll = await _folder.LoadAsync(first, ChangedFiles.Of(["therapies/named.md"]));

        Assert.Equal("Named after, longer", listedOnlyNamed.ByUrl["/therapies/named"].Title);
        Assert.Equal("Unnamed before", listedOnlyNamed.ByUrl["/therapies/unnamed"].Title);  // trusted to be unchanged
        Assert.Equal("Unnamed after, longer", listedAll.ByUrl["/therapies/unnamed"].Title);  // its stamp changed
    }

    /// <summary>
    /// Every kind of change an editor or a tool makes, each named as the watcher names it, in a seeded random order: after
    /// each, the reload that listed only the named paths loads what the one that listed the whole folder loads.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task EveryKindOfChangeLoadsAsAWholeListingWould(int seed)
    {
        _folder.Write("therapies/a.md", Article("A")).Write("therapies/b.md", Article("B")).Write("devices/c.md", Article("C"))
            .Write("pages/about.md", "---\ntitle: About\nsummary: Synthetic.\n---\nSynthetic text.\n");
        var incremental = await _folder.LoadAsync();
        var whole = incremental;
        var random = new Random(seed);
        var changes = new List<string>();

        for (var step = 0; step < 60; step++)
        {
            var named = Change(random.Next(Changes), step, random);
            changes.Add(string.Join(", ", named));
            incremental = await _folder.LoadAsync(incremental, ChangedFiles.Complete(named));
            whole = await _folder.LoadAsync(whole, ChangedFiles.Of(named));

            var because = $"after step {step} (named: {changes[^1]})";
            Assert.True(Describe(whole) == Describe(incremental), $"{because}\nwhole listing:\n{Describe(whole)}\nnamed paths only:\n{Describe(incremental)}");
        }
    }

    private const int Changes = 13;

    /// <summary>Makes one change and returns the paths a watcher's events would name for it.</summary>
    private string[] Change(int kind, int step, Random random)
    {
        string[] sections = ["therapies", "devices", "nutrition"];
        var section = sections[random.Next(sections.Length)];
        var existing = Directory.Exists(_folder.Root)
            ? Directory.EnumerateFiles(_folder.Root, "*.md", SearchOption.AllDirectories).Where(file => !new FileInfo(file).Attributes.HasFlag(FileAttributes.ReparsePoint)).Order(StringComparer.Ordinal).ToList()
            : [];
        var some = existing.Count > 0 ? Path.GetRelativePath(_folder.Root, existing[random.Next(existing.Count)]).Replace('\\', '/') : null;
        switch (kind)
        {
            case 0:  // a new article
                _folder.Write($"{section}/new-{step}.md", Article($"New {step}"));
                return [$"{section}/new-{step}.md"];
            case 1 when some is not null:  // an edit in place
                _folder.Write(some, Article($"Edited {step}"));
                return [some];
            case 2 when some is not null:  // a delete
                File.Delete(Full(some));
                return [some];
            case 3 when some is not null:  // a rename, to another folder
                var target = $"{section}/renamed-{step}.md";
                Directory.CreateDirectory(Full(section));
                File.Move(Full(some), Full(target));
                return [some, target];
            case 4:  // a folder of files moved in whole: only the folder is named
                Directory.CreateDirectory(Path.Combine(Outside, $"moved-{step}"));
                File.WriteAllText(Path.Combine(Outside, $"moved-{step}", "one.md"), Article($"Moved one {step}"));
                File.WriteAllText(Path.Combine(Outside, $"moved-{step}", "two.md"), Article($"Moved two {step}"));
                Directory.Move(Path.Combine(Outside, $"moved-{step}"), Full($"moved-{step}"));
                return [$"moved-{step}"];
            case 5 when some is not null:  // a folder deleted with what it holds
                var folder = some[..some.IndexOf('/', StringComparison.Ordinal)];
                Directory.Delete(Full(folder), recursive: true);
                return [folder];
            case 6:  // hidden files and folders (a file in a hidden folder named alone), and a file that is not markdown
                var newHiddenFolder = !Directory.Exists(Full(".git"));
                _folder.Write($"{section}/.draft-{step}.md", Article("Hidden")).Write($".git/hidden-{step}.md", Article("Hidden"))
                    .Write($"{section}/notes-{step}.txt", "Synthetic notes.");
                return [$"{section}/.draft-{step}.md", .. newHiddenFolder ? [".git"] : Array.Empty<string>(), $".git/hidden-{step}.md", $"{section}/notes-{step}.txt"];
            case 7:  // a link to a file, or to nothing
                Directory.CreateDirectory(Full(section));
                File.CreateSymbolicLink(Full($"{section}/link-{step}.md"), some is null || random.Next(2) == 0 ? Full($"{section}/missing.md") : Full(some));
                return [$"{section}/link-{step}.md"];
            case 8:  // a link to a folder, and a file written through it
                Directory.CreateDirectory(Path.Combine(Outside, $"target-{step}"));
                File.WriteAllText(Path.Combine(Outside, $"target-{step}", "inside.md"), Article("Inside"));
                Directory.CreateSymbolicLink(Full($"linked-{step}"), Path.Combine(Outside, $"target-{step}"));
                return [$"linked-{step}", $"linked-{step}/inside.md"];
            case 9:  // links taken away again
                var links = Directory.Exists(_folder.Root)
                    ? Directory.EnumerateFileSystemEntries(_folder.Root, "*", SearchOption.AllDirectories).Where(path => new FileInfo(path).Attributes.HasFlag(FileAttributes.ReparsePoint)).ToList()
                    : [];
                foreach (var link in links)
                {
                    File.Delete(link);
                }
                return [.. links.Select(link => Path.GetRelativePath(_folder.Root, link).Replace('\\', '/'))];
            case 10:  // a file with errors: rejected when new, kept at its last good version when it was good
                var broken = some ?? $"{section}/broken-{step}.md";
                _folder.Write(broken, "---\ntitle: [unclosed\n---\nSynthetic text.\n");
                return [broken];
            case 11:  // a file nested too deep, named by its folder
                _folder.Write($"{section}/deeper-{step}/nested.md", Article("Nested"));
                return [$"{section}/deeper-{step}"];
            default:  // a save that changes nothing, and a folder named by an event on it
                if (some is not null)
                {
                    File.SetLastWriteTimeUtc(Full(some), File.GetLastWriteTimeUtc(Full(some)));
                }
                return some is null ? [section] : [some, some[..some.IndexOf('/', StringComparison.Ordinal)]];
        }
    }

    /// <summary>Everything a reload decides: the files, what is served, what is kept, every problem.</summary>
    private static string Describe(ContentSnapshot snapshot) => string.Join('\n',
    [
        $"files read: {snapshot.FilesRead}",
        .. snapshot.Parsed.Keys.Order(StringComparer.Ordinal).Select(file => $"parsed: {file}"),
        .. snapshot.ByUrl.Values.OrderBy(document => document.Url, StringComparer.Ordinal).Select(document => $"served: {document.Url} {document.Title}"),
        .. snapshot.KeptFiles.Order(StringComparer.Ordinal).Select(file => $"kept: {file}"),
        .. snapshot.Problems.Select(problem => $"problem: {problem}"),
    ]);

    [Fact]
    public async Task AfterAFailedReloadTheNextOneListsTheWholeFolder()
    {
        _folder.Write("therapies/good.md", Article("Good")).Write("therapies/other.md", Article("Other"));
        await using var site = new StackwiseFactory(_folder.Root);
        site.CreateClient();
        var store = site.Services.GetRequiredService<ContentStore>();

        // The edit's reload fails (the folder is away at that moment), so its change was never loaded.
        _folder.Write("therapies/good.md", Article("Good, edited"));
        Directory.Move(_folder.Root, Outside);
        await store.ReloadAsync(ChangedFiles.Complete(["therapies/good.md"]), CancellationToken.None);
        Directory.Move(Outside, _folder.Root);
        Assert.Equal("Good", store.Current.ByUrl["/therapies/good"].Title);

        await store.ReloadAsync(ChangedFiles.Complete(["therapies/other.md"]), CancellationToken.None);

        Assert.Equal("Good, edited", store.Current.ByUrl["/therapies/good"].Title);
    }
}
