using System.Net;
using System.Text;
using System.Xml.Linq;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using Stackwise.Web.Content.Hosting;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Localization;

/// <summary>
/// A site in English and Spanish (<c>Site:Languages</c> = <c>en</c>, <c>es</c>): the Spanish pages in <c>content/es/</c>,
/// served under <c>/es/</c> with their own lists, feeds and search, hreflang both ways in the head and the sitemap, and a
/// switcher on translated pages. Every page in the sitemap is walked. Every text here is synthetic.
/// </summary>
public sealed class TwoLanguageSiteTests() : SiteOnFolderTest(WriteFolder(new TempContentFolder()))
{
    private const string Translated = "/therapies/alpha-test-therapy";
    private const string SpanishOnly = "/es/terapias/solo-en-espanol";
    private const string Hebrew = "טיפולים/טיפול-לדוגמה.md";
    private const string Chinese = "疗法/睡眠疗法示例.md";
    private static readonly XNamespace SitemapNs = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    protected override IReadOnlyDictionary<string, string> Settings { get; } =
        new Dictionary<string, string> { ["Site:Languages:0"] = "en", ["Site:Languages:1"] = "es" };

    /// <summary>The English test content, a writer, and Spanish pages: a translation of one article and of the writer, an
    /// article only in Spanish, and Spanish site pages but for privacy.</summary>
    public static TempContentFolder WriteFolder(TempContentFolder folder)
    {
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.TestContent, "*", SearchOption.AllDirectories))
        {
            folder.Write(Path.GetRelativePath(RepositoryPaths.TestContent, file).Replace('\\', '/'), File.ReadAllText(file));
        }
        folder.Write("people/test-writer.md", "---\nname: Test Writer\n---\nA synthetic writer.\n");
        folder.Write("es/people/test-writer.md", "---\nname: Test Writer\nrole: Redactora sintética\n---\nUna persona sintética.\n");
        folder.Write("es/therapies/alpha-test-therapy.md",
            "---\ntitle: Terapia alfa sintética\ncategory: Categoría sintética\nrisk: low\nsummary: Un resumen sintético.\nauthor: test-writer\npublished: 2026-01-11\n---\nTexto sintético de la traducción.\n");
        folder.Write("es/terapias/solo-en-espanol.md",
            "---\ntitle: Solo en español\ncategory: Categoría sintética\nrisk: moderate\nsummary: Un resumen sintético.\nhealthRisks:\n  - Riesgo sintético\npublished: 2026-01-12\n---\nTexto sintético.\n");
        folder.Write("es/pages/risk-levels.md", "---\ntitle: Niveles sintéticos\nsummary: Explicación sintética.\n---\nIntroducción.\n\n## Riesgo bajo\n\nTexto.\n\n## Riesgo moderado\n\nTexto.\n\n## Riesgo alto\n\nTexto.\n");
        folder.Write("es/pages/terms.md", "---\ntitle: Términos sintéticos\nsummary: Página sintética.\n---\nTexto sintético.\n");
        // A right-to-left and a CJK article, each with its Spanish version at the same path (names in their scripts).
        foreach (var (file, title, category) in new[] { (Hebrew, "טיפול לדוגמה", "רפואה משלימה"), (Chinese, "睡眠疗法示例", "补充医学") })
        {
            folder.Write(file, $"---\ntitle: {title}\ncategory: {category}\nrisk: low\nsummary: {title}.\npublished: 2026-01-20\n---\n{title}.\n");
            folder.Write($"es/{file}", $"---\ntitle: {title} (es)\ncategory: {category}\nrisk: low\nsummary: {title}.\npublished: 2026-01-21\n---\n{title}.\n");
        }
        folder.Write("es/pages/about.md", "---\ntitle: Acerca de lo sintético\nsummary: Página sintética.\n---\nTexto sintético.\n");
        return folder;
    }

    private static async Task<List<string>> SitemapPathsAsync(HttpClient client)
    {
        var sitemap = XDocument.Parse(await client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative)));
        return [.. sitemap.Descendants(SitemapNs + "loc").Select(loc => new Uri(loc.Value).AbsolutePath)];
    }

    private static Dictionary<string, string> HeadVersions(IHtmlDocument page) =>
        page.QuerySelectorAll("link[rel=alternate][hreflang]").ToDictionary(link => link.GetAttribute("hreflang")!, link => new Uri(link.GetAttribute("href")!).AbsolutePath);

    [Fact]
    public async Task EveryPageIsInItsLanguageAndItsHreflangIsReciprocal()
    {
        var client = Site.CreateClient();
        var paths = await SitemapPathsAsync(client);
        var withVersions = 0;

        foreach (var path in paths)
        {
            var (response, page) = await client.GetPageAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
            Assert.Equal(path == "/es" || path.StartsWith("/es/", StringComparison.Ordinal) ? "es" : "en", page.DocumentElement.GetAttribute("lang"));
            var versions = HeadVersions(page);
            if (versions.Count == 0)
            {
                continue;
            }
            withVersions++;
            // URIs, as every link the head gives a crawler: a Hebrew path percent-encoded.
            Assert.All(page.QuerySelectorAll("link[rel=alternate][hreflang]"), link => Assert.True(Ascii.IsValid(link.GetAttribute("href") ?? ""), link.GetAttribute("href")));
            // Itself among them, x-default the English one, and each version names exactly the same set.
            Assert.Contains(path, versions.Values);
            Assert.Equal(versions["en"], versions["x-default"]);
            foreach (var (language, other) in versions.Where(version => version.Key != "x-default"))
            {
                var (otherResponse, otherPage) = await client.GetPageAsync(other);
                Assert.Equal(HttpStatusCode.OK, otherResponse.StatusCode);
                Assert.Equal(language, otherPage.DocumentElement.GetAttribute("lang"));
                Assert.Equal(versions.OrderBy(pair => pair.Key), HeadVersions(otherPage).OrderBy(pair => pair.Key));
                Assert.Equal(other, new Uri(otherPage.QuerySelector("link[rel=canonical]")!.GetAttribute("href")!).AbsolutePath);
            }
        }

        // The home pages, the translated articles (Latin, Hebrew, Chinese), writers and reviewers, a person, the risk levels,
        // about and terms; the Hebrew and Chinese ones with their paths percent-encoded.
        Assert.True(withVersions >= 20, $"{withVersions} pages with versions");
        Assert.Contains("/es/%D7%98%D7%99%D7%A4%D7%95%D7%9C%D7%99%D7%9D/%D7%98%D7%99%D7%A4%D7%95%D7%9C-%D7%9C%D7%93%D7%95%D7%92%D7%9E%D7%94", paths);
    }

    [Fact]
    public async Task TheSitemapNamesTheSameVersionsAsEachPage()
    {
        var client = Site.CreateClient();
        var sitemap = XDocument.Parse(await client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative)));

        Assert.Equal(Xhtml.NamespaceName, sitemap.Root!.GetNamespaceOfPrefix("xhtml")?.NamespaceName);
        var all = sitemap.Descendants(SitemapNs + "loc").Select(loc => new Uri(loc.Value).AbsolutePath).ToHashSet();
        foreach (var url in sitemap.Descendants(SitemapNs + "url"))
        {
            var path = new Uri(url.Element(SitemapNs + "loc")!.Value).AbsolutePath;
            var listed = url.Elements(Xhtml + "link").ToDictionary(link => (string)link.Attribute("hreflang")!, link => new Uri((string)link.Attribute("href")!).AbsolutePath);
            var (_, page) = await client.GetPageAsync(path);
            Assert.Equal(HeadVersions(page).OrderBy(pair => pair.Key), listed.OrderBy(pair => pair.Key));
            Assert.All(listed.Values, other => Assert.Contains(other, all));
        }
        Assert.Contains(all, path => path == SpanishOnly);
        Assert.Contains(all, path => path == "/es/categories/categoria-sintetica");
    }

    [Fact]
    public async Task EachLanguageListsFeedsAndSearchesOnlyItsOwnArticles()
    {
        var client = Site.CreateClient();

        var (_, english) = await client.GetPageAsync("/");
        var (_, spanish) = await client.GetPageAsync("/es");
        var spanishFeed = XDocument.Parse(await client.GetStringAsync(new Uri("/es/feed.xml", UriKind.Relative)));
        var englishFeed = XDocument.Parse(await client.GetStringAsync(new Uri("/feed.xml", UriKind.Relative)));
        var (_, spanishSearch) = await client.GetPageAsync("/es/search?q=sint%C3%A9tico");
        var (_, englishSearch) = await client.GetPageAsync("/search?q=synthetic");

        Assert.Equal([SpanishOnly, "/es" + Translated], Titles(spanish).Where(href => Ascii.IsValid(href)));
        Assert.Equal(["/es/טיפולים/טיפול-לדוגמה", "/es/疗法/睡眠疗法示例"], Titles(spanish).Where(href => !Ascii.IsValid(href)).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(Titles(english), href => href.StartsWith("/es", StringComparison.Ordinal));
        Assert.Equal("es", spanishFeed.Root!.Attribute(XNamespace.Xml + "lang")?.Value);
        XNamespace atom = "http://www.w3.org/2005/Atom";
        Assert.All(spanishFeed.Descendants(atom + "entry"), entry => Assert.StartsWith("https://stackwise.test/es/", entry.Element(atom + "id")!.Value, StringComparison.Ordinal));
        Assert.Equal(4, spanishFeed.Descendants(atom + "entry").Count());
        Assert.DoesNotContain(englishFeed.Descendants(atom + "id"), id => id.Value.Contains("/es/", StringComparison.Ordinal));
        Assert.NotEmpty(SearchResults(spanishSearch));
        Assert.All(SearchResults(spanishSearch), href => Assert.StartsWith("/es/", href, StringComparison.Ordinal));
        Assert.NotEmpty(SearchResults(englishSearch));
        Assert.All(SearchResults(englishSearch), href => Assert.DoesNotContain("/es/", href, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ATranslatedPageLinksToItsOtherVersionsAndAPageInOneLanguageToNone()
    {
        var client = Site.CreateClient();

        var (_, translated) = await client.GetPageAsync("/es" + Translated);
        var (_, single) = await client.GetPageAsync(SpanishOnly);

        var link = Assert.Single(translated.QuerySelectorAll(".site-languages a"));
        Assert.Equal((Translated, "en", "en", "English"), (link.GetAttribute("href"), link.GetAttribute("hreflang"), link.GetAttribute("lang"), link.TextContent));
        Assert.Empty(single.QuerySelectorAll(".site-languages"));
        Assert.Empty(single.QuerySelectorAll("link[rel=alternate][hreflang]"));
    }

    [Fact]
    public async Task SpanishPagesLinkToSpanishSitePagesAndToTheSitesWhereThereIsNone()
    {
        var (_, page) = await Site.CreateClient().GetPageAsync(SpanishOnly);

        var footer = page.QuerySelectorAll(".footer-nav a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/es/about", "/es/risk-levels", "/es/people", "/es/terms", "/privacy"], footer);
        Assert.Equal("/es/risk-levels#riesgo-moderado", page.QuerySelector(".article-header .risk-badge")?.GetAttribute("href"));
        Assert.Equal("/es", page.QuerySelector(".breadcrumbs a")?.GetAttribute("href"));
        Assert.Equal("Inicio", page.QuerySelector(".breadcrumbs a")?.TextContent);
    }

    [Fact]
    public void TheLoadsLogLineCountsEveryLanguagesPages()
    {
        _ = Site.CreateClient();

        // English: 5 articles, 4 site pages, 1 writer; Spanish: 4 articles, 3 site pages, 1 writer.
        Assert.Contains(Site.Logs.Messages, message => message.Contains("Content loaded: 9 articles and 7 pages (2 people)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/es/terapias/no-existe", HttpStatusCode.NotFound, "Página no encontrada")]
    [InlineData("/terapias/no-existe", HttpStatusCode.NotFound, "Page not found")]
    [InlineData("/fr/therapies/alpha-test-therapy", HttpStatusCode.NotFound, "Page not found")]
    public async Task AMissingPageAnswersInItsPartsLanguage(string path, HttpStatusCode status, string heading)
    {
        var (response, page) = await Site.CreateClient().GetPageAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(heading, page.QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task TheSpanishPagesShareCardsAreServedInSpanish()
    {
        var client = Site.CreateClient();
        var (_, page) = await client.GetPageAsync(SpanishOnly);

        var card = new Uri(page.QuerySelector("meta[property='og:image']")!.GetAttribute("content")!).AbsolutePath;
        using var response = await client.GetAsync(new Uri(card, UriKind.Relative));

        Assert.Equal("/cards/es/terapias/solo-en-espanol.png", card);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Solo en español, Categoría sintética, Riesgo moderado", page.QuerySelector("meta[property='og:image:alt']")?.GetAttribute("content"));
    }

    [Fact]
    public void FilesInALanguageTheSiteDoesNotServeOrInAFolderNamedLikeOneAreRefusedWithTheirReason()
    {
        using var folder = WriteFolder(new TempContentFolder());
        folder.Write("fr/therapies/alpha-test-therapy.md", "---\ntitle: Thérapie\ncategory: Test\nrisk: low\nsummary: Synthétique.\npublished: 2026-01-01\n---\nTexte.\n");
        folder.Write("es/articulo.md", "---\ntitle: Artículo\ncategory: Test\nrisk: low\nsummary: Sintético.\npublished: 2026-01-01\n---\nTexto.\n");
        using var site = new StackwiseFactory(folder.Root) { Settings = Settings };
        _ = site.CreateClient();

        var problems = site.Services.GetRequiredService<ContentStore>().Current.Problems;

        Assert.Contains(problems, problem => problem.File == "fr/therapies/alpha-test-therapy.md" && problem.Code == ProblemCodes.BadLocation
            && problem.Message.Contains("which Site:Languages does not list", StringComparison.Ordinal));
        Assert.Contains(problems, problem => problem.File == "es/articulo.md" && problem.Code == ProblemCodes.ReservedName);
    }

    [Fact]
    public void ATranslationBehindItsSourceIsReported()
    {
        using var folder = WriteFolder(new TempContentFolder());
        folder.Write("therapies/reviewed.md", SyntheticContent.Article("Reviewed", "Test Category A", "low",
            "published: 2026-02-01\nupdated: 2026-03-01\nauthor: test-writer\nreviewedBy: test-writer\nlastReviewed: 2026-03-01"));
        folder.Write("es/therapies/reviewed.md", SyntheticContent.Article("Revisada", "Categoría sintética", "low", "published: 2026-02-02\nauthor: test-writer"));
        using var site = new StackwiseFactory(folder.Root) { Settings = Settings };
        _ = site.CreateClient();

        var problems = site.Services.GetRequiredService<ContentStore>().Current.Problems;

        string[] Codes(string file) => [.. problems.Where(problem => problem.File == file && problem.Code is ProblemCodes.TranslatesNothing
            or ProblemCodes.OlderTranslation or ProblemCodes.UnreviewedTranslation).Select(problem => problem.Code).Order(StringComparer.Ordinal)];
        Assert.Equal([ProblemCodes.OlderTranslation, ProblemCodes.UnreviewedTranslation], Codes("es/therapies/reviewed.md"));
        Assert.Equal([ProblemCodes.TranslatesNothing], Codes("es/terapias/solo-en-espanol.md"));
        Assert.Empty(Codes("es/therapies/alpha-test-therapy.md"));
        Assert.Empty(Codes("es/pages/terms.md"));
        Assert.Contains(problems, problem => problem.Code == ProblemCodes.OlderTranslation
            && problem.Message.Contains("`content/therapies/reviewed.md` was updated on 2026-03-01, this translation on 2026-02-02", StringComparison.Ordinal));
    }

    private static List<string> Titles(IHtmlDocument page) =>
        [.. page.QuerySelectorAll(".article-card-title a").Select(a => a.GetAttribute("href")!)];

    private static List<string> SearchResults(IHtmlDocument page) =>
        [.. page.QuerySelectorAll(".search-results .article-card-title a").Select(a => a.GetAttribute("href")!)];
}
