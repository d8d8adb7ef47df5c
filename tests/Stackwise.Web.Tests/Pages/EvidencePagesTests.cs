using System.Net;
using AngleSharp.Dom;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Pages;

/// <summary>References, citations, bylines and people's pages, read through HTTP from the evidence fixture.</summary>
public sealed class EvidencePagesTests : IClassFixture<EvidencePagesTests.EvidenceFactory>
{
    private const string Article = "/therapies/evidence-test-therapy";
    private readonly HttpClient _client;

    public EvidencePagesTests(EvidenceFactory factory) => _client = factory.CreateClient();

    public sealed class EvidenceFactory() : StackwiseFactory(RepositoryPaths.EvidenceContent);

    [Fact]
    public async Task BylineNamesTheWriterAndTheReviewerWithCredentialsAndDateEachLinkingToTheirPage()
    {
        var (_, document) = await _client.GetPageAsync(Article);

        var credits = document.QuerySelectorAll(".article-header .article-credit");
        Assert.Equal(["Written by Test Writer", "Medically reviewed by Test Reviewer, MD, on 20 January 2026"], credits.Select(credit => credit.NormalizedText()));
        Assert.Equal(["/people/test-writer", "/people/test-reviewer"], credits.Select(credit => credit.QuerySelector("a")?.GetAttribute("href")));
        Assert.Equal("2026-01-20", credits[1].QuerySelector("time")?.GetAttribute("datetime"));
        Assert.Equal("h1", credits[0].PreviousElementSibling?.LocalName);
    }

    [Fact]
    public async Task SeveralWritersAreJoinedAndNoReviewerMeansNoReviewLine()
    {
        var (_, document) = await _client.GetPageAsync("/therapies/co-written-test-therapy");

        var credit = Assert.Single(document.QuerySelectorAll(".article-credit"));
        Assert.Equal("Written by Test Writer and Second Writer", credit.NormalizedText());
        Assert.Equal(["/people/test-writer", "/people/second-writer"], credit.QuerySelectorAll("a").Select(link => link.GetAttribute("href")));
    }

    [Fact]
    public async Task CitationsAreNumberedByFirstCitationAndLinkToTheirReference()
    {
        var (_, document) = await _client.GetPageAsync(Article);

        var citations = document.QuerySelectorAll(".article-body sup.citation a");
        Assert.Equal(["1", "2", "1"], citations.Select(link => link.TextContent));
        Assert.Equal(["#ref-synthetic-paper", "#ref-synthetic-web-page", "#ref-synthetic-paper"], citations.Select(link => link.GetAttribute("href")));
        Assert.Equal(["[@synthetic-paper]", "[@synthetic-web-page] in a code block stays literal too.\n"],
            document.QuerySelectorAll(".article-body code").Select(code => code.TextContent));
    }

    [Fact]
    public async Task ReferencesCloseTheBodyInCitationOrderBeforeTheHealthRisks()
    {
        var (_, document) = await _client.GetPageAsync(Article);

        var section = document.QuerySelector("section.references");
        Assert.NotNull(section);
        Assert.Equal("references", section.GetAttribute("aria-labelledby"));
        Assert.Equal("References", section.QuerySelector("h2#references")?.TextContent);
        Assert.Equal("article-body", section.PreviousElementSibling?.ClassName);
        Assert.Equal("health-risks", section.NextElementSibling?.ClassName);

        var items = section.QuerySelectorAll("ol > li");
        Assert.Equal(["ref-synthetic-paper", "ref-synthetic-web-page"], items.Select(item => item.Id));
        Assert.Equal("Tester A, Tester B. A synthetic paper. Journal of Synthetic Tests, 2024. doi:10.5555/synthetic.2024.1 PubMed 12345678",
            items[0].NormalizedText());
        Assert.Equal(["https://doi.org/10.5555/synthetic.2024.1", "https://pubmed.ncbi.nlm.nih.gov/12345678/"], Links(items[0]));
        Assert.Equal("A synthetic web page. Synthetic Publisher. example.org/synthetic-page", items[1].NormalizedText());
        Assert.Equal(["https://example.org/synthetic-page"], Links(items[1]));
        Assert.All(section.QuerySelectorAll("a"), link => Assert.Equal("noopener noreferrer", link.GetAttribute("rel")));
    }

