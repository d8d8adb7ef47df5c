using Stackwise.Web.Content.Model;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Content;

public sealed class ContentLoaderTests : IDisposable
{
    private readonly TempContentFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private Task<ContentSnapshot> LoadAsync(ContentSnapshot? previous = null, ContentVisibility? visibility = null) =>
        _folder.LoadAsync(previous, visibility: visibility);

    [Fact]
    public async Task RejectedFileDoesNotStopTheOthers()
    {
        _folder.Write("therapies/good.md", SyntheticContent.LowRiskArticle)
            .Write("therapies/bad.md", SyntheticContent.LowRiskArticle.Replace("risk: low", "risk: medium", StringComparison.Ordinal));

        var snapshot = await LoadAsync();

        Assert.NotNull(snapshot.FindArticle("therapies", "good"));
        Assert.Null(snapshot.FindArticle("therapies", "bad"));
        Assert.Equal(2, snapshot.FilesRead);
        Assert.Equal(1, snapshot.FilesRejected);
        Assert.Equal("therapies/bad.md:4:7: error SW027: field `risk` must be one of low, moderate, high (got `medium`)",
            Assert.Single(snapshot.Problems).ToString());
    }

    [Fact]
    public async Task TwoFilesClaimingOneUrlKeepTheFirstAndRejectTheSecond()
    {
        _folder.Write("therapies/same.markdown", SyntheticContent.LowRiskArticle)
            .Write("therapies/same.md", SyntheticContent.LowRiskArticle.Replace("title: Good", "title: Copy", StringComparison.Ordinal));

        var snapshot = await LoadAsync();

        Assert.Equal("Good", snapshot.FindArticle("therapies", "same")?.Title);
        var problem = Assert.Single(snapshot.Problems);
        Assert.Equal(ProblemCodes.DuplicateUrl, problem.Code);
        Assert.Equal("therapies/same.md", problem.File);
        Assert.Contains("already served by `therapies/same.markdown`", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadFileNameIsRejected()
    {
        _folder.Write("therapies/Bad Name.md", SyntheticContent.LowRiskArticle);

        var snapshot = await LoadAsync();

        Assert.Empty(snapshot.ByUrl);
        Assert.Equal(ProblemCodes.BadSlug, Assert.Single(snapshot.Problems).Code);
    }

    [Fact]
    public async Task InvalidUtf8IsRejected()
    {
        _folder.WriteBytes("therapies/latin1.md", [.. "---\ntitle: Caf"u8, 0xE9, .. "\n---\n"u8]);

        var snapshot = await LoadAsync();

        Assert.Equal(ProblemCodes.InvalidUtf8, Assert.Single(snapshot.Problems).Code);
    }

    [Fact]
    public async Task ByteOrderMarkIsAccepted()
    {
        _folder.WriteBytes("therapies/bom.md", [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(SyntheticContent.LowRiskArticle)]);

        var snapshot = await LoadAsync();

        Assert.Empty(snapshot.Problems);
        Assert.NotNull(snapshot.FindArticle("therapies", "bom"));
    }

    [Fact]
    public async Task FileOverTheSizeLimitIsRejected()
    {
        _folder.Write("therapies/huge.md", SyntheticContent.LowRiskArticle + new string('x', ContentLoader.MaxFileBytes));

        var snapshot = await LoadAsync();

        Assert.Equal(ProblemCodes.TooLarge, Assert.Single(snapshot.Problems).Code);
    }

    [Fact]
    public async Task SymbolicLinkIsReportedAndNotFollowed()
    {
        var outside = Path.Combine(_folder.Root, "..", $"outside-{Guid.NewGuid():N}.md");
        File.WriteAllText(outside, SyntheticContent.LowRiskArticle);
        try
        {
            Directory.CreateDirectory(Path.Combine(_folder.Root, "therapies"));
            File.CreateSymbolicLink(Path.Combine(_folder.Root, "therapies", "linked.md"), outside);

            var snapshot = await LoadAsync();

            Assert.Empty(snapshot.ByUrl);
            var problem = Assert.Single(snapshot.Problems);
            Assert.Equal("therapies/linked.md", problem.File);
            Assert.Contains("symbolic links are not followed", problem.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(outside);
        }
    }

    [Fact]
    public async Task OtherFilesAndHiddenFilesAreIgnored()
    {
        _folder.Write("therapies/good.md", SyntheticContent.LowRiskArticle)
            .Write("therapies/photo.png", "not markdown")
            .Write("therapies/.good.md.swp", "editor swap file")
            .Write(".git/notes.md", "hidden folder");

        var snapshot = await LoadAsync();

        Assert.Empty(snapshot.Problems);
        Assert.Equal(1, snapshot.FilesRead);
    }

    [Fact]
    public async Task ArticlesAreListedNewestFirst()
    {
        _folder.Write("therapies/older.md", SyntheticContent.LowRiskArticle.Replace("2026-01-01", "2025-06-01", StringComparison.Ordinal))
            .Write("therapies/newer.md", SyntheticContent.LowRiskArticle.Replace("2026-01-01", "2026-06-01", StringComparison.Ordinal));

        var snapshot = await LoadAsync();

        Assert.Equal(["/therapies/newer", "/therapies/older"], snapshot.Articles.Select(article => article.Url));
    }

    [Fact]
    public async Task CategorySpellingsThatShareASlugShareOnePageAndWarn()
    {
        _folder.Write("therapies/one.md", SyntheticContent.LowRiskArticle.Replace("category: Test", "category: Mind Body", StringComparison.Ordinal))
            .Write("therapies/two.md", SyntheticContent.LowRiskArticle.Replace("category: Test", "category: Mind Body", StringComparison.Ordinal))
            .Write("therapies/three.md", SyntheticContent.LowRiskArticle.Replace("category: Test", "category: mind-body", StringComparison.Ordinal));

        var snapshot = await LoadAsync();

        var listing = Assert.Single(snapshot.Categories);
        Assert.Equal(new Category("Mind Body", "mind-body"), listing.Category);
        Assert.Equal(3, listing.Articles.Length);
        var warning = Assert.Single(snapshot.Problems);
        Assert.Equal(ProblemSeverity.Warning, warning.Severity);
        Assert.Equal("therapies/three.md", warning.File);
        Assert.Equal(0, snapshot.FilesRejected);
    }

    [Fact]
    public async Task EveryRiskLevelIsListedEvenWhenEmpty()
    {
        _folder.Write("therapies/good.md", SyntheticContent.LowRiskArticle);

        var snapshot = await LoadAsync();

        Assert.Single(snapshot.ByRisk[RiskLevel.Low]);
        Assert.Empty(snapshot.ByRisk[RiskLevel.Moderate]);
        Assert.Empty(snapshot.ByRisk[RiskLevel.High]);
    }

    [Fact]
    public async Task AliasThatIsALivePageOrTakenIsIgnoredWithAWarning()
    {
        _folder.Write("therapies/first.md", SyntheticContent.LowRiskArticle.Replace("published:", "aliases:\n  - /old\n  - /therapies/second\npublished:", StringComparison.Ordinal))
            .Write("therapies/second.md", SyntheticContent.LowRiskArticle.Replace("published:", "aliases:\n  - /old\npublished:", StringComparison.Ordinal));

        var snapshot = await LoadAsync();

        Assert.Equal("/therapies/first", snapshot.Redirects.Moved["/old"]);
        Assert.False(snapshot.Redirects.Moved.ContainsKey("/therapies/second"));
        Assert.Equal(2, snapshot.Problems.Count(problem => problem.Severity == ProblemSeverity.Warning && problem.Code == ProblemCodes.RedirectConflict));
        Assert.Equal(0, snapshot.FilesRejected);
    }

    [Fact]
    public async Task GonePathsComeFromRedirectsYml()
    {
        _folder.Write("therapies/good.md", SyntheticContent.LowRiskArticle)
            .Write("redirects.yml", "gone:\n  - /therapies/removed\n  - /Therapies/Other/\n  - /therapies/good\n");

        var snapshot = await LoadAsync();

        Assert.Equal(["/therapies/other", "/therapies/removed"], snapshot.Redirects.Gone.Order(StringComparer.Ordinal));
        var warning = Assert.Single(snapshot.Problems);
        Assert.Equal("redirects.yml", warning.File);
        Assert.Equal(ProblemSeverity.Warning, warning.Severity);
    }

    [Theory]
    [InlineData("gone: /not-a-list\n", ProblemCodes.WrongType, 1, 7)]
    [InlineData("moved:\n  - /x\n", ProblemCodes.UnknownField, 1, 1)]
    [InlineData("gone:\n  - not-a-path\n", ProblemCodes.InvalidValue, 2, 5)]
    [InlineData("gone: [unclosed\n", ProblemCodes.YamlSyntax, 2, 1)]
    [InlineData("- /just-a-list\n", ProblemCodes.NotAMapping, 1, 1)]
    public async Task BadRedirectsYmlIsReportedWithItsPosition(string yaml, string code, int line, int column)
    {
        _folder.Write("therapies/good.md", SyntheticContent.LowRiskArticle).Write("redirects.yml", yaml);

        var snapshot = await LoadAsync();

        var problem = Assert.Single(snapshot.Problems);
        Assert.Equal(("redirects.yml", code, line, column), (problem.File, problem.Code, problem.Position.Line, problem.Position.Column));
        Assert.NotNull(snapshot.FindArticle("therapies", "good"));
        Assert.Empty(snapshot.Redirects.Gone);
    }
}
