using Stackwise.Web.Content.Model;
using Stackwise.Web.Content.Parsing;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Rendering;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Content;

/// <summary>People named in articles against the files in content/people/: a missing one costs its byline, never the article.</summary>
public sealed class PeopleChecksTests : IDisposable
{
    private readonly TempContentFolder _folder = new();

    public PeopleChecksTests()
    {
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.EvidenceContent, "*.md", SearchOption.AllDirectories))
        {
            _folder.Write(Path.GetRelativePath(RepositoryPaths.EvidenceContent, file), File.ReadAllText(file));
        }
    }

    public void Dispose() => _folder.Dispose();

    private static Task<ContentSnapshot> LoadAsync(string root, ContentSnapshot? previous = null) =>
        new ContentLoader(new ContentParser(new MarkdownRenderer())).LoadAsync(root, new ContentVisibility(new DateOnly(2026, 11, 27), IncludeUnpublished: false),
            previous, CancellationToken.None);

    [Fact]
    public async Task UnknownPersonIsAnEntryErrorWithItsPlaceAndTheArticleIsServedWithoutThem()
    {
        _folder.Write("therapies/misnamed.md",
            "---\ntitle: Misnamed\ncategory: Test\nrisk: low\nsummary: Synthetic.\npublished: 2026-01-01\nauthor: [test-writer, no-such-writer]\nreviewedBy: no-such-reviewer\nlastReviewed: 2026-01-02\n---\nText.\n");

        var snapshot = await LoadAsync(_folder.Root);

        Assert.Equal(
            [
                "therapies/misnamed.md:7:23: error SW066: there is no person `no-such-writer`: add content/people/no-such-writer.md (with at least a `name`), or fix the name; the byline leaves it out",
                "therapies/misnamed.md:8:13: error SW066: there is no person `no-such-reviewer`: add content/people/no-such-reviewer.md (with at least a `name`), or fix the name; the byline leaves it out",
            ],
            snapshot.Problems.Select(problem => problem.ToString()));
        Assert.All(snapshot.Problems, problem => Assert.False(problem.RejectsFile));
        var article = snapshot.FindArticle("therapies", "misnamed");
        Assert.NotNull(article);
        Assert.Equal(["Test Writer"], snapshot.PeopleNamed(article.People).Select(person => person.Name));

        await using var site = new StackwiseFactory(_folder.Root);
        var (_, document) = await site.CreateClient().GetPageAsync("/therapies/misnamed");
        Assert.Equal(["Written by Test Writer"], document.QuerySelectorAll(".article-credit").Select(credit => credit.NormalizedText()));
    }

    [Fact]
    public async Task DeletingAPersonKeepsTheirArticlesOnlineAndReportsEachName()
    {
        var before = await LoadAsync(_folder.Root);
        File.Delete(Path.Combine(_folder.Root, "people", "test-writer.md"));

        var after = await LoadAsync(_folder.Root, before);

        Assert.NotNull(after.FindArticle("therapies", "evidence-test-therapy"));
        Assert.NotNull(after.FindArticle("therapies", "co-written-test-therapy"));
        Assert.Equal(["therapies/co-written-test-therapy.md", "therapies/evidence-test-therapy.md"],
            after.Problems.Where(problem => problem.Code == ProblemCodes.UnknownPerson).Select(problem => problem.File));
        Assert.False(after.People.ContainsKey("test-writer"));
        Assert.Empty(after.Problems.Where(problem => problem.Code != ProblemCodes.UnknownPerson));
    }

    [Fact]
    public async Task AMistypedPersonGetsTheNearestKnownOne()
    {
        _folder.Write("therapies/misspelt.md",
            "---\ntitle: Misspelt\ncategory: Test\nrisk: low\nsummary: Synthetic.\npublished: 2026-01-01\nauthor: test-writr\n---\nText.\n");

        var snapshot = await LoadAsync(_folder.Root);

        Assert.Equal("therapies/misspelt.md:7:9: error SW066: there is no person `test-writr`: did you mean `test-writer`? Else add content/people/test-writr.md (with at least a `name`), or fix the name; the byline leaves it out",
            Assert.Single(snapshot.Problems).ToString());
    }

    [Theory]
    [InlineData("[test-writer]", "Written by Test Writer")]
    [InlineData("[test-writer, second-writer]", "Written by Test Writer and Second Writer")]
    [InlineData("[test-writer, second-writer, third-writer]", "Written by Test Writer, Second Writer and Third Writer")]
    [InlineData("[test-writer, second-writer, third-writer, test-reviewer]", "Written by Test Writer, Second Writer, Third Writer and Test Reviewer")]
    public async Task BylinesReadAsASentenceWithNoSpaceBeforeAComma(string authors, string byline)
    {
        _folder.Write("people/third-writer.md", "---\nname: Third Writer\n---\nSynthetic.\n")
            .Write("therapies/bylined.md", $"---\ntitle: Bylined\ncategory: Test\nrisk: low\nsummary: Synthetic.\npublished: 2026-01-01\nauthor: {authors}\n---\nText.\n");
        await using var site = new StackwiseFactory(_folder.Root);

        var (_, document) = await site.CreateClient().GetPageAsync("/therapies/bylined");

        // The text as a browser lays it out: runs of white space are one space, and none is removed.
        var credit = Assert.Single(document.QuerySelectorAll(".article-credit"));
        Assert.Equal(byline, System.Text.RegularExpressions.Regex.Replace(credit.TextContent, @"\s+", " ").Trim());
    }

    [Fact]
    public async Task CheckFailsOnAnUnknownPerson()
    {
        _folder.Write("therapies/misnamed.md",
            "---\ntitle: Misnamed\ncategory: Test\nrisk: low\nsummary: Synthetic.\npublished: 2026-01-01\nauthor: no-such-writer\n---\nText.\n");

        var (exitCode, output, _) = await AppProcess.RunAsync(["check", "--content", _folder.Root]);

        Assert.Equal(1, exitCode);
        Assert.Contains("/therapies/misnamed.md:7:9: error SW066: there is no person `no-such-writer`", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePeopleFolderHoldsOnlyPeopleAndTheRealContentNamesNobody()
    {
        _folder.Write("people/nested/someone.md", "---\nname: Nested\n---\nBio.\n");
        var snapshot = await LoadAsync(_folder.Root);
        var real = await LoadAsync(RepositoryPaths.Content);

        Assert.Contains(snapshot.Problems, problem => problem.File == "people/nested/someone.md" && problem.Code == ProblemCodes.BadLocation);
        Assert.Empty(real.People);
        Assert.All(real.Articles, article => Assert.Empty(article.People));
        Assert.All(real.Articles, article => Assert.Empty(article.References));
    }
}
