using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Stackwise.Web.Tests.Support;

namespace Stackwise.BrowserTests;

/// <summary>
/// The real app on Kestrel at 127.0.0.1 (a free port) serving the repository's content (or another folder), and
/// one headless Chromium, shared by the tests of a class. Each test opens its own browser context.
/// </summary>
public class SiteFixture : IAsyncLifetime, IAsyncDisposable
{
    private readonly StackwiseFactory _factory;

    public SiteFixture()
        : this(RepositoryPaths.Content)
    {
    }

    protected SiteFixture(string contentRoot) => _factory = new StackwiseFactory(contentRoot);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser starts in InitializeAsync.");

    /// <summary>Where screenshots go: <c>STACKWISE_SCREENSHOTS</c>, else <c>tests/Stackwise.BrowserTests/TestResults/screenshots</c>.</summary>
    public static string ScreenshotFolder { get; } = Environment.GetEnvironmentVariable("STACKWISE_SCREENSHOTS") is { Length: > 0 } folder
        ? folder
        : Path.Combine(RepositoryPaths.Root, "tests", "Stackwise.BrowserTests", "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        if (Chromium.SkipReason is not null)
        {
            return;
        }
        if (!Chromium.IsInstalled)
        {
            throw new InvalidOperationException($"CI must run the browser tests, but Chromium is missing at {Chromium.ExecutablePath}. .ci/run installs Debian's chromium package.");
        }

        _factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel reported no address.");
        var address = addresses.Single();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.ExecutablePath,
            Headless = true,
            Args = Chromium.Arguments,
        });
    }

    /// <summary>A fresh context (no shared cookies or cache) at a phone or desktop size, light or dark.</summary>
    public async Task<IPage> OpenAsync(string path, int width = 1280, ColorScheme colorScheme = ColorScheme.Light, bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            ColorScheme = colorScheme,
            JavaScriptEnabled = javaScript,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        return page;
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await DisposeAsync();
        GC.SuppressFinalize(this);
    }

    public virtual async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
        await _factory.DisposeAsync();
    }
}
