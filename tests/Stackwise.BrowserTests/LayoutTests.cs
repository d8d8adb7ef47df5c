using Microsoft.Playwright;

namespace Stackwise.BrowserTests;

[Collection(SharedSite.Name)]
public sealed class LayoutTests(SiteFixture site)
{
    [BrowserTheory]
    [MemberData(nameof(SitePages.All), MemberType = typeof(SitePages))]
    public async Task NoPageScrollsSidewaysAt375Or320Pixels(string path)
    {
        foreach (var width in new[] { 375, 320 })
        {
            var page = await site.OpenAsync(path, width);

            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");

            Assert.True(overflow <= 0, $"{path} is {overflow}px wider than a {width}px screen");
            site.Release(page);
        }
    }

    [BrowserTheory]
    [MemberData(nameof(SitePages.All), MemberType = typeof(SitePages))]
    public async Task PagesLoadWithoutConsoleErrorsOrContentSecurityPolicyViolations(string path)
    {
        var page = await site.PageAsync();
        var errors = new List<string>();
        void Collect(object? sender, IConsoleMessage message)
        {
            if (message.Type == "error" && !message.Text.Contains("404", StringComparison.Ordinal))
            {
                errors.Add(message.Text);
            }
        }
        page.Console += Collect;

        await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });

        page.Console -= Collect;
        Assert.Empty(errors);
        site.Release(page);
    }

    [BrowserFact]
    public async Task ArticleLinesStayNearSeventyCharactersOnAWideScreen()
    {
        var page = await site.OpenAsync(SitePages.Article, width: 1600);

        // Characters a line = the paragraph's characters over its rendered lines.
        var charactersPerLine = await page.EvaluateAsync<double>(
            "() => { const p = document.querySelector('.article-body p'); const lines = p.getBoundingClientRect().height / parseFloat(getComputedStyle(p).lineHeight); return p.textContent.length / lines; }");

        Assert.InRange(charactersPerLine, 60, 80);
        site.Release(page);
    }

    [BrowserFact]
    public async Task PagesWorkWithJavaScriptOff()
    {
        var page = await site.OpenAsync(SitePages.Article, javaScript: false);

        Assert.Equal("Ketamine-Assisted Therapy", await page.Locator("h1").InnerTextAsync());
        Assert.Equal(6, await page.Locator(".health-risks li").CountAsync());
        await page.Locator("nav.toc a[href='#how-it-works']").ClickAsync();
        Assert.EndsWith("#how-it-works", page.Url, StringComparison.Ordinal);
        site.Release(page);
    }

    [BrowserFact]
    public async Task MisspelledTreatmentInTheHeaderBoxOnAPhoneWithJavaScriptOffFindsTheArticleFirst()
    {
        var page = await site.OpenAsync(SitePages.Home, width: 375, javaScript: false);

        await page.Locator("header input[name=q]").FillAsync("ketamin");
        var answer = page.WaitForResponseAsync(response => response.Url.EndsWith("/search?q=ketamin", StringComparison.Ordinal));
        await page.Locator("header input[name=q]").PressAsync("Enter");
        Assert.Equal(200, (await answer).Status);
        await page.WaitForURLAsync("**/search?q=ketamin");

        var first = page.Locator(".search-results .article-card-title a").First;
        Assert.Equal("Ketamine-Assisted Therapy", await first.InnerTextAsync());
        Assert.True(await page.Locator(".search-results li").First.Locator("mark").CountAsync() > 0);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SiteFixture.ScreenshotFolder, "search-375-light.png"), FullPage = true });
        site.Release(page);
    }

    [BrowserFact]
    public async Task PrintShowsTheArticleHealthRisksAndDisclaimerWithoutNavigation()
    {
        var page = await site.OpenAsync(SitePages.Article);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        Assert.True(await page.Locator("article h1").IsVisibleAsync());
        Assert.True(await page.Locator(".health-risks").IsVisibleAsync());
        Assert.True(await page.Locator("footer .disclaimer").IsVisibleAsync());
        foreach (var hidden in new[] { ".site-header", "nav.breadcrumbs", "nav.toc", ".footer-nav" })
        {
            Assert.False(await page.Locator(hidden).IsVisibleAsync(), $"{hidden} should not print");
        }
        site.Release(page);
    }

    [BrowserFact]
    public async Task RiskBadgesHaveDistinctColoursAndSayTheirLevelInText()
    {
        var page = await site.OpenAsync("/risk-levels");
        var colours = new List<string>();
        foreach (var level in new[] { "low", "moderate", "high" })
        {
            await page.EvaluateAsync(
                "level => { const a = document.createElement('a'); a.className = 'risk-badge risk-badge--' + level; a.id = 'probe-' + level; a.textContent = level; document.querySelector('main').append(a); }",
                level);
            colours.Add(await page.EvaluateAsync<string>("id => getComputedStyle(document.getElementById(id)).backgroundColor", $"probe-{level}"));
        }

        Assert.Equal(3, colours.Distinct().Count());
        var articleBadge = await site.OpenAsync(SitePages.Article);
        Assert.Equal("Moderate Risk", await articleBadge.Locator("article .risk-badge").InnerTextAsync());
        site.Release(page);
        site.Release(articleBadge);
    }

    [BrowserTheory]
    [InlineData(SitePages.Home, "home")]
    [InlineData(SitePages.Article, "article")]
    public async Task ScreenshotsAtPhoneAndDesktopWidthsInLightAndDark(string path, string name)
    {
        Directory.CreateDirectory(SiteFixture.ScreenshotFolder);
        foreach (var width in new[] { 375, 1280 })
        {
            foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
            {
                var page = await site.OpenAsync(path, width, scheme);
                var file = Path.Combine(SiteFixture.ScreenshotFolder, $"{name}-{width}-{scheme.ToString().ToLowerInvariant()}.png");

                await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });

                Assert.True(new FileInfo(file).Length > 10_000, $"{file} looks empty");
                site.Release(page);
            }
        }
    }
}
