using Microsoft.Extensions.DependencyInjection;
using Stackwise.Web.Content.Hosting;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Content.Parsing;
using Stackwise.Web.Localization;
using Stackwise.Web.Rendering;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Localization;

/// <summary>
/// The risk badges link to the risk-levels page's sections headed with their words, in the site's language; a page that
/// lacks one is reported (SW073) when it loads, by the site and by <c>check</c>.
/// </summary>
public sealed class RiskSectionsTests
{
    private const string RiskLevelsPage = "---\ntitle: Niveles sintéticos\nsummary: Explicación sintética.\n---\nIntroducción sintética.\n\n";

    [Theory]
    [InlineData("en", "Low Risk", "Moderate Risk", "High Risk")]
    [InlineData("es", "Riesgo bajo", "Riesgo moderado", "Riesgo alto")]
    [InlineData("xx-not-a-language", "Low Risk", "Moderate Risk", "High Risk")]
    public void EachLevelsSectionIsHeadedWithItsBadgesWords(string language, string low, string moderate, string high)
    {
        Assert.Equal([low, moderate, high], SiteText.RiskSections(language).Select(section => section.Heading));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    public void TheAnchorsAreTheOnesTheRendererGivesThoseHeadings(string language)
    {
        var sections = SiteText.RiskSections(language);

        var rendered = new MarkdownRenderer().Render(string.Concat(sections.Select(section => $"## {section.Heading}\n\nText.\n\n")));

        Assert.Equal(sections.Select(section => section.Anchor), rendered.Headings.Select(heading => heading.Id));
        Assert.All(sections, section => Assert.Equal("/risk-levels", section.Url));
    }

    [Theory]
    [InlineData("## Riesgo bajo\n\nA.\n\n## Riesgo moderado\n\nB.\n\n## Riesgo alto\n\nC.\n", new string[0])]
    [InlineData("## Riesgo bajo\n\nA.\n\n## Riesgo alto\n\nC.\n", new[] { "Riesgo moderado" })]
    [InlineData("## Low Risk\n\nA.\n\n## Moderate Risk\n\nB.\n\n## High Risk\n\nC.\n", new[] { "Riesgo bajo", "Riesgo moderado", "Riesgo alto" })]
    public void APageWithoutASectionABadgeLinksToIsReported(string body, string[] missing)
    {
        var parser = new ContentParser(new MarkdownRenderer(), requiredSections: SiteText.RiskSections("es"));
        Assert.True(ContentPath.TryParse("pages/risk-levels.md", out var path, out _));

        var result = parser.Parse(path, RiskLevelsPage + body, new DateOnly(2026, 6, 1));

        Assert.NotNull(result.Document);
        var warnings = result.Problems.Where(problem => problem.Code == ProblemCodes.MissingSection).ToList();
        Assert.Equal(missing.Select(heading => $"no section `## {heading}`"), warnings.Select(problem => problem.Message[..problem.Message.IndexOf(':', StringComparison.Ordinal)]));
        Assert.All(warnings, problem => Assert.Equal(ProblemSeverity.Warning, problem.Severity));
    }

    [Fact]
    public void OnlyTheRiskLevelsPageIsChecked()
    {
        var parser = new ContentParser(new MarkdownRenderer(), requiredSections: SiteText.RiskSections("es"));
        Assert.True(ContentPath.TryParse("pages/about.md", out var path, out _));

        var result = parser.Parse(path, RiskLevelsPage + "Nada.\n", new DateOnly(2026, 6, 1));

        Assert.DoesNotContain(result.Problems, problem => problem.Code == ProblemCodes.MissingSection);
    }

    [Theory]
    [InlineData("en", 0)]
    [InlineData("es", 3)]
    public async Task TheSiteReportsTheSectionsItsBadgesMiss(string language, int expected)
    {
        // The test content's risk-levels page is headed in English.
        await using var site = new StackwiseFactory(RepositoryPaths.TestContent) { Settings = new Dictionary<string, string> { ["Site:Languages:0"] = language } };
        _ = site.CreateClient();

        var problems = site.Services.GetRequiredService<ContentStore>().Current.Problems;

        Assert.Equal(expected, problems.Count(problem => problem.Code == ProblemCodes.MissingSection && problem.File == "pages/risk-levels.md"));
    }
}
