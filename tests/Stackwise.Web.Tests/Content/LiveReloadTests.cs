using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Stackwise.Web.Content.Hosting;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Content;

/// <summary>
/// The running site follows edits to its content folder without a restart. Real files and the operating system's events;
/// the watcher's waits run on a fake clock that <see cref="StackwiseFactory.UntilAsync"/> moves on, so nothing sleeps.
/// </summary>
public sealed class LiveReloadTests : WatchedSite
{
    [Fact]
    public async Task AddedFileGoesLiveOnItsPageHomeAndSitemap()
    {
        Assert.Equal(HttpStatusCode.OK, await StatusAsync("/"));

        Folder.Write("therapies/second.md", Article("Second Synthetic Therapy"));

        await Factory.UntilAsync(async () => await StatusAsync("/therapies/second") == HttpStatusCode.OK, "the new article is served");
        Assert.Contains("Second Synthetic Therapy", await HomeTitlesAsync());
        Assert.True(await InSitemapAsync("/therapies/second"));
    }

    [Fact]
    public async Task ChangedFileIsServedInItsNewVersion()
    {
        Assert.Equal("First Synthetic Therapy", await TitleAsync("/therapies/first"));

        Folder.Write("therapies/first.md", Article("First Synthetic Therapy, Revised"));

        await Factory.UntilAsync(async () => await TitleAsync("/therapies/first") == "First Synthetic Therapy, Revised", "the change is served");
        Assert.Contains("First Synthetic Therapy, Revised", await HomeTitlesAsync());
        // The watch was armed before the first load, so even the first save names every change and is patched in.
        Assert.NotNull(Factory.Services.GetRequiredService<ContentStore>().Current.PatchedFrom);
    }

    /// <summary>
    /// Saves that keep the size and the modification time (<c>touch -r</c>, <c>rsync -t</c>, an unpacked archive): the stamp
    /// alone says nothing changed, but the file is named in a change event, so it is read again.
    /// </summary>
    [Theory]
    [InlineData("in place")]
    [InlineData("write then rename")]
    public async Task SameSizeEditThatKeepsTheModificationTimeIsServed(string how)
    {
        var path = Path.Combine(Folder.Root, "therapies", "first.md");
        Assert.Equal("First Synthetic Therapy", await TitleAsync("/therapies/first"));
        var stamp = File.GetLastWriteTimeUtc(path);
        var edited = Article("Fresh Synthetic Therapy");
        Assert.Equal(new FileInfo(path).Length, System.Text.Encoding.UTF8.GetByteCount(edited));

        if (how == "in place")
        {
            await File.WriteAllTextAsync(path, edited);
            File.SetLastWriteTimeUtc(path, stamp);
        }
        else
        {
            var temporary = Path.Combine(Folder.Root, "therapies", ".first.md.tmp");
            await File.WriteAllTextAsync(temporary, edited);
            File.SetLastWriteTimeUtc(temporary, stamp);
            File.Move(temporary, path, overwrite: true);
        }

        Assert.Equal(stamp, File.GetLastWriteTimeUtc(path));
        await Factory.UntilAsync(async () => await TitleAsync("/therapies/first") == "Fresh Synthetic Therapy", "the edit is served");
    }

