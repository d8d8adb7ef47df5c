using System.Net;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Pages;

/// <summary>
/// In Development, the address of a file left off the site answers 404 with that file's problems, so an editor previewing
/// a page sees why it is missing; a public site never shows them.
/// </summary>
public sealed class RejectedFilePageTests : IDisposable
{
    // Two files claim /therapies/broken (both rejected: no title), a third is fine, and a fourth has a bad file name.
    private readonly TempContentFolder _folder = new TempContentFolder()
        .Write("therapies/good.md", SyntheticContent.LowRiskArticle)
        .Write("therapies/broken.md", "---\ncategory: Test\nrisk: low\nsummary: Synthetic.\npublished: 2026-01-01\n---\nText.\n")
        .Write("therapies/broken.markdown", "---\ncategory: Test\nrisk: wrong\nsummary: Synthetic.\npublished: 2026-01-01\n---\nText.\n")
        .Write("therapies/Bad Name.md", SyntheticContent.LowRiskArticle);

    [Fact]
    public async Task TheDevelopmentNotFoundPageListsTheProblemsOfEveryFileClaimingTheAddress()
    {
        await using var site = new StackwiseFactory(_folder.Root, "Development");

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
    public async Task AnAddressNoRejectedFileClaimsIsAPlainNotFound(string url)
    {
        await using var site = new StackwiseFactory(_folder.Root, "Development");

        var (response, document) = await site.CreateClient().GetPageAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(document.QuerySelector("table.problems"));
    }

    [Fact]
    public async Task APublicSiteNeverShowsTheProblems()
    {
        await using var site = new StackwiseFactory(_folder.Root);

        var (response, document) = await site.CreateClient().GetPageAsync("/therapies/broken");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(document.QuerySelector("table.problems"));
        Assert.DoesNotContain("broken.md", document.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
