using System.Diagnostics;
using System.Net;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Content;

/// <summary>
/// A content root that is a symbolic link, swapped the way an atomic deploy and git-sync swap it
/// (<c>ln -sfn new content.tmp &amp;&amp; mv -T content.tmp content</c>): the new tree goes online as one snapshot, later
/// edits to it are served, and the old, unused folder is no longer watched.
/// </summary>
public sealed class ContentFolderSwapTests : IAsyncLifetime, IAsyncDisposable
{
    private readonly TempContentFolder _releases = new();
    private StackwiseFactory? _factory;
    private HttpClient? _client;

    private string Release(string name) => Path.Combine(_releases.Root, name);

    private StackwiseFactory Factory => _factory ?? throw new InvalidOperationException("The site starts in InitializeAsync.");

    private HttpClient Client => _client ?? throw new InvalidOperationException("The site starts in InitializeAsync.");

    public async Task InitializeAsync()
    {
        WriteReleases("one", "two");
        await LinkAsync("content", "one");
        _factory = new StackwiseFactory(Release("content")) { Watch = true, Time = new WatchedTime(DateTimeOffset.UtcNow) };
        _client = _factory.CreateClient();
    }

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
        _releases.Dispose();
    }

    /// <summary>Two content trees: the first with the first article, the second with the second; each with its terms page.</summary>
    private void WriteReleases(string first, string second)
    {
        foreach (var (folder, title) in new[] { (first, "First"), (second, "Second") })
        {
            _releases.Write($"{folder}/therapies/{title.ToLowerInvariant()}.md", Article($"{title} Synthetic Therapy"))
                .Write($"{folder}/pages/terms.md", "---\ntitle: Terms\nsummary: Synthetic.\n---\nText.\n");
        }
    }

    private static string Article(string title) =>
        $"---\ntitle: {title}\ncategory: Test\nrisk: low\nsummary: Synthetic.\npublished: 2026-01-01\n---\nSynthetic text.\n";

    /// <summary>The deploy's own commands: a new link beside the old one, renamed over it in one step.</summary>
    private async Task LinkAsync(string link, string target)
    {
        await RunAsync("ln", "-sfn", target, Release(link + ".tmp"));
        await RunAsync("mv", "-T", Release(link + ".tmp"), Release(link));
    }

    private static async Task RunAsync(string command, params string[] args)
    {
        using var process = Process.Start(command, args);
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
    }

    private async Task<HttpStatusCode> StatusAsync(string url) => (await Client.GetAsync(new Uri(url, UriKind.Relative))).StatusCode;

    private async Task<string?> TitleAsync(string url) => (await Client.GetPageAsync(url)).Document.QuerySelector("h1")?.TextContent;

    [Fact]
    public async Task SwappingTheLinkServesTheNewTreeAsOneSnapshot()
    {
        Assert.Equal(HttpStatusCode.OK, await StatusAsync("/therapies/first"));
        var before = Factory.Swaps.Count;

        await LinkAsync("content", "two");

        await Factory.UntilAsync(async () => await StatusAsync("/therapies/second") == HttpStatusCode.OK, "the new tree is served");
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync("/therapies/first"));
        Assert.Equal(before + 1, Factory.Swaps.Count);
        Assert.Contains(Factory.Logs.Messages, line => line.Contains("now leads to", StringComparison.Ordinal) && line.Contains(Release("two"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task EditsAfterASwapAreServedAndTheOldFolderIsNoLongerWatched()
    {
        await LinkAsync("content", "two");
        await Factory.UntilAsync(async () => await StatusAsync("/therapies/second") == HttpStatusCode.OK, "the new tree is served");

        _releases.Write("two/therapies/second.md", Article("Second Synthetic Therapy, Revised"));
        await Factory.UntilAsync(async () => await TitleAsync("/therapies/second") == "Second Synthetic Therapy, Revised", "an edit in the new tree is served");

        _releases.Write("one/therapies/first.md", Article("First Synthetic Therapy, Edited In The Old Folder"));
        _releases.Write("two/therapies/third.md", Article("Third Synthetic Therapy"));
        await Factory.UntilAsync(async () => await StatusAsync("/therapies/third") == HttpStatusCode.OK, "a later edit in the new tree is served");
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync("/therapies/first"));
        Assert.Equal("Second Synthetic Therapy, Revised", await TitleAsync("/therapies/second"));
    }

    [Fact]
    public async Task ASwapOfALinkAboveTheRootIsFoundByTheCheckEverySecond()
    {
        // The root is release/content, where release is the link that is swapped.
        WriteReleases("a/content", "b/content");
        await LinkAsync("release", "a");
        await using var factory = new StackwiseFactory(Path.Combine(Release("release"), "content")) { Watch = true, Time = new WatchedTime(DateTimeOffset.UtcNow) };
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/therapies/first", UriKind.Relative))).StatusCode);

        await LinkAsync("release", "b");

        await factory.UntilAsync(async () => (await client.GetAsync(new Uri("/therapies/second", UriKind.Relative))).StatusCode == HttpStatusCode.OK,
            "the tree behind the swapped parent link is served", advanceRearm: true);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/therapies/first", UriKind.Relative))).StatusCode);
    }
}
