using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using Stackwise.Web.Content.Hosting;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Search;

public sealed class SearchPageTests() : SiteOnFolderTest(Content())
{
    private static TempContentFolder Content() => new TempContentFolder()
        .Write("therapies/in-body.md", Article("Alpha Synthetic", "Group One", "moderate", 1, "Intro.\n\n## Notes\n\nA rare word: lumbago appears in this body text.\n"))
        .Write("therapies/in-heading.md", Article("Beta Synthetic", "Group One", "high", 2, "Intro.\n\n## Lumbago Notes\n\nOther words.\n"))
        .Write("therapies/in-title.md", Article("Lumbago Synthetic", "Group Two", "moderate", 3, "Intro.\n\n## Notes\n\nNothing else.\n"))
        .Write("therapies/stemmed.md", Article("Gamma Synthetic", "Group Two", "low", 4, "One treatment of synthetic dissociation.\n"));

    private static string Article(string title, string category, string risk, int day, string body) =>
        $"---\ntitle: {title}\ncategory: {category}\nrisk: {risk}\nsummary: Synthetic.\nhealthRisks:\n  - Synthetic\npublished: 2026-01-0{day}\n---\n{body}";

    private async Task<IHtmlDocument> SearchAsync(string query)
    {
        var (response, document) = await Site.CreateClient().GetPageAsync($"/search?q={query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return document;
    }

    private static List<string> Titles(IHtmlDocument document) =>
        [.. document.QuerySelectorAll(".search-results .article-card-title").Select(h => h.NormalizedText())];

    [Fact]
    public async Task TitleMatchOutranksHeadingMatchWhichOutranksBodyMatch()
    {
        var document = await SearchAsync("lumbago");

        Assert.Equal(["Lumbago Synthetic", "Beta Synthetic", "Alpha Synthetic"], Titles(document));
    }

    [Theory]
    [InlineData("treatments")]
    [InlineData("dissociaton")]
    [InlineData("the treatment")]
    public async Task StemmingStopWordsAndTyposStillFindTheArticle(string query)
    {
        var document = await SearchAsync(query);

        Assert.Equal("Gamma Synthetic", Titles(document).FirstOrDefault());
    }

    [Fact]
    public async Task MatchedWordsAreMarkedInASnippetOfTheArticleText()
    {
        var document = await SearchAsync("dissociaton");

        var snippet = document.QuerySelector(".search-results .snippet");
        Assert.NotNull(snippet);
        Assert.Equal(["dissociation"], snippet.QuerySelectorAll("mark").Select(mark => mark.TextContent));
        Assert.Equal("One treatment of synthetic dissociation.", snippet.NormalizedText());
    }

    [Fact]
    public async Task FiltersNarrowTheResultsAsLinks()
    {
        var all = await SearchAsync("lumbago");
        var byCategory = await SearchAsync("lumbago&category=group-one");
        var byRisk = await SearchAsync("lumbago&risk=moderate");
        var both = await SearchAsync("lumbago&category=group-one&risk=moderate");

        Assert.Equal(3, Titles(all).Count);
        Assert.Equal(["Beta Synthetic", "Alpha Synthetic"], Titles(byCategory));
        Assert.Equal(["Lumbago Synthetic", "Alpha Synthetic"], Titles(byRisk));
        Assert.Equal(["Alpha Synthetic"], Titles(both));
        var filterLinks = all.QuerySelectorAll("nav.search-filters a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/search?q=lumbago&category=group-one", filterLinks);
        Assert.Contains("/search?q=lumbago&risk=high", filterLinks);
    }

    [Fact]
    public async Task EmptyQueryShowsTheSearchPageWithAHint()
    {
        var document = await SearchAsync("");

        Assert.Equal("Search", document.QuerySelector("h1")?.NormalizedText());
        Assert.StartsWith("Type a treatment", document.QuerySelector(".search-hint")?.NormalizedText(), StringComparison.Ordinal);
        Assert.Empty(document.QuerySelectorAll(".search-results"));
    }

    [Fact]
    public async Task NoResultsShowsAHelpfulMessageWithTheCategories()
    {
        var document = await SearchAsync("zzzzqqq");

        var empty = document.QuerySelector(".empty-state");
        Assert.NotNull(empty);
        Assert.StartsWith("No articles match", empty.NormalizedText(), StringComparison.Ordinal);
        Assert.Equal(["/categories/group-one", "/categories/group-two"], empty.QuerySelectorAll("li a").Select(a => a.GetAttribute("href")));
    }

    [Theory]
    [InlineData("lumbago")]
    [InlineData("")]
    public async Task SearchPagesAreNoindex(string query)
    {
        var document = await SearchAsync(query);

        Assert.Equal("noindex", document.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
        Assert.Null(document.QuerySelector("link[rel=canonical]"));
    }

    [Fact]
    public async Task RobotsKeepsCrawlersOutOfSearch()
    {
        var robots = await Site.CreateClient().GetStringAsync(new Uri("/robots.txt", UriKind.Relative));

        Assert.Contains("Disallow: /search", robots.Split('\n'));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/therapies/in-body")]
    [InlineData("/no-such-page")]
    public async Task EveryPageHasTheSearchBoxInItsHeader(string url)
    {
        var (_, document) = await Site.CreateClient().GetPageAsync(url);

        var form = document.QuerySelector("header form[role=search]");
        Assert.NotNull(form);
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("/search", form.GetAttribute("action"));
        Assert.NotNull(form.QuerySelector("input[name=q]"));
        Assert.NotNull(document.QuerySelector($"label[for='{form.QuerySelector("input")?.Id}']"));
    }

    [Theory]
    [InlineData("%22lumbago%22")]
    [InlineData("%28lumbago%5B")]
    [InlineData("lumb*")]
    [InlineData("lumbago%3F")]
    [InlineData("lumbago~2")]
    [InlineData("AND%20OR%20NOT")]
    [InlineData("title%3Alumbago")]
    [InlineData("%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    [InlineData("%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E")]
    [InlineData("%E0%A4%A")]
    [InlineData("%25%25%25")]
    [InlineData("%F0%9F%92%8A%20pill")]
    [InlineData("\\\\")]
    public async Task HostileQueriesAnswer200WithTheLayoutAndNeverReflectMarkup(string query)
    {
        var (response, document) = await Site.CreateClient().GetPageAsync($"/search?q={query}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(document.QuerySelector("footer .disclaimer"));
        Assert.Empty(document.QuerySelectorAll("script:not([type='application/ld+json']), img, [onerror]"));
        Assert.True(document.QuerySelector(".search-summary") is not null || document.QuerySelector(".search-hint") is not null);
    }

    [Fact]
    public async Task AbsurdlyLongQueryAnswers400WithTheLayout()
    {
        var (response, document) = await Site.CreateClient().GetPageAsync($"/search?q={new string('a', 10_000)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Request not understood", document.QuerySelector("h1")?.NormalizedText());
        Assert.NotNull(document.QuerySelector("footer .disclaimer"));
    }

    [Fact]
    public async Task QueryOfManyWordsIsBoundedNotRefused()
    {
        var words = string.Join('+', Enumerable.Repeat("lumbago", 60));

        var document = await SearchAsync(words);

        Assert.Equal(3, Titles(document).Count);
    }

    [Fact]
    public async Task IndexFollowsAContentReload()
    {
        Assert.Empty(Titles(await SearchAsync("zebrafish")));

        Folder.Write("therapies/new.md", Article("Zebrafish Synthetic", "Group Two", "low", 5, "Synthetic.\n"));
        await Site.Services.GetRequiredService<ContentStore>().ReloadAsync(CancellationToken.None);

        Assert.Equal(["Zebrafish Synthetic"], Titles(await SearchAsync("zebrafish")));
    }

    [Fact]
    public async Task ManyResultsArePagedWithLinks()
    {
        for (var i = 0; i < 12; i++)
        {
            Folder.Write($"extra/item-{i:00}.md", Article($"Paged Synthetic {i:00}", "Group Two", "low", 1 + (i % 9), "Quokka text.\n"));
        }
        await Site.Services.GetRequiredService<ContentStore>().ReloadAsync(CancellationToken.None);

        var first = await SearchAsync("quokka");
        var second = await SearchAsync("quokka&page=2");
        var beyond = await SearchAsync("quokka&page=999");

        Assert.Equal(10, Titles(first).Count);
        Assert.Equal("/search?q=quokka&page=2", first.QuerySelector("nav.pagination a[rel=next]")?.GetAttribute("href"));
        Assert.Equal(2, Titles(second).Count);
        Assert.Equal("/search?q=quokka", second.QuerySelector("nav.pagination a[rel=prev]")?.GetAttribute("href"));
        Assert.Empty(Titles(first).Intersect(Titles(second)));
        Assert.Equal("11", second.QuerySelector("ol.search-results")?.GetAttribute("start"));
        Assert.Contains("12 articles match", beyond.QuerySelector(".search-summary")?.NormalizedText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryTimeIsLogged()
    {
        await SearchAsync("lumbago");

        Assert.Contains(Site.Logs.Messages, message => message.StartsWith("Search of 7 characters found 3 articles in ", StringComparison.Ordinal));
    }
}
