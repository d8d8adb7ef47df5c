namespace Stackwise.BrowserTests;

/// <summary>A share card opened in Chromium, the way a social site's crawler would fetch it.</summary>
[Collection(SharedSite.Name)]
public sealed class CardBrowserTests(SiteFixture site)
{
    [BrowserFact]
    public async Task TheArticlesCardLoadsAsA1200By630Image()
    {
        var page = await site.OpenAsync(SitePages.Article);
        var cardUrl = await page.Locator("meta[property='og:image']").GetAttributeAsync("content") ?? "";
        var cardPath = new Uri(cardUrl).AbsolutePath;

        var response = await page.GotoAsync(cardPath);
        var size = await page.EvaluateAsync<int[]>("() => { const image = document.querySelector('img'); return [image.naturalWidth, image.naturalHeight]; }");

        Assert.Equal(200, response?.Status);
        Assert.Equal("image/png", response?.Headers["content-type"]);
        Assert.Equal([1200, 630], size);
        Directory.CreateDirectory(SiteFixture.ScreenshotFolder);
        await File.WriteAllBytesAsync(Path.Combine(SiteFixture.ScreenshotFolder, "card-ketamine.png"), await response!.BodyAsync());
        site.Release(page);
    }
}
