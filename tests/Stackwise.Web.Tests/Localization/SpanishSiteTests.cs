using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Localization;

/// <summary>
/// A site written in Spanish (<c>Site:Languages</c> = <c>es</c>), every page of it crawled: the interface speaks Spanish
/// everywhere (no English word outside the content, which is Spanish too), with Spanish dates, <c>lang="es"</c>, JSON-LD
/// <c>inLanguage</c> and feeds in Spanish. Every text here is synthetic.
/// </summary>
public sealed partial class SpanishSiteTests() : SiteOnFolderTest(WriteFolder(new TempContentFolder()))
{
    /// <summary>Articles in the one category: more than a list page holds, so its second page exists.</summary>
    private const int Articles = 22;

    private const string Gone = "/terapias/retirada";

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string> { ["Site:Languages:0"] = "es" };

    /// <summary>
    /// English words the interface used to show (navigation, lists, bylines, errors, search); none is a Spanish word. A page
    /// with any of them outside the (Spanish) content shows an English string that does not come from the resources.
    /// </summary>
    private static readonly HashSet<string> EnglishWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "and", "of", "to", "for", "with", "by", "is", "are", "this", "page", "pages", "article", "articles", "risk",
        "risks", "search", "results", "home", "read", "updated", "published", "reviewed", "written", "writers", "reviewers",
        "previous", "newer", "older", "skip", "about", "terms", "privacy", "policy", "service", "browse", "category", "level",
        "levels", "latest", "related", "references", "health", "medically", "due", "review", "found", "removed", "requests",
        "something", "went", "wrong", "please", "try", "again", "all", "filter", "more", "what", "means", "yet", "site",
        "footer", "breadcrumb", "match", "matches", "newest", "last", "next", "on", "go", "see", "every", "low", "moderate", "high",
    };

    /// <summary>Writes the Spanish site (the browser tests use it too).</summary>
    public static TempContentFolder WriteFolder(TempContentFolder folder)
    {
        foreach (var (file, title) in new[] { ("about", "Acerca de este sitio sintético"), ("terms", "Términos sintéticos"), ("privacy", "Privacidad sintética") })
        {
            folder.Write($"pages/{file}.md", $"---\ntitle: {title}\nsummary: Página sintética de prueba.\nupdated: 2026-02-03\n---\nTexto sintético de prueba.\n");
        }
        folder.Write("pages/risk-levels.md", "---\ntitle: Niveles sintéticos\nsummary: Explicación sintética.\n---\nIntroducción sintética.\n\n"
            + "## Riesgo bajo\n\nTexto sintético.\n\n## Riesgo moderado\n\nTexto sintético.\n\n## Riesgo alto\n\nTexto sintético.\n");
        folder.Write("people/ana-ejemplo.md", "---\nname: Ana Ejemplo\nrole: Redactora sintética\n---\nUna persona sintética.\n");
        folder.Write("people/luis-ejemplo.md", "---\nname: Luis Ejemplo\ncredentials: MD\nrole: Revisor sintético\n---\nOtra persona sintética.\n");
        folder.Write("people/eva-ejemplo.md", "---\nname: Eva Ejemplo\n---\nUna persona sintética sin artículos.\n");
        for (var number = 1; number <= Articles; number++)
        {
            folder.Write($"terapias/terapia-sintetica-{number}.md",
                $"---\ntitle: Terapia sintética {number}\ncategory: Terapia sintética\nrisk: moderate\nsummary: Resumen sintético {number}.\n"
                + $"author: ana-ejemplo\nhealthRisks:\n  - Riesgo sintético\npublished: 2026-01-{number:00}\n---\nTexto sintético del artículo {number}.\n");
        }
        folder.Write("terapias/revision-sintetica.md",
            "---\ntitle: Revisión sintética\ncategory: Cuidado sintético\nrisk: low\nsummary: Un artículo sintético con revisión y fuentes.\n"
            + "author:\n  - ana-ejemplo\n  - eva-ejemplo\nreviewedBy: luis-ejemplo\nlastReviewed: 2026-02-10\nnextReview: 2026-03-01\nupdated: 2026-02-10\n"
            + "healthRisks:\n  - Efecto sintético\n  - text: Contraindicación sintética\n    kind: contraindication\n"
            + "references:\n  - id: fuente\n    title: Una fuente sintética\n    source: Editorial sintética\n    year: 2024\n    doi: 10.5555/sintetica.2024.1\n"
            + "tags: [sintético]\npublished: 2026-02-01\n---\nIntroducción sintética [@fuente].\n\n## Primera sección\n\nCuidados terapéuticos sintéticos.\n\n## Segunda sección\n\nMás texto sintético.\n");
        folder.Write("redirects.yml", $"gone:\n  - {Gone}\n");
        return folder;
    }

    /// <summary>Every page a reader or crawler can reach, with the status it must answer.</summary>
    private static async Task<List<(string Path, HttpStatusCode Status)>> EveryPageAsync(HttpClient client)
    {
        var sitemap = XDocument.Parse(await client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative)));
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var pages = sitemap.Descendants(ns + "loc").Select(loc => new Uri(loc.Value).AbsolutePath).Select(path => (Uri.UnescapeDataString(path), HttpStatusCode.OK)).ToList();
        Assert.Contains(pages, page => page.Item1 == "/categories/terapia-sintetica/page/2");
        pages.AddRange(
        [
            ("/search", HttpStatusCode.OK),
            ("/search?q=sint%C3%A9tica", HttpStatusCode.OK),
            ("/search?q=sint%C3%A9tica&page=2", HttpStatusCode.OK),
            ("/search?q=sint%C3%A9tica&risk=low", HttpStatusCode.OK),
            ("/search?q=zzqqxx", HttpStatusCode.OK),
            ("/search?q=" + new string('x', 600), HttpStatusCode.BadRequest),
            ("/terapias/no-existe", HttpStatusCode.NotFound),
            (Gone, HttpStatusCode.Gone),
        ]);
        return pages;
    }

    [Fact]
    public async Task EveryPageSpeaksSpanishOutsideTheContentToo()
    {
        var client = Site.CreateClient();
        var pages = await EveryPageAsync(client);
        var english = new List<string>();

        foreach (var (path, status) in pages)
        {
            var (response, page) = await client.GetPageAsync(path);
            Assert.True(status == response.StatusCode, $"{path}: {response.StatusCode}");
            Assert.Equal("es", page.DocumentElement.GetAttribute("lang"));
            foreach (var text in ReadersText(page))
            {
                english.AddRange(Words().Matches(text).Select(word => word.Value).Where(EnglishWords.Contains).Select(word => $"{path}: \"{word}\" in \"{text}\""));
                Assert.False(KeyName().IsMatch(text), $"{path}: a resource key shows: \"{text}\"");
            }
        }

        Assert.True(pages.Count > 40, $"only {pages.Count} pages");
        Assert.Empty(english);
    }

    [Fact]
    public async Task ArticleBylinesDatesAndReviewNoticesAreSpanish()
    {
        var (_, page) = await Site.CreateClient().GetPageAsync("/terapias/revision-sintetica");

        var text = page.QuerySelector("article")!.NormalizedText();
        Assert.Contains("Escrito por Ana Ejemplo y Eva Ejemplo", text, StringComparison.Ordinal);
        Assert.Contains("Revisión médica de Luis Ejemplo, MD, el 10 de febrero de 2026", text, StringComparison.Ordinal);
        Assert.Contains("1 min de lectura · Actualizado el 10 de febrero de 2026", text, StringComparison.Ordinal);
        Assert.Contains("Próxima revisión prevista: 1 de marzo de 2026", text, StringComparison.Ordinal);
        Assert.Contains("Este artículo debe revisarse.", text, StringComparison.Ordinal);
        Assert.Equal(["Primera sección", "Segunda sección", "Referencias", "Riesgos para la salud"], page.QuerySelectorAll(".toc a").Select(a => a.TextContent));
        Assert.Equal("Riesgo bajo", page.QuerySelector(".article-header .risk-badge")!.TextContent);
        Assert.Equal("2026-02-10", page.QuerySelector(".article-byline time")!.GetAttribute("datetime"));
    }

    [Fact]
    public async Task EveryRiskBadgeLinksToTheSectionThatExplainsItsLevel()
    {
        var client = Site.CreateClient();
        var (_, explanations) = await client.GetPageAsync("/risk-levels");
        var (_, home) = await client.GetPageAsync("/");

        var targets = home.QuerySelectorAll("a.risk-badge, .browse-list a").Select(a => a.GetAttribute("href")!).Where(href => href.StartsWith("/risk-levels#", StringComparison.Ordinal)).ToList();
        var (_, article) = await client.GetPageAsync("/terapias/revision-sintetica");
        targets.AddRange(article.QuerySelectorAll("a.risk-badge").Select(a => a.GetAttribute("href")!));

        Assert.Contains("/risk-levels#riesgo-moderado", targets);
        Assert.Contains("/risk-levels#riesgo-bajo", targets);
        Assert.All(targets, href => Assert.NotNull(explanations.GetElementById(href["/risk-levels#".Length..])));
    }

    [Fact]
    public async Task StructuredDataAndFeedsAreInSpanish()
    {
        var client = Site.CreateClient();

        var json = await client.GetJsonLdAsync("/terapias/revision-sintetica");
        var atom = XDocument.Parse(await client.GetStringAsync(new Uri("/feed.xml", UriKind.Relative)));
        var rss = XDocument.Parse(await client.GetStringAsync(new Uri("/rss.xml", UriKind.Relative)));
        var person = await client.GetJsonLdAsync("/people/luis-ejemplo");

        Assert.Equal("es", json.GetProperty("inLanguage").GetString());
        Assert.Equal("es", person.GetProperty("inLanguage").GetString());
        Assert.Equal("Inicio", json.GetProperty("breadcrumb").GetProperty("itemListElement")[0].GetProperty("name").GetString());
        Assert.Equal("es", atom.Root!.Attribute(XNamespace.Xml + "lang")?.Value);
        Assert.StartsWith("Stackwise explica", atom.Root.Elements().Single(element => element.Name.LocalName == "subtitle").Value, StringComparison.Ordinal);
        Assert.Equal("es", rss.Descendants("language").Single().Value);
    }

    [Fact]
    public async Task CountsAndListTitlesAreSpanish()
    {
        var client = Site.CreateClient();

        var (_, category) = await client.GetPageAsync("/categories/terapia-sintetica/page/2");
        var (_, people) = await client.GetPageAsync("/people");
        var (_, search) = await client.GetPageAsync("/search?q=sint%C3%A9tica&risk=low");

        Assert.Equal("Terapia sintética, página 2", category.QuerySelector("h1")!.TextContent);
        Assert.Equal($"{Articles} artículos en esta categoría, del más reciente al más antiguo.", category.QuerySelector(".page-intro")!.TextContent);
        Assert.Equal("Página 2 de 2", category.QuerySelector(".pagination span")!.TextContent);
        Assert.Equal(["23 artículos escritos", "1 artículo escrito", "1 artículo revisado"],
            people.QuerySelectorAll(".person-counts").Select(counts => counts.TextContent));
        Assert.Equal("1 artículo coincide con «sintética» con los filtros de abajo.", search.QuerySelector(".search-summary")!.NormalizedText());
    }

    private static readonly string[] NamingAttributes = ["aria-label", "title", "alt", "placeholder"];

    /// <summary>The language is the site's: a reader's Accept-Language, a culture cookie or a culture in the query string
    /// change nothing, so a cached page is the same for everyone.</summary>
    [Theory]
    [InlineData("/")]
    [InlineData("/terapias/revision-sintetica")]
    public async Task NoRequestChoosesAnotherLanguage(string path)
    {
        var client = Site.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{path}?culture=en&ui-culture=en");
        request.Headers.AcceptLanguage.ParseAdd("en-US,en;q=0.9");
        request.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");

        using var response = await client.SendAsync(request);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.Equal("es", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Saltar al contenido", page.QuerySelector(".skip-link")?.TextContent);
        Assert.DoesNotContain("Accept-Language", response.Headers.Vary);
    }

    [Theory]
    [InlineData("terapeutica")]   // terapéuticos: singular, feminine, no accent
    [InlineData("TERAPÉUTICO")]
    [InlineData("cuidado")]
    public async Task SearchFindsSpanishWordsByTheirStems(string query)
    {
        var (_, page) = await Site.CreateClient().GetPageAsync($"/search?q={Uri.EscapeDataString(query)}");

        Assert.Equal(["/terapias/revision-sintetica"], page.QuerySelectorAll(".search-results .article-card-title a").Select(a => a.GetAttribute("href")));
        Assert.NotNull(page.QuerySelector(".search-results mark"));
    }

    /// <summary>What a reader sees or hears of a page: its text and the words in its attributes and head, not its URLs.</summary>
    private static IEnumerable<string> ReadersText(IHtmlDocument page)
    {
        var texts = page.Body!.Descendants<IText>().Where(text => text.ParentElement?.LocalName is not ("script" or "style")).Select(text => text.Data);
        var attributes = page.QuerySelectorAll("[aria-label], [title], [alt], [placeholder]")
            .SelectMany(element => NamingAttributes.Select(element.GetAttribute));
        var head = page.QuerySelectorAll("title, meta[name=description], meta[property='og:title'], meta[property='og:description'], meta[property='og:image:alt'], "
            + "meta[name='twitter:title'], meta[name='twitter:description'], meta[name='twitter:image:alt'], link[rel=alternate]")
            .Select(element => element.LocalName switch { "title" => element.TextContent, "link" => element.GetAttribute("title"), _ => element.GetAttribute("content") });
        return texts.Concat(attributes).Concat(head).OfType<string>().Where(text => !string.IsNullOrWhiteSpace(text));
    }

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Words();

    // A resource key written out instead of its words: "Layout.Terms".
    [GeneratedRegex(@"\b[A-Z][a-z]+\.[A-Z][A-Za-z]+\b")]
    private static partial Regex KeyName();
}
