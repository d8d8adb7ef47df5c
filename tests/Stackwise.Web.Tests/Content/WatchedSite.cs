using System.Net;
using System.Xml.Linq;
using Stackwise.Web.Content.Hosting;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Content;

/// <summary>
/// A running site on a synthetic folder that it watches, with the watcher's waits on a fake clock that
/// <see cref="StackwiseFactory.UntilAsync"/> moves on, and the ways a test reads what the site serves.
/// </summary>
public abstract class WatchedSite : IAsyncLifetime, IAsyncDisposable
{
    protected TempContentFolder Folder { get; } = new();

    private StackwiseFactory? _factory;
    private HttpClient? _client;

    /// <summary>The environment the site runs in: Production unless a test class is about the Development preview.</summary>
    protected virtual string Environment => "Production";

    protected HttpClient Client => _client ?? throw new InvalidOperationException("The site starts in InitializeAsync.");

    protected StackwiseFactory Factory => _factory ?? throw new InvalidOperationException("The site starts in InitializeAsync.");

    public Task InitializeAsync()
    {
        Folder.Write("therapies/first.md", Article("First Synthetic Therapy"))
            .Write("pages/terms.md", "---\ntitle: Terms\nsummary: Synthetic.\n---\nText.\n");
        _factory = new StackwiseFactory(Folder.Root, Environment) { Watch = true, Time = new WatchedTime(DateTimeOffset.UtcNow) };
        _client = _factory.CreateClient();
        return Task.CompletedTask;
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await DisposeAsync();
        GC.SuppressFinalize(this);
    }

    public virtual async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
        Folder.Dispose();
    }

    protected static string Article(string title, string body = "Synthetic text.") =>
        $"---\ntitle: {title}\ncategory: Test\nrisk: low\nsummary: Synthetic.\npublished: 2026-01-01\n---\n{body}\n";

    protected async Task<HttpStatusCode> StatusAsync(string url) => (await Client.GetAsync(new Uri(url, UriKind.Relative))).StatusCode;

    protected async Task<string?> TitleAsync(string url) => (await Client.GetPageAsync(url)).Document.QuerySelector("h1")?.TextContent;

    protected async Task<IReadOnlyList<string?>> HomeTitlesAsync() =>
        [.. (await Client.GetPageAsync("/")).Document.QuerySelectorAll(".article-card-title").Select(h => h.TextContent.Trim())];

    protected async Task<bool> InSitemapAsync(string path)
    {
        var sitemap = XDocument.Parse(await Client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative)));
        return sitemap.Descendants().Any(element => element.Name.LocalName == "loc" && element.Value == StackwiseFactory.BaseUrl + path);
    }

    /// <summary>Moves the watcher's clock past up to <paramref name="count"/> quiet periods, stopping early at a swap;
    /// returns how many.</summary>
    protected async Task<int> AdvanceQuietPeriodsAsync(int count)
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
}
