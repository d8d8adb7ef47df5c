using Stackwise.Web.Content.Model;
using Stackwise.Web.Content.Parsing;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Rendering;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Content;

/// <summary>The real content folder, as editors leave it, must load without a single problem.</summary>
public sealed class ContentFolderLintTests
{
    [Fact]
    public async Task EveryFileInTheRealContentFolderIsValid()
    {
        var loader = new ContentLoader(new ContentParser(new MarkdownRenderer()));

        var visibility = new ContentVisibility(DateOnly.FromDateTime(DateTime.UtcNow), IncludeUnpublished: true);

        var snapshot = await loader.LoadAsync(RepositoryPaths.Content, visibility, previous: null, CancellationToken.None);

        Assert.Empty(snapshot.Problems.Select(problem => problem.ToString()));
        Assert.Equal(snapshot.FilesRead, snapshot.ByUrl.Count);
        Assert.NotNull(snapshot.FindArticle("therapies", "ketamine-assisted-therapy"));
        Assert.NotNull(snapshot.FindPage("terms"));
        Assert.NotNull(snapshot.FindPage("privacy"));
        Assert.NotNull(snapshot.FindPage("about"));
        var riskLevels = snapshot.FindPage("risk-levels");
        Assert.NotNull(riskLevels);
        Assert.All(Enum.GetValues<RiskLevel>(), risk =>
            Assert.Contains(riskLevels.Headings, heading => risk.ExplanationUrl() == $"/risk-levels#{heading.Id}"));
    }
}
