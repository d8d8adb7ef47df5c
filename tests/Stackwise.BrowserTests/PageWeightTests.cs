using Microsoft.Playwright;

namespace Stackwise.BrowserTests;

[Collection(SharedSite.Name)]
public sealed class PageWeightTests(SiteFixture site)
{
    public const int MaxArticleBytes = 40 * 1024;

    [BrowserFact]
    public async Task ArticleWithItsStylesheetStaysUnder40KilobytesWithNoThirdPartyRequests() =>
        await AssertLightAsync(site, SitePages.Article);

    /// <summary>Everything the browser fetches for <paramref name="path"/>: all from the site, the stylesheet included,
    /// under the limit, no script.</summary>
    public static async Task AssertLightAsync(SiteFixture site, string path)
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        var responses = new List<IResponse>();
        page.Response += (_, response) => responses.Add(response);

        await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        long total = 0;
        foreach (var response in responses)
        {
            total += (await response.BodyAsync()).Length;
        }

        Assert.All(responses, response => Assert.True(response.Ok, $"{response.Url} answered {response.Status}"));
        Assert.All(responses, response => Assert.StartsWith(site.BaseAddress.ToString(), response.Url, StringComparison.Ordinal));
        Assert.Contains(responses, response => response.Url.EndsWith(".css", StringComparison.Ordinal) && response.Status == 200);
        Assert.InRange(total, 1, MaxArticleBytes);
        Assert.Equal(0, await page.Locator("script:not([type='application/ld+json'])").CountAsync());
        await context.CloseAsync();
    }
}
