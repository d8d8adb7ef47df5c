using Microsoft.Playwright;
using Stackwise.Web.Tests.Support;

namespace Stackwise.BrowserTests;

/// <summary>
/// The Development preview in Chromium: an open page reloads itself after a save, and a refused save shows its banner,
/// without the editor pressing refresh.
/// </summary>
[Collection(SharedSite.Name)]
public sealed class DevelopmentPreviewBrowserTests(DevelopmentPreviewBrowserTests.DevelopmentSite site) : IClassFixture<DevelopmentPreviewBrowserTests.DevelopmentSite>
{
    private static string Article(string title, string risk = "low") =>
        $"---\ntitle: {title}\ncategory: Test\nrisk: {risk}\nsummary: Synthetic.\npublished: 2026-01-01\n---\nSynthetic text.\n";

    [BrowserFact]
    public async Task AnOpenPageFollowsEachSaveByItself()
    {
        var page = await site.OpenAsync("/therapies/live");
        // The script's first answer is the version the page was shown with.
        await page.WaitForResponseAsync(response => response.Url.EndsWith("/_content/version", StringComparison.Ordinal));

        site.Folder.Write("therapies/live.md", Article("Synthetic Live Therapy, Edited"));
        await page.WaitForFunctionAsync("() => document.querySelector('h1')?.textContent === 'Synthetic Live Therapy, Edited'", null, new PageWaitForFunctionOptions { Timeout = 15_000 });
        await page.WaitForResponseAsync(response => response.Url.EndsWith("/_content/version", StringComparison.Ordinal));

        site.Folder.Write("therapies/live.md", Article("Synthetic Live Therapy, Broken", risk: "medium"));
        await page.WaitForSelectorAsync(".preview-banner--refused", new PageWaitForSelectorOptions { Timeout = 15_000 });

        Assert.Equal("Synthetic Live Therapy, Edited", await page.TextContentAsync("h1"));
        Assert.Contains("(got `medium`)", await page.TextContentAsync(".preview-banner--refused"), StringComparison.Ordinal);
        Directory.CreateDirectory(SiteFixture.ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SiteFixture.ScreenshotFolder, "development-refused-save.png") });
        site.Release(page);
    }

    /// <summary>A Development site watching a folder of its own.</summary>
    public sealed class DevelopmentSite : SiteFixture
    {
        public DevelopmentSite()
            : this(new TempContentFolder().Write("therapies/live.md", Article("Synthetic Live Therapy")))
        {
        }

        private DevelopmentSite(TempContentFolder folder)
            : base(new StackwiseFactory(folder.Root, "Development") { Watch = true }) => Folder = folder;

        public TempContentFolder Folder { get; }

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            Folder.Dispose();
        }
    }
}
