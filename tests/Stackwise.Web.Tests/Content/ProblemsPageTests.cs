using System.Net;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Content;

public sealed class ProblemsPageTests : IDisposable
{
    private readonly TempContentFolder _folder = new TempContentFolder()
        .Write("therapies/good.md", SyntheticContent.LowRiskArticle.Replace("Text.", "See [a missing page](/therapies/missing).", StringComparison.Ordinal))
        .Write("therapies/bad.md", SyntheticContent.LowRiskArticle.Replace("risk: low", "risk: medium", StringComparison.Ordinal));

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task DevelopmentListsEveryProblemWithFileAndLine()
    {
        await using var site = new StackwiseFactory(_folder.Root, "Development");

        var (response, document) = await site.CreateClient().GetPageAsync("/_content/problems");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = document.QuerySelectorAll("table.problems tbody tr").Select(row => row.QuerySelectorAll("td").Select(td => td.NormalizedText()).ToList()).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(["content/therapies/bad.md:4:7", "Error", "SW027", "field `risk` must be one of low, moderate, high (got `medium`)"], rows[0]);
        Assert.Equal(["content/therapies/good.md:8:5", "Warning", "SW053"], rows[1].Take(3));
        Assert.Equal("noindex", document.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
    }

    [Fact]
    public async Task ProblemsPageIsNotServedInProduction()
    {
        await using var site = new StackwiseFactory(_folder.Root);

        var (response, _) = await site.CreateClient().GetPageAsync("/_content/problems");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task RejectedPageShowsItsProblemsInDevelopment()
    {
        await using var site = new StackwiseFactory(_folder.Root, "Development");

        var (response, document) = await site.CreateClient().GetPageAsync("/therapies/bad");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("SW027", document.QuerySelector("table.problems")?.NormalizedText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RejectedPageIsABarePageNotFoundInProduction()
    {
        await using var site = new StackwiseFactory(_folder.Root);

        var (response, document) = await site.CreateClient().GetPageAsync("/therapies/bad");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(document.QuerySelector("table.problems"));
        Assert.DoesNotContain("SW027", document.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    /// <summary>Two files claim /therapies/broken (both rejected), a third is fine and a fourth has a bad file name.</summary>
    private static TempContentFolder TwoRejectedFilesForOneAddress() => new TempContentFolder()
        .Write("therapies/good.md", SyntheticContent.LowRiskArticle)
        .Write("therapies/broken.md", "---\ncategory: Test\nrisk: low\nsummary: Synthetic.\npublished: 2026-01-01\n---\nText.\n")
        .Write("therapies/broken.markdown", "---\ncategory: Test\nrisk: wrong\nsummary: Synthetic.\npublished: 2026-01-01\n---\nText.\n")
        .Write("therapies/Bad Name.md", SyntheticContent.LowRiskArticle);

    [Fact]
    public async Task RejectedPageShowsTheProblemsOfEveryFileClaimingItsAddress()
    {
        using var folder = TwoRejectedFilesForOneAddress();
        await using var site = new StackwiseFactory(folder.Root, "Development");

        var (response, document) = await site.CreateClient().GetPageAsync("/therapies/broken");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("This page's file has problems", document.QuerySelector("main h2")?.NormalizedText());
        var listed = document.QuerySelectorAll("table.problems tbody tr").Select(row => row.NormalizedText()).ToList();
        Assert.Contains(listed, row => row.Contains("therapies/broken.md", StringComparison.Ordinal) && row.Contains("title", StringComparison.Ordinal));
        Assert.Contains(listed, row => row.Contains("therapies/broken.markdown", StringComparison.Ordinal) && row.Contains("risk", StringComparison.Ordinal));
        Assert.DoesNotContain(listed, row => row.Contains("good.md", StringComparison.Ordinal) || row.Contains("Bad Name", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/therapies/good-but-missing")]
    [InlineData("/therapies/bad-name")]
    public async Task AnAddressNoRejectedFileClaimsIsAPlainNotFoundInDevelopment(string url)
    {
        using var folder = TwoRejectedFilesForOneAddress();
        await using var site = new StackwiseFactory(folder.Root, "Development");

        var (response, document) = await site.CreateClient().GetPageAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(document.QuerySelector("table.problems"));
    }
}
