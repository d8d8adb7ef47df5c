namespace Stackwise.BrowserTests;

[Collection(SharedSite.Name)]
public sealed class KeyboardTests(SiteFixture site)
{
    [BrowserTheory]
    [InlineData(SitePages.Home)]
    [InlineData(SitePages.Article)]
    public async Task FirstTabReachesTheSkipLinkAndEnterMovesFocusToTheContent(string path)
    {
        var page = await site.OpenAsync(path);

        await page.Keyboard.PressAsync("Tab");
        var focused = await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()");
        var skipLinkVisible = await page.Locator("a.skip-link").IsVisibleAsync();
        await page.Keyboard.PressAsync("Enter");
        var focusedAfterEnter = await page.EvaluateAsync<string>("() => document.activeElement.id");

        Assert.Equal("Skip to content", focused);
        Assert.True(skipLinkVisible, "the skip link must become visible when focused");
        Assert.Equal("main", focusedAfterEnter);
        site.Release(page);
    }

    [BrowserFact]
    public async Task EveryTableOfContentsLinkMovesToItsSection()
    {
        var page = await site.OpenAsync(SitePages.Article, width: 375);
        var links = await page.Locator("nav.toc a").AllAsync();
        Assert.Equal(6, links.Count);

        foreach (var link in links)
        {
            var href = await link.GetAttributeAsync("href") ?? "";
            await link.FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForFunctionAsync("hash => location.hash === hash", href);

            var top = await page.EvaluateAsync<double>("id => document.getElementById(id).getBoundingClientRect().top", href[1..]);
            // The section is brought into view; the last ones cannot reach the very top of a short page end.
            Assert.InRange(top, 0, 800);
        }
        site.Release(page);
    }

    [BrowserFact]
    public async Task FocusedLinksAndControlsShowAVisibleOutline()
    {
        var page = await site.OpenAsync(SitePages.Article);
        var seen = new List<string>();

        for (var i = 0; i < 6; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var outline = await page.EvaluateAsync<string[]>(
                "() => { const s = getComputedStyle(document.activeElement); return [document.activeElement.tagName, s.outlineStyle, s.outlineWidth]; }");

            seen.Add(outline[0]);
            Assert.Equal("solid", outline[1]);
            Assert.Equal("3px", outline[2]);
        }
        Assert.Equal(["A", "A", "INPUT", "BUTTON", "A", "A"], seen);
        site.Release(page);
    }
}
