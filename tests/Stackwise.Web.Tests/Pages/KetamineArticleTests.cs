using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Pages;

/// <summary>
/// The Ketamine-Assisted Therapy page, rendered from the real content folder, shows every word of the
/// seed page (a verbatim copy of the page as it appeared before the site was rebuilt).
/// </summary>
public sealed class KetamineArticleTests(RealContentFactory factory) : IClassFixture<RealContentFactory>
{
    private const string Url = "/therapies/ketamine-assisted-therapy";

    private static readonly string[] SectionHeadings =
        ["How It Works", "Benefits For Your Health", "The Science Behind It", "Treatment Protocol", "What to Watch Out For"];

    private static readonly string[] SeedLines =
        [.. File.ReadAllLines(RepositoryPaths.SeedFile).Select(line => line.Trim()).Where(line => line.Length > 0)];

    private async Task<IHtmlDocument> GetArticleAsync()
    {
        var (response, document) = await factory.CreateClient().GetPageAsync(Url);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return document;
    }

    [Fact]
    public async Task ShowsTitleCategoryAndRiskBadge()
    {
        var document = await GetArticleAsync();

        Assert.Equal("Ketamine-Assisted Therapy", Assert.Single(document.QuerySelectorAll("h1")).NormalizedText());
        Assert.Equal("Psychedelic Therapy", document.QuerySelector("article .category")?.NormalizedText());
        var badge = document.QuerySelector("article .risk-badge");
        Assert.Equal("Moderate Risk", badge?.NormalizedText());
        Assert.Equal("Ketamine-Assisted Therapy | Stackwise", document.Title);
    }

    [Fact]
    public async Task ShowsCategoryBadgeTitleBodyAndHealthRisksInThatOrder()
    {
        var document = await GetArticleAsync();
        string[] inOrder = [".category", ".risk-badge", "h1", ".article-body", ".health-risks"];

        var positions = inOrder.Select(selector => document.QuerySelector($"article {selector}"))
            .Select(element => element is null ? -1 : document.All.Index(element))
            .ToList();

        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public async Task ShowsTheFiveSectionHeadings()
    {
        var document = await GetArticleAsync();

        var headings = document.QuerySelectorAll(".article-body h2").Select(h => h.NormalizedText());

        Assert.Equal(SectionHeadings, headings);
    }

    [Fact]
    public async Task ShowsEveryParagraphOfTheSeedVerbatim()
    {
        var document = await GetArticleAsync();
        var paragraphs = document.QuerySelectorAll(".article-body p").Select(p => p.NormalizedText()).ToList();

        var seedParagraphs = SeedLines
            .Skip(2)
            .TakeWhile(line => line != "Health Risks")
            .Where(line => !SectionHeadings.Contains(line))
            .ToList();

        Assert.Equal(11, seedParagraphs.Count);
        Assert.Equal(seedParagraphs, paragraphs);
    }

    [Fact]
    public async Task ListsTheSixHealthRisksUnderTheirHeading()
    {
        var document = await GetArticleAsync();
        var section = document.QuerySelector("article .health-risks");

        var seedRisks = SeedLines.SkipWhile(line => line != "Health Risks").Skip(1)
            .TakeWhile(line => line.StartsWith('•'))
            .Select(line => line.TrimStart('•').Trim());

        Assert.NotNull(section);
        Assert.Equal("Health Risks", section.QuerySelector("h2")?.NormalizedText());
        Assert.Equal(seedRisks, section.QuerySelectorAll("ul > li").Select(li => li.NormalizedText()));
        Assert.Equal(6, section.QuerySelectorAll("ul > li").Length);
    }

    [Fact]
    public async Task ShowsTheDisclaimerWordForWordWithWorkingLinks()
    {
        var client = factory.CreateClient();
        var (_, document) = await client.GetPageAsync(Url);
        var disclaimer = document.QuerySelector("footer .disclaimer");

        Assert.NotNull(disclaimer);
        Assert.Equal(SeedLines[^1], disclaimer.NormalizedText());
        var links = disclaimer.QuerySelectorAll("a").ToDictionary(a => a.NormalizedText(), a => a.GetAttribute("href"));
        Assert.Equal("/terms", links["Terms of Service"]);
        Assert.Equal("/privacy", links["Privacy Policy"]);
        foreach (var href in links.Values)
        {
            var (response, page) = await client.GetPageAsync(href ?? "");
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            Assert.Single(page.QuerySelectorAll("h1"));
        }
    }

    [Fact]
    public async Task HomeListsTheArticle()
    {
        var (response, document) = await factory.CreateClient().GetPageAsync("/");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var card = Assert.Single(document.QuerySelectorAll(".article-card"));
        Assert.Equal(Url, card.QuerySelector(".article-card-title a")?.GetAttribute("href"));
        Assert.Equal("Ketamine-Assisted Therapy", card.QuerySelector(".article-card-title a")?.NormalizedText());
        Assert.Equal("Psychedelic Therapy", card.QuerySelector(".category")?.NormalizedText());
        Assert.Equal("Moderate Risk", card.QuerySelector(".risk-badge")?.NormalizedText());
    }
}