    [Fact]
    public async Task RenamedFileMovesToItsNewUrl()
    {
        File.Move(Path.Combine(Folder.Root, "therapies", "first.md"), Path.Combine(Folder.Root, "therapies", "renamed.md"));

        await Factory.UntilAsync(async () => await StatusAsync("/therapies/renamed") == HttpStatusCode.OK, "the renamed article is served");
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync("/therapies/first"));
        Assert.True(await InSitemapAsync("/therapies/renamed"));
        Assert.False(await InSitemapAsync("/therapies/first"));
    }

    [Fact]
    public async Task DeletedFileIsRemovedFromPageHomeAndSitemap()
    {
        File.Delete(Path.Combine(Folder.Root, "therapies", "first.md"));

        await Factory.UntilAsync(async () => await StatusAsync("/therapies/first") == HttpStatusCode.NotFound, "the deleted article is gone");
        Assert.Empty(await HomeTitlesAsync());
        Assert.False(await InSitemapAsync("/therapies/first"));
    }

    [Fact]
    public async Task BrokenEditKeepsTheLastGoodVersionOnlineAndSaysWhy()
    {
        Folder.Write("therapies/first.md", Article("First Synthetic Therapy").Replace("risk: low", "risk: medium", StringComparison.Ordinal));

        await Factory.UntilAsync(() => Task.FromResult(Factory.Logs.Messages.Any(message => message.Contains("last good version kept online", StringComparison.Ordinal))),
            "the refused edit is logged");
        Assert.Equal("First Synthetic Therapy", await TitleAsync("/therapies/first"));
        var log = Assert.Single(Factory.Logs.Messages, message => message.Contains("last good version kept online", StringComparison.Ordinal));
        Assert.Contains("therapies/first.md:4:7: error SW027: field `risk` must be one of low, moderate, high (got `medium`)", log, StringComparison.Ordinal);

        Folder.Write("therapies/first.md", Article("First Synthetic Therapy, Fixed"));
        await Factory.UntilAsync(async () => await TitleAsync("/therapies/first") == "First Synthetic Therapy, Fixed", "the fixed version is served");
    }

    [Theory]
    [InlineData("therapies/first.md")]
    [InlineData("redirects.yml")]
    public async Task AFileNestedSixtyThousandLevelsDeepIsRefusedWhileRunningAndTheSiteKeepsServing(string path)
    {
        var deep = "[" + new string('[', 60_000) + "a" + new string(']', 60_000) + "]";
        Folder.Write(path, path.EndsWith(".md", StringComparison.Ordinal)
            ? Article("First Synthetic Therapy").Replace("risk: low", $"risk: low\ntags: {deep}", StringComparison.Ordinal)
            : $"gone: {deep}\n");

        await Factory.UntilAsync(() => Task.FromResult(Factory.Logs.Messages.Any(message => message.Contains("SW033", StringComparison.Ordinal))),
            "the nested file is refused and logged");
        Assert.Equal("First Synthetic Therapy", await TitleAsync("/therapies/first"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync("/"));
    }

    [Fact]
    public async Task ARequestKeepsTheSnapshotItStartedWithWhileAReloadSwapsInANewOne()
    {
        var store = Factory.Services.GetRequiredService<ContentStore>();
        using var request = Factory.Services.CreateScope();
        var pinned = request.ServiceProvider.GetRequiredService<ContentSnapshot>();

        Folder.Write("therapies/first.md", Article("First Synthetic Therapy, Reloaded"));
        await Factory.UntilAsync(() => Task.FromResult(store.Current.Version != pinned.Version), "the reload swaps in a new snapshot");

        Assert.Same(pinned, request.ServiceProvider.GetRequiredService<ContentSnapshot>());
        Assert.Equal("First Synthetic Therapy", pinned.FindArticle("therapies", "first")?.Title);
        using var next = Factory.Services.CreateScope();
        Assert.Equal("First Synthetic Therapy, Reloaded", next.ServiceProvider.GetRequiredService<ContentSnapshot>().FindArticle("therapies", "first")?.Title);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task PermissionChangeIsNoticedAndTheFileIsReadAgain()
    {
        // As root (CI) chmod cannot make a file unreadable; bench/faults.sh shows that case as an unprivileged user.
        // Here: a change of permissions alone reaches the watcher and changes the file's stamp, so it is read again.
        var store = Factory.Services.GetRequiredService<ContentStore>();
        var file = Path.Combine(Folder.Root, "therapies", "first.md");
        var before = store.Current.Parsed["therapies/first.md"].Stamp;
        const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        Assert.NotEqual(OwnerOnly, before.Mode);

        File.SetUnixFileMode(file, OwnerOnly);

        await Factory.UntilAsync(() => Task.FromResult(store.Current.Parsed["therapies/first.md"].Stamp.Mode == OwnerOnly), "the new permissions are seen");
        Assert.Equal(before with { Mode = OwnerOnly }, store.Current.Parsed["therapies/first.md"].Stamp);
        Assert.Equal("First Synthetic Therapy", await TitleAsync("/therapies/first"));
    }

    [Fact]
    public async Task FolderRenamedAwayIsLoggedAndThePagesKeepServingUntilItIsBack()
    {
        var away = Folder.Root + ".away";
        Directory.Move(Folder.Root, away);
        try
        {
            await Factory.UntilAsync(() => Task.FromResult(Factory.Logs.Messages.Any(message => message.Contains("is missing; serving the last good content", StringComparison.Ordinal))),
                "the missing folder is logged", advanceRearm: true);
            Assert.Equal("First Synthetic Therapy", await TitleAsync("/therapies/first"));
            Assert.Equal(HttpStatusCode.OK, await StatusAsync("/readyz"));
        }
        finally
        {
            Directory.Move(away, Folder.Root);
        }

        await Factory.UntilAsync(() => Task.FromResult(Factory.Logs.Messages.Any(message => message.Contains("is back; watching it again", StringComparison.Ordinal))),
            "the folder's return is logged", advanceRearm: true);
        Folder.Write("therapies/first.md", Article("First Synthetic Therapy, After The Move"));
        await Factory.UntilAsync(async () => await TitleAsync("/therapies/first") == "First Synthetic Therapy, After The Move", "edits go live again");
    }

    [Fact]
    public async Task TwoHundredFilesAtOnceCauseAFewReloadsNotTwoHundred()
    {
        var loadsBefore = Factory.Logs.Messages.Count(message => message.StartsWith("Content loaded", StringComparison.Ordinal));

        for (var i = 0; i < 200; i++)
        {
            Folder.Write($"bulk/article-{i:000}.md", Article($"Bulk Synthetic Article {i:000}"));
        }

        var store = Factory.Services.GetRequiredService<ContentStore>();
        await Factory.UntilAsync(() => Task.FromResult(store.Current.Articles.Length == 201), "all 200 articles are live");
        var reloads = Factory.Logs.Messages.Count(message => message.StartsWith("Content loaded", StringComparison.Ordinal)) - loadsBefore;
        Assert.InRange(reloads, 1, 10);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync("/bulk/article-199"));
    }
}
