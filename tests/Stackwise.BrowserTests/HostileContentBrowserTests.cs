using Microsoft.Playwright;
using Stackwise.Web.Tests.Hardening;
using Stackwise.Web.Tests.Support;

namespace Stackwise.BrowserTests;

/// <summary>
/// The hostile files of <see cref="HostileFiles"/> that are served, opened in Chromium: nothing in them
/// runs (every payload calls <c>alert</c>, so running code would open a dialog) and no page is blanked by CSS.
/// </summary>
[Collection(SharedSite.Name)]
public sealed class HostileContentBrowserTests(HostileContentBrowserTests.HostileSite site) : IClassFixture<HostileContentBrowserTests.HostileSite>
{
    public static TheoryData<string> Pages =>
        [.. HostileFiles.InertPaths.Select(path => "/" + path[..^".md".Length]), "/images/hostile.svg"];

    [BrowserTheory]
    [MemberData(nameof(Pages))]
    public async Task NothingInAHostilePageRuns(string path)
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };

        var response = await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        await page.WaitForTimeoutAsync(200);   // a chance for onload or a timer to fire, if anything could

        Assert.Equal(200, response?.Status);
        Assert.Empty(dialogs);
        if (!path.StartsWith("/images/", StringComparison.Ordinal))
        {
            Assert.True(await page.IsVisibleAsync("main h1"), "the article's title is visible (no injected style hid the page)");
            Directory.CreateDirectory(SiteFixture.ScreenshotFolder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SiteFixture.ScreenshotFolder, $"hostile{path.Replace('/', '-')}.png") });
        }
        await context.CloseAsync();
    }

    /// <summary>The site on one folder holding every hostile file, built as <see cref="HostileFiles"/> builds it.</summary>
    public sealed class HostileSite : SiteFixture
    {
        private readonly TempContentFolder _folder;

        public HostileSite()
            : this(HostileFiles.WriteFolder())
        {
        }

        private HostileSite(TempContentFolder folder)
            : base(folder.Root) => _folder = folder;

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            _folder.Dispose();
        }
    }
}