    [Fact]
    public async Task TableOfContentsListsTheReferencesBeforeTheHealthRisks()
    {
        var (_, document) = await _client.GetPageAsync(Article);

        Assert.Equal(["#first-evidence-section", "#second-evidence-section", "#references", "#health-risks"],
            document.QuerySelectorAll(".toc a").Select(link => link.GetAttribute("href")));
    }

    [Fact]
    public async Task TypedHealthRisksShowAsOneListInTheirOrderWithTheirWords()
    {
        var (_, document) = await _client.GetPageAsync(Article);

        Assert.Equal(["Synthetic side effect", "Synthetic serious outcome", "Synthetic contraindication", "Synthetic interaction"],
            document.QuerySelectorAll("section.health-risks ul > li").Select(item => item.TextContent));
        Assert.Single(document.QuerySelectorAll("section.health-risks ul"));
    }

    [Fact]
    public async Task PersonPageShowsNameCredentialsBiographyAndTheArticlesTheyReviewed()
    {
        var (response, document) = await _client.GetPageAsync("/people/test-reviewer");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Test Reviewer", document.QuerySelector("main h1")?.TextContent);
        Assert.Equal("MD · Medical reviewer", document.QuerySelector(".person-meta")?.TextContent);
        Assert.Contains("exists only for the automated tests", document.QuerySelector("article.person p:not(.person-meta)")?.TextContent, StringComparison.Ordinal);
        var section = Assert.Single(document.QuerySelectorAll(".person-articles"));
        Assert.Equal("Articles reviewed", section.QuerySelector("h2")?.TextContent);
        Assert.Equal([Article], section.QuerySelectorAll("a").Select(link => link.GetAttribute("href")));
        Assert.Equal($"{StackwiseFactory.BaseUrl}/people/test-reviewer", document.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
    }

    [Fact]
    public async Task WritersPageListsTheArticlesTheyWroteNewestFirst()
    {
        var (_, document) = await _client.GetPageAsync("/people/test-writer");

        var section = Assert.Single(document.QuerySelectorAll(".person-articles"));
        Assert.Equal("Articles written", section.QuerySelector("h2")?.TextContent);
        Assert.Equal([Article, "/therapies/co-written-test-therapy"], section.QuerySelectorAll("a").Select(link => link.GetAttribute("href")));
    }

    [Fact]
    public async Task PeoplePageListsEveryoneByNameWithWhatTheyDid()
    {
        var (_, document) = await _client.GetPageAsync("/people");

        var items = document.QuerySelectorAll(".people-list > li");
        Assert.Equal(["/people/second-writer", "/people/test-reviewer", "/people/test-writer"], items.Select(item => item.QuerySelector("a")?.GetAttribute("href")));
        Assert.Equal(["Second Writer 1 article written", "Test Reviewer, MD Medical reviewer 1 article reviewed", "Test Writer Health writer 2 articles written"],
            items.Select(item => item.NormalizedText()));
    }

    [Theory]
    [InlineData("/people/nobody")]
    [InlineData("/people/test-writer/extra")]
    [InlineData("/people/pages")]
    public async Task UnknownPersonIs404(string path)
    {
        var response = await _client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task SitemapListsThePeoplePages()
    {
        var sitemap = await _client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative));

        foreach (var path in new[] { "/people", "/people/second-writer", "/people/test-reviewer", "/people/test-writer" })
        {
            Assert.Contains($"<loc>{StackwiseFactory.BaseUrl}{path}</loc>", sitemap, StringComparison.Ordinal);
        }
    }

    private static IEnumerable<string?> Links(IElement element) => element.QuerySelectorAll("a").Select(link => link.GetAttribute("href"));
}
