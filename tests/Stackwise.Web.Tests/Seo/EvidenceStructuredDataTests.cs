using System.Text.Json;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Seo;

/// <summary>The JSON-LD of references, people and typed health risks, read field by field.</summary>
public sealed class EvidenceStructuredDataTests
{
    private const string Base = StackwiseFactory.BaseUrl;

    private static Task<JsonElement> GetJsonLdAsync(StackwiseFactory factory, string url) => factory.CreateClient().GetJsonLdAsync(url);

    private static List<string?> Names(JsonElement array) => [.. array.EnumerateArray().Select(item => item.GetProperty("name").GetString())];

    private static List<string?> Types(JsonElement array) => [.. array.EnumerateArray().Select(item => item.GetProperty("@type").GetString())];

    [Fact]
    public async Task ArticleNamesItsWriterAndReviewerAsPeopleWithCredentials()
    {
        await using var factory = new StackwiseFactory(RepositoryPaths.EvidenceContent);

        var page = await GetJsonLdAsync(factory, "/therapies/evidence-test-therapy");

        var author = Assert.Single(page.GetProperty("author").EnumerateArray());
        Assert.Equal("Person", author.GetProperty("@type").GetString());
        Assert.Equal("Test Writer", author.GetProperty("name").GetString());
        Assert.Equal($"{Base}/people/test-writer", author.GetProperty("url").GetString());
        Assert.Equal("Health writer", author.GetProperty("jobTitle").GetString());
        Assert.False(author.TryGetProperty("honorificSuffix", out _));

        var reviewer = page.GetProperty("reviewedBy");
        Assert.Equal("Person", reviewer.GetProperty("@type").GetString());
        Assert.Equal("Test Reviewer", reviewer.GetProperty("name").GetString());
        Assert.Equal($"{Base}/people/test-reviewer", reviewer.GetProperty("url").GetString());
        Assert.Equal("MD", reviewer.GetProperty("honorificSuffix").GetString());
        Assert.Equal("Medical reviewer", reviewer.GetProperty("jobTitle").GetString());
        Assert.Equal("2026-01-20", page.GetProperty("lastReviewed").GetString());
    }

    [Fact]
    public async Task EachReferenceIsACitationInCitationOrder()
    {
        await using var factory = new StackwiseFactory(RepositoryPaths.EvidenceContent);

        var page = await GetJsonLdAsync(factory, "/therapies/evidence-test-therapy");

        var citations = page.GetProperty("citation").EnumerateArray().ToList();
        Assert.Equal(2, citations.Count);

        var paper = citations[0];
        Assert.Equal("ScholarlyArticle", paper.GetProperty("@type").GetString());
        Assert.Equal("A synthetic paper", paper.GetProperty("name").GetString());
        Assert.Equal(["Tester A", "Tester B"], Names(paper.GetProperty("author")));
        Assert.Equal(["Person", "Person"], Types(paper.GetProperty("author")));
        Assert.Equal("2024", paper.GetProperty("datePublished").GetString());
        Assert.Equal("https://doi.org/10.5555/synthetic.2024.1", paper.GetProperty("url").GetString());
        Assert.Equal(["https://pubmed.ncbi.nlm.nih.gov/12345678/"], paper.GetProperty("sameAs").EnumerateArray().Select(link => link.GetString()));
        Assert.Equal("Periodical", paper.GetProperty("isPartOf").GetProperty("@type").GetString());
        Assert.Equal("Journal of Synthetic Tests", paper.GetProperty("isPartOf").GetProperty("name").GetString());

        var webPage = citations[1];
        Assert.Equal("CreativeWork", webPage.GetProperty("@type").GetString());
        Assert.Equal("A synthetic web page", webPage.GetProperty("name").GetString());
        Assert.Equal("https://example.org/synthetic-page", webPage.GetProperty("url").GetString());
        Assert.Equal("Organization", webPage.GetProperty("publisher").GetProperty("@type").GetString());
        Assert.Equal("Synthetic Publisher", webPage.GetProperty("publisher").GetProperty("name").GetString());
        foreach (var absent in new[] { "author", "datePublished", "sameAs", "isPartOf" })
        {
            Assert.False(webPage.TryGetProperty(absent, out _), absent);
        }
    }

    [Fact]
    public async Task HealthRisksAreFiledByKind()
    {
        await using var factory = new StackwiseFactory(RepositoryPaths.EvidenceContent);

        var about = (await GetJsonLdAsync(factory, "/therapies/evidence-test-therapy")).GetProperty("about");

        Assert.Equal(["Synthetic side effect"], Names(about.GetProperty("adverseOutcome")));
        Assert.Equal(["MedicalEntity"], Types(about.GetProperty("adverseOutcome")));
        Assert.Equal(["Synthetic serious outcome"], Names(about.GetProperty("seriousAdverseOutcome")));
        Assert.Equal(["MedicalEntity"], Types(about.GetProperty("seriousAdverseOutcome")));
        Assert.Equal(["Synthetic contraindication", "Synthetic interaction"], Names(about.GetProperty("contraindication")));
        Assert.Equal(["MedicalContraindication", "MedicalContraindication"], Types(about.GetProperty("contraindication")));
    }

    [Fact]
    public async Task KetamineContraindicationAndInteractionAreNoLongerAdverseOutcomesAndNobodyIsNamed()
    {
        await using var factory = new RealContentFactory();

        var page = await GetJsonLdAsync(factory, "/therapies/ketamine-assisted-therapy");

        var about = page.GetProperty("about");
        Assert.Equal(["Dissociation during sessions", "Elevated blood pressure", "Nausea", "Potential for abuse"], Names(about.GetProperty("adverseOutcome")));
        Assert.Equal(
            ["Not suitable for individuals with history of psychosis, uncontrolled hypertension, or substance use disorders", "Possible interactions with CNS depressants"],
            Names(about.GetProperty("contraindication")));
        foreach (var absent in new[] { "author", "reviewedBy", "lastReviewed", "citation" })
        {
            Assert.False(page.TryGetProperty(absent, out _), absent);
        }
        Assert.False(about.TryGetProperty("seriousAdverseOutcome", out _));
    }

    [Fact]
    public async Task PersonPageIsAProfilePageAboutThePerson()
    {
        await using var factory = new StackwiseFactory(RepositoryPaths.EvidenceContent);

        var page = await GetJsonLdAsync(factory, "/people/test-reviewer");

        Assert.Equal("ProfilePage", page.GetProperty("@type").GetString());
        Assert.Equal($"{Base}/people/test-reviewer", page.GetProperty("url").GetString());
        var person = page.GetProperty("mainEntity");
        Assert.Equal(("Person", "Test Reviewer", "MD", "Medical reviewer"),
            (person.GetProperty("@type").GetString(), person.GetProperty("name").GetString(), person.GetProperty("honorificSuffix").GetString(), person.GetProperty("jobTitle").GetString()));
    }
}
