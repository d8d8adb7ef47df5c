using Stackwise.Web.Content.Model;
using Stackwise.Web.Rendering;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Content;

/// <summary>Body checks are warnings: each is reported with its place, and the page still serves.</summary>
public sealed class BodyChecksTests : IDisposable
{
    private const string FrontMatter = "---\ntitle: Synthetic\ncategory: Test\nrisk: low\nsummary: Synthetic.\npublished: 2026-01-01\n---\n";

    private readonly TempContentFolder _folder = new TempContentFolder()
        .Write("therapies/target.md", FrontMatter + "Intro.\n\n## Real Section\n\nText.\n")
        .Write("therapies/moved.md", FrontMatter.Replace("published:", "aliases:\n  - /old/moved\npublished:", StringComparison.Ordinal) + "Text.\n")
        .WriteBytes("images/chart.png", [0x89, 0x50, 0x4E, 0x47]);

    public void Dispose() => _folder.Dispose();

    private async Task<ContentProblem> SingleWarningAsync(string body)
    {
        _folder.Write("therapies/checked.md", FrontMatter + body);
        var snapshot = await _folder.LoadAsync();

        Assert.NotNull(snapshot.FindArticle("therapies", "checked"));
        var problem = Assert.Single(snapshot.Problems);
        Assert.Equal(ProblemSeverity.Warning, problem.Severity);
        Assert.Equal("therapies/checked.md", problem.File);
        return problem;
    }

    [Theory]
    [InlineData("Intro.\n\nSee [it](/therapies/nowhere).\n", 10, 5, "link `/therapies/nowhere` goes to `/therapies/nowhere`, which is not a page of the site")]
    [InlineData("Intro.\n\nSee [it](nowhere).\n", 10, 5, "link `nowhere` goes to `/therapies/nowhere`, which is not a page of the site")]
    [InlineData("Intro.\n\nSee [it](/therapies/target#no-section).\n", 10, 5, "link `/therapies/target#no-section`: `/therapies/target` has no section `#no-section`")]
    [InlineData("Intro.\n\nSee [it](#missing).\n", 10, 5, "link `#missing`: `/therapies/checked` has no section `#missing`")]
    public async Task BrokenInternalLinkIsAWarning(string body, int line, int column, string message)
    {
        var problem = await SingleWarningAsync(body);

        Assert.Equal((ProblemCodes.BrokenLink, line, column, message), (problem.Code, problem.Position.Line, problem.Position.Column, problem.Message));
    }

    [Theory]
    [InlineData("Intro.\n\nSee [it](/therapies/target#real-section), [home](/), [terms](/sitemap.xml) and [web](https://example.org/x).\n")]
    [InlineData("Intro.\n\n## Here\n\nSee [it](#here) and [risks](/risk/low).\n\n![Chart](/images/chart.png)\n")]
    [InlineData("Intro.\n\nSee [it](target) and [up](../therapies/target).\n")]
    public async Task WorkingLinksAndImagesAreFine(string body)
    {
        _folder.Write("therapies/checked.md", FrontMatter + body);

        var snapshot = await _folder.LoadAsync();

        Assert.Empty(snapshot.Problems);
    }

    [Fact]
    public async Task MissingImageIsAWarning()
    {
        var problem = await SingleWarningAsync("Intro.\n\n![Chart](/images/missing.png)\n");

        Assert.Equal(ProblemCodes.MissingImage, problem.Code);
        Assert.Equal(new SourcePosition(10, 1), problem.Position);
    }

    [Fact]
    public async Task LinkToAnOldPathIsAWarningNamingTheNewOne()
    {
        var problem = await SingleWarningAsync("Intro.\n\nSee [it](/old/moved).\n");

        Assert.Equal(ProblemCodes.LinkToOldPath, problem.Code);
        Assert.Contains("link to `/therapies/moved` instead", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SkippedHeadingLevelIsAWarning()
    {
        var problem = await SingleWarningAsync("Intro.\n\n## Section\n\nText.\n\n#### Too Deep\n\nText.\n");

        Assert.Equal((ProblemCodes.SkippedHeadingLevel, 14, 1), (problem.Code, problem.Position.Line, problem.Position.Column));
        Assert.Equal("heading `Too Deep` skips from level 2 to 4; use `###`", problem.Message);
    }

    [Fact]
    public async Task TopLevelHeadingInTheBodyIsAWarning()
    {
        var problem = await SingleWarningAsync("# Title Again\n\nText.\n");

        Assert.Equal((ProblemCodes.HeadingOneInBody, 8), (problem.Code, problem.Position.Line));
    }

    [Theory]
    [InlineData("Intro.\n\n## Empty\n\n## Full\n\nText.\n", "Empty", 10)]
    [InlineData("Intro.\n\n## Full\n\nText.\n\n## Last\n", "Last", 14)]
    public async Task EmptySectionIsAWarning(string body, string heading, int line)
    {
        var problem = await SingleWarningAsync(body);

        Assert.Equal((ProblemCodes.EmptySection, line, $"section `{heading}` has no text"), (problem.Code, problem.Position.Line, problem.Message));
    }

    [Fact]
    public async Task SectionWithOnlySubsectionsIsNotEmpty()
    {
        _folder.Write("therapies/checked.md", FrontMatter + "Intro.\n\n## Parent\n\n### Child\n\nText.\n");

        var snapshot = await _folder.LoadAsync();

        Assert.Empty(snapshot.Problems);
    }

    [Fact]
    public async Task NextPublicationIsTheEarliestScheduledDate()
    {
        _folder.Write("therapies/later.md", FrontMatter.Replace("2026-01-01", "2026-09-01", StringComparison.Ordinal) + "Text.\n")
            .Write("therapies/sooner.md", FrontMatter.Replace("2026-01-01", "2026-07-01", StringComparison.Ordinal) + "Text.\n");

        var snapshot = await _folder.LoadAsync();

        Assert.Equal(new DateOnly(2026, 7, 1), snapshot.NextPublication);
        Assert.Null(snapshot.FindArticle("therapies", "sooner"));
    }
}
