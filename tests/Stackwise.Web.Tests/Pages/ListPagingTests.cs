using System.Net;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Pages;

public sealed class ListPagingTests : IDisposable
{
    private readonly TempContentFolder _folder = new();

    public ListPagingTests()
    {
        for (var i = 1; i <= 25; i++)
        {
            _folder.Write($"therapies/item-{i:00}.md",
                $"---\ntitle: Synthetic Item {i:00}\ncategory: Test\nrisk: low\nsummary: Synthetic.\npublished: 2026-01-{i:00}\n---\nText.\n");
        }
    }

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("/categories/test")]
    [InlineData("/risk/low")]
    public async Task LongListsArePagedTwentyAtATimeWithLinksAndTheirOwnCanonical(string list)
    {
        await using var site = new StackwiseFactory(_folder.Root);
        var client = site.CreateClient();

        var (_, first) = await client.GetPageAsync(list);
        var (secondResponse, second) = await client.GetPageAsync($"{list}/page/2");
        var (beyond, _) = await client.GetPageAsync($"{list}/page/3");

        Assert.Equal(20, first.QuerySelectorAll(".article-card").Length);
        Assert.Equal("Synthetic Item 25", first.QuerySelector(".article-card-title")?.NormalizedText());
        Assert.Equal($"{list}/page/2", first.QuerySelector("nav.pagination a[rel=next]")?.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, secondResponse.StatusCode);
        Assert.Equal(5, second.QuerySelectorAll(".article-card").Length);
        Assert.Equal(list, second.QuerySelector("nav.pagination a[rel=prev]")?.GetAttribute("href"));
        Assert.Equal($"{StackwiseFactory.BaseUrl}{list}/page/2", second.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.EndsWith(", page 2 | Stackwise", second.Title, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, beyond.StatusCode);
        Assert.Contains($"{StackwiseFactory.BaseUrl}{list}/page/2", await client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HomeShowsTheTwentyNewest()
    {
        await using var site = new StackwiseFactory(_folder.Root);

        var (_, home) = await site.CreateClient().GetPageAsync("/");

        Assert.Equal(20, home.QuerySelectorAll(".article-card").Length);
        Assert.Contains(home.QuerySelectorAll("p"), p => p.NormalizedText().StartsWith("These are the 20 newest of 25 articles", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/categories/test?pageNumber=-5")]
    [InlineData("/categories/test?pageNumber=2")]
    [InlineData("/risk/low?pageNumber=-5")]
    [InlineData("/risk/low?pageNumber=0")]
    [InlineData("/risk/low?pageNumber=2")]
    [InlineData("/risk/low?pageNumber=99999999999")]
    public async Task PageNumberInTheQueryStringIsIgnored(string url)
    {
        await using var site = new StackwiseFactory(_folder.Root);

        var (response, document) = await site.CreateClient().GetPageAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("page", document.QuerySelector("h1")?.NormalizedText() ?? "", StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(", page", document.Title ?? "", StringComparison.Ordinal);
        Assert.Equal(20, document.QuerySelectorAll(".article-card").Length);
        Assert.Equal("Synthetic Item 25", document.QuerySelector(".article-card-title")?.NormalizedText());
    }
}
