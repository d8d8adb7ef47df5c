using System.Net;
using System.Text;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Stackwise.Web.Content.Hosting;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Content;

/// <summary>
/// The running site follows edits to its content folder without a restart. Real files and the operating system's events;
/// the watcher's waits run on a fake clock that <see cref="StackwiseFactory.UntilAsync"/> moves on, so nothing sleeps.
/// </summary>
public sealed class LiveReloadTests : IAsyncLifetime, IAsyncDisposable
{
    private readonly TempContentFolder _folder = new();
    private StackwiseFactory? _factory;
    private HttpClient? _client;

    private HttpClient Client => _client ?? throw new InvalidOperationException("The site starts in InitializeAsync.");

    private StackwiseFactory Factory => _factory ?? throw new InvalidOperationException("The site starts in InitializeAsync.");

    public Task InitializeAsync()
    {
        _folder.Write("therapies/first.md", Article("First Synthetic Therapy"))
            .Write("pages/terms.md", "---\ntitle: Terms\nsummary: Synthetic.\n---\nText.\n");
        _factory = new StackwiseFactory(_folder.Root) { Watch = true, Time = new WatchedTime(DateTimeOffset.UtcNow) };
        _client = _factory.CreateClient();
        return Task.CompletedTask;
    }

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
        _folder.Dispose();
    }

    private static string Article(string title, string body = "Synthetic text.") =>
        $"---\ntitle: {title}\ncategory: Test\nrisk: low\nsummary: Synthetic.\npublished: 2026-01-01\n---\n{body}\n";

    private async Task<HttpStatusCode> StatusAsync(string url) => (await Client.GetAsync(new Uri(url, UriKind.Relative))).StatusCode;

    private async Task<string?> TitleAsync(string url) => (await Client.GetPageAsync(url)).Document.QuerySelector("h1")?.TextContent;

    private async Task<IReadOnlyList<string?>> HomeTitlesAsync() =>
        [.. (await Client.GetPageAsync("/")).Document.QuerySelectorAll(".article-card-title").Select(h => h.TextContent.Trim())];

    private async Task<bool> InSitemapAsync(string path)
    {
        var sitemap = XDocument.Parse(await Client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative)));
        return sitemap.Descendants().Any(element => element.Name.LocalName == "loc" && element.Value == StackwiseFactory.BaseUrl + path);
    }

    [Fact]
    public async Task AddedFileGoesLiveOnItsPageHomeAndSitemap()
    {
        Assert.Equal(HttpStatusCode.OK, await StatusAsync("/"));

        _folder.Write("therapies/second.md", Article("Second Synthetic Therapy"));

        await Factory.UntilAsync(async () => await StatusAsync("/therapies/second") == HttpStatusCode.OK, "the new article is served");
        Assert.Contains("Second Synthetic Therapy", await HomeTitlesAsync());
        Assert.True(await InSitemapAsync("/therapies/second"));
    }

    [Fact]
    public async Task ChangedFileIsServedInItsNewVersion()
    {
        Assert.Equal("First Synthetic Therapy", await TitleAsync("/therapies/first"));

        _folder.Write("therapies/first.md", Article("First Synthetic Therapy, Revised"));

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
        var path = Path.Combine(_folder.Root, "therapies", "first.md");
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
            var temporary = Path.Combine(_folder.Root, "therapies", ".first.md.tmp");
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
        File.Move(Path.Combine(_folder.Root, "therapies", "first.md"), Path.Combine(_folder.Root, "therapies", "renamed.md"));

        await Factory.UntilAsync(async () => await StatusAsync("/therapies/renamed") == HttpStatusCode.OK, "the renamed article is served");
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync("/therapies/first"));
        Assert.True(await InSitemapAsync("/therapies/renamed"));
        Assert.False(await InSitemapAsync("/therapies/first"));
    }

    [Fact]
    public async Task DeletedFileIsRemovedFromPageHomeAndSitemap()
    {
        File.Delete(Path.Combine(_folder.Root, "therapies", "first.md"));

        await Factory.UntilAsync(async () => await StatusAsync("/therapies/first") == HttpStatusCode.NotFound, "the deleted article is gone");
        Assert.Empty(await HomeTitlesAsync());
        Assert.False(await InSitemapAsync("/therapies/first"));
    }

    [Fact]
    public async Task BrokenEditKeepsTheLastGoodVersionOnlineAndSaysWhy()
    {
        _folder.Write("therapies/first.md", Article("First Synthetic Therapy").Replace("risk: low", "risk: medium", StringComparison.Ordinal));

        await Factory.UntilAsync(() => Task.FromResult(Factory.Logs.Messages.Any(message => message.Contains("last good version kept online", StringComparison.Ordinal))),
            "the refused edit is logged");
        Assert.Equal("First Synthetic Therapy", await TitleAsync("/therapies/first"));
        var log = Assert.Single(Factory.Logs.Messages, message => message.Contains("last good version kept online", StringComparison.Ordinal));
        Assert.Contains("therapies/first.md:4:7: error SW027: field `risk` must be one of low, moderate, high (got `medium`)", log, StringComparison.Ordinal);

        _folder.Write("therapies/first.md", Article("First Synthetic Therapy, Fixed"));
        await Factory.UntilAsync(async () => await TitleAsync("/therapies/first") == "First Synthetic Therapy, Fixed", "the fixed version is served");
    }

    [Theory]
    [InlineData("therapies/first.md")]
    [InlineData("redirects.yml")]
    public async Task AFileNestedSixtyThousandLevelsDeepIsRefusedWhileRunningAndTheSiteKeepsServing(string path)
    {
        var deep = "[" + new string('[', 60_000) + "a" + new string(']', 60_000) + "]";
        _folder.Write(path, path.EndsWith(".md", StringComparison.Ordinal)
            ? Article("First Synthetic Therapy").Replace("risk: low", $"risk: low\ntags: {deep}", StringComparison.Ordinal)
            : $"gone: {deep}\n");

        await Factory.UntilAsync(() => Task.FromResult(Factory.Logs.Messages.Any(message => message.Contains("SW033", StringComparison.Ordinal))),
            "the nested file is refused and logged");
        Assert.Equal("First Synthetic Therapy", await TitleAsync("/therapies/first"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync("/"));
    }

    [Fact]
    public async Task HalfWrittenFileKeepsTheLastGoodVersion()
    {
        var full = Article("First Synthetic Therapy, Complete");
        _folder.Write("therapies/first.md", full[..20]);
        await Factory.UntilAsync(() => Task.FromResult(Factory.Logs.Messages.Any(message => message.Contains("last good version kept online", StringComparison.Ordinal))),
            "the half-written file is refused");
        Assert.Equal("First Synthetic Therapy", await TitleAsync("/therapies/first"));

        _folder.Write("therapies/first.md", full);

        await Factory.UntilAsync(async () => await TitleAsync("/therapies/first") == "First Synthetic Therapy, Complete", "the complete file is served");
    }

    [Theory]
    [InlineData("therapies/second.md")]
    [InlineData("therapies/first.md")]
    public async Task AFileStillOpenForWritingIsReadOnlyOnceItsWriterClosesIt(string path)
    {
        var swaps = Factory.Swaps.Count;
        var writer = new FileStream(Path.Combine(_folder.Root, path), FileMode.Create, FileAccess.Write, FileShare.Read);
        await using (writer)
        {
            // A whole, valid file so far: served now, it would be the article cut short.
            await writer.WriteAsync(Encoding.UTF8.GetBytes(Article("Written In Two Parts", "Part one.")));
            await writer.FlushAsync();

            var advanced = await AdvanceQuietPeriodsAsync(12);

            Assert.True(advanced == 12 && Factory.Swaps.Count == swaps,
                $"a reload ran while the file was open for writing (after {advanced} quiet periods; swaps {swaps} -> {Factory.Swaps.Count})");
            await writer.WriteAsync(Encoding.UTF8.GetBytes("Part two.\n"));
        }

        var url = "/" + path[..^".md".Length];
        await Factory.UntilAsync(async () => (await Client.GetPageAsync(url)).Document.QuerySelector("main")?.TextContent.Contains("Part two.", StringComparison.Ordinal) == true,
            "the whole file is served once its writer has closed it");
        Assert.Equal(swaps + 1, Factory.Swaps.Count);
    }

    [Fact]
    public async Task AFileHeldOpenForWritingPastTheLongestWaitIsReadAsItIsWithAWarning()
    {
        await using var writer = new FileStream(Path.Combine(_folder.Root, "therapies/held.md"), FileMode.Create, FileAccess.Write, FileShare.Read);
        await writer.WriteAsync(Encoding.UTF8.GetBytes(Article("Held Open")));
        await writer.FlushAsync();
        var longest = (int)(ContentWatcher.MaxWriterWait / ContentWatcher.QuietPeriod);

        var advanced = await AdvanceQuietPeriodsAsync(longest + 10);

        Assert.InRange(advanced, longest, longest + 2);
        await Factory.UntilAsync(async () => await StatusAsync("/therapies/held") == HttpStatusCode.OK, "the held file is read as it is");
        Assert.Contains(Factory.Logs.Messages, line => line.Contains("held.md", StringComparison.Ordinal)
            && line.Contains("is still open for writing after 30 s; reading it as it is", StringComparison.Ordinal));
    }

    /// <summary>Moves the watcher's clock past up to <paramref name="count"/> quiet periods, stopping early at a swap;
    /// returns how many.</summary>
    private async Task<int> AdvanceQuietPeriodsAsync(int count)
    {
        var time = (WatchedTime)Factory.Time;
        var swapped = Factory.Swaps.Next;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var advanced = 0;
        while (advanced < count && !swapped.IsCompleted)
        {
            var wait = time.NextWaitAsync(timeout.Token);
            if (await Task.WhenAny(wait, swapped) == swapped)
            {
                break;
            }
            if (await wait == ContentWatcher.QuietPeriod)
            {
                time.Advance(ContentWatcher.QuietPeriod);
                advanced++;
            }
        }
        return advanced;
    }

    [Fact]
    public async Task ARequestKeepsTheSnapshotItStartedWithWhileAReloadSwapsInANewOne()
    {
        var store = Factory.Services.GetRequiredService<ContentStore>();
        using var request = Factory.Services.CreateScope();
        var pinned = request.ServiceProvider.GetRequiredService<ContentSnapshot>();

        _folder.Write("therapies/first.md", Article("First Synthetic Therapy, Reloaded"));
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
        var file = Path.Combine(_folder.Root, "therapies", "first.md");
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
        var away = _folder.Root + ".away";
        Directory.Move(_folder.Root, away);
        try
        {
            await Factory.UntilAsync(() => Task.FromResult(Factory.Logs.Messages.Any(message => message.Contains("is missing; serving the last good content", StringComparison.Ordinal))),
                "the missing folder is logged", advanceRearm: true);
            Assert.Equal("First Synthetic Therapy", await TitleAsync("/therapies/first"));
            Assert.Equal(HttpStatusCode.OK, await StatusAsync("/readyz"));
        }
        finally
        {
            Directory.Move(away, _folder.Root);
        }

        await Factory.UntilAsync(() => Task.FromResult(Factory.Logs.Messages.Any(message => message.Contains("is back; watching it again", StringComparison.Ordinal))),
            "the folder's return is logged", advanceRearm: true);
        _folder.Write("therapies/first.md", Article("First Synthetic Therapy, After The Move"));
        await Factory.UntilAsync(async () => await TitleAsync("/therapies/first") == "First Synthetic Therapy, After The Move", "edits go live again");
    }

    [Fact]
    public async Task TwoHundredFilesAtOnceCauseAFewReloadsNotTwoHundred()
    {
        var loadsBefore = Factory.Logs.Messages.Count(message => message.StartsWith("Content loaded", StringComparison.Ordinal));

        for (var i = 0; i < 200; i++)
        {
            _folder.Write($"bulk/article-{i:000}.md", Article($"Bulk Synthetic Article {i:000}"));
        }

        var store = Factory.Services.GetRequiredService<ContentStore>();
        await Factory.UntilAsync(() => Task.FromResult(store.Current.Articles.Length == 201), "all 200 articles are live");
        var reloads = Factory.Logs.Messages.Count(message => message.StartsWith("Content loaded", StringComparison.Ordinal)) - loadsBefore;
        Assert.InRange(reloads, 1, 10);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync("/bulk/article-199"));
    }
}
