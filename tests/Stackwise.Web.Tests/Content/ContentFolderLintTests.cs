using Stackwise.Web.Content.Model;
using Stackwise.Web.Content.Parsing;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Localization;
using Stackwise.Web.Rendering;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Content;

/// <summary>
/// The real content folder, as editors leave it, must load without a single problem but one: the Ketamine article's words
/// are the seed's, verbatim, and read above the site's reading grade, which <c>check</c> reports as advice.
/// </summary>
public sealed class ContentFolderLintTests
{
    [Fact]
    public async Task EveryFileInTheRealContentFolderIsValid()
    {
        var loader = new ContentLoader(new ContentParser(new MarkdownRenderer()));

        var visibility = new ContentVisibility(DateOnly.FromDateTime(DateTime.UtcNow), IncludeUnpublished: true);

        var snapshot = await loader.LoadAsync(RepositoryPaths.Content, visibility, previous: null, CancellationToken.None);

        var advice = Assert.Single(snapshot.Problems);
        Assert.Equal(("therapies/ketamine-assisted-therapy.md", ProblemCodes.ReadingGrade, true), (advice.File, advice.Code, advice.IsAdvice));
        Assert.Equal(snapshot.FilesRead, snapshot.ByUrl.Count);
        Assert.NotNull(snapshot.FindArticle("therapies", "ketamine-assisted-therapy"));
        Assert.NotNull(snapshot.FindPage("terms"));
        Assert.NotNull(snapshot.FindPage("privacy"));
        Assert.NotNull(snapshot.FindPage("about"));
        var riskLevels = snapshot.FindPage("risk-levels");
        Assert.NotNull(riskLevels);
        var text = Localization.SiteTextTests.English();
        Assert.All(Enum.GetValues<RiskLevel>(), risk =>
            Assert.Contains(riskLevels.Headings, heading => text.RiskExplanationUrl(risk) == $"/risk-levels#{heading.Id}"));
    }
}
