using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Search;

/// <summary>
/// Chinese, Japanese and Korean words are found as words: a query matches the articles where its characters stand
/// together, not every article that has one of them; full-width and half-width forms find each other. Synthetic text.
/// </summary>
public sealed class CjkSearchTests() : SiteOnFolderTest(Content())
{
    private static TempContentFolder Content() => new TempContentFolder()
        .Write("therapies/together.md", SyntheticContent.Article("睡眠疗法示例", "补充医学", "low", "published: 2026-01-01", "睡眠疗法的示例文字。"))
        .Write("therapies/apart.md", SyntheticContent.Article("午睡与冬眠示例", "补充医学", "low", "published: 2026-01-02", "午睡与冬眠的示例文字。"))
        .Write("therapies/katakana.md", SyntheticContent.Article("療法のガイド", "補完医療", "low", "published: 2026-01-03", "ガイドの例。"))
        .Write("therapies/hangul.md", SyntheticContent.Article("수면 치료 안내", "보완 의학", "low", "published: 2026-01-04", "수면 치료의 예시입니다."))
        .Write("therapies/latin.md", SyntheticContent.Article("Synthetic Sleep Therapy", "Synthetic Group", "low", "published: 2026-01-05", "Sleeping synthetic words."));

    private async Task<IReadOnlyList<string?>> FoundAsync(string query)
    {
        var (_, page) = await Site.CreateClient().GetPageAsync($"/search?q={Uri.EscapeDataString(query)}");
        return [.. page.QuerySelectorAll(".search-results .article-card-title a").Select(a => a.GetAttribute("href"))];
    }

    [Theory]
    [InlineData("睡眠", "/therapies/together")]
    [InlineData("冬眠", "/therapies/apart")]
    [InlineData("ガイド", "/therapies/katakana")]
    [InlineData("ｶﾞｲﾄﾞ", "/therapies/katakana")]
    [InlineData("치료", "/therapies/hangul")]
    [InlineData("ｓｌｅｅｐ", "/therapies/latin")]
    [InlineData("sleeping", "/therapies/latin")]
    public async Task AQueryFindsOnlyTheArticlesWithItsWord(string query, string url)
    {
        Assert.Equal([url], await FoundAsync(query));
    }

    [Fact]
    public async Task AWordOfOverlappingPairsIsMarkedOnceInTheSnippet()
    {
        var (response, page) = await Site.CreateClient().GetPageAsync($"/search?q={Uri.EscapeDataString("ガイド")}");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["ガイド"], page.QuerySelectorAll(".search-results .snippet mark").Select(mark => mark.TextContent));
    }
}
