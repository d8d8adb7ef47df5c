using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Search;

public sealed class RealContentSearchTests(RealContentFactory factory) : IClassFixture<RealContentFactory>
{
    [Theory]
    [InlineData("ketamine")]
    [InlineData("ketamin")]
    [InlineData("Ketamine-Assisted")]
    [InlineData("blood pressure")]
    [InlineData("PTSD")]
    [InlineData("dissociaton")]
    [InlineData("neuroplastcity")]
    public async Task ReadersWordsFindTheKetamineArticleFirst(string query)
    {
        var (_, document) = await factory.CreateClient().GetPageAsync($"/search?q={Uri.EscapeDataString(query)}");

        var first = document.QuerySelector(".search-results .article-card-title a");
        Assert.Equal("/therapies/ketamine-assisted-therapy", first?.GetAttribute("href"));
        Assert.NotEmpty(document.QuerySelectorAll(".search-results .snippet mark"));
    }
}
