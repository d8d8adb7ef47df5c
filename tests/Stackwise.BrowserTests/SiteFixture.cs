using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Stackwise.Web.Tests.Support;

namespace Stackwise.BrowserTests;

/// <summary>
/// The real app on Kestrel at 127.0.0.1 (a free port) serving the repository's content (or another folder), and
/// one headless Chromium, shared by the tests of a class, with the pages the tests reuse (<see cref="OpenAsync"/>).
/// </summary>
public class SiteFixture : IAsyncLifetime, IAsyncDisposable
{
    private readonly StackwiseFactory _factory;

    public SiteFixture()
        : this(RepositoryPaths.Content)
    {
    }

    protected SiteFixture(string contentRoot)
        : this(new StackwiseFactory(contentRoot))
    {
    }

    /// <param name="factory">The site to run, in its environment and with its settings.</param>
    protected SiteFixture(StackwiseFactory factory) => _factory = factory;

    private readonly Lock _lock = new();
    private readonly List<IPage> _idle = [];
    private Task<IBrowserContext>? _withScript;
    private Task<IBrowserContext>? _withoutScript;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser starts in InitializeAsync.");

    /// <summary>
    /// Where screenshots go: <c>STACKWISE_SCREENSHOTS</c>, else <c>stackwise-screenshots</c> in the system's temporary
    /// folder (never the source tree).
    /// </summary>
    public static string ScreenshotFolder { get; } = Environment.GetEnvironmentVariable("STACKWISE_SCREENSHOTS") is { Length: > 0 } folder
        ? folder
        : Path.Combine(Path.GetTempPath(), "stackwise-screenshots");

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

    /// <summary>
    /// A page at a phone or desktop size, light or dark, on <paramref name="path"/>. Give it back with
    /// <see cref="Release"/> when the test is done with it: the next test navigates the same page instead of opening a
    /// new one, because a new page costs Chromium about a core-second here (a renderer started, axe-core compiled again)
    /// and that was most of the browser tests' time. Pages share one context per JavaScript setting (the site sets no
    /// cookies); a test that watches the network or dialogs opens its own context.
    /// </summary>
    public async Task<IPage> OpenAsync(string path, int width = 1280, ColorScheme colorScheme = ColorScheme.Light, bool javaScript = true)
    {
        var page = await PageAsync(width, colorScheme, javaScript);
        await page.GotoAsync(path);
        return page;
    }

    /// <summary>A page as <see cref="OpenAsync"/> gives it, before it navigates anywhere.</summary>
    public async Task<IPage> PageAsync(int width = 1280, ColorScheme colorScheme = ColorScheme.Light, bool javaScript = true)
    {
        var context = await ContextAsync(javaScript);
        IPage? page;
        lock (_lock)
        {
            page = _idle.FirstOrDefault(idle => idle.Context == context);
            if (page is not null)
            {
                _idle.Remove(page);
            }
        }
        page ??= await context.NewPageAsync();
        // The pointer where the last test left it would hover whatever comes under it on the next page.
        await page.Mouse.MoveAsync(0, 0);
        await page.SetViewportSizeAsync(width, 900);
        // Every emulated setting, so that none a test changed (print, in the print test) carries over to the next.
        await page.EmulateMediaAsync(new PageEmulateMediaOptions
        {
            Media = Media.Screen,
            ColorScheme = colorScheme,
            ReducedMotion = ReducedMotion.NoPreference,
            ForcedColors = ForcedColors.None,
            Contrast = Contrast.NoPreference,
        });
        return page;
    }

    /// <summary>Hands a page back for the next test; a page a failed test never gave back is left open and unused.</summary>
    public void Release(IPage page)
    {
        lock (_lock)
        {
            _idle.Add(page);
        }
    }

    private Task<IBrowserContext> ContextAsync(bool javaScript)
    {
        lock (_lock)
        {
            ref var context = ref javaScript ? ref _withScript : ref _withoutScript;
            return context ??= Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString(), JavaScriptEnabled = javaScript });
        }
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
