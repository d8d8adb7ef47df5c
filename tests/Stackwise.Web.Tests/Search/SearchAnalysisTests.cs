using Stackwise.Web.Search;
using Stackwise.Web.Tests.Localization;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Search;

/// <summary>Each language the interface speaks is searched with its own stop words and stems.</summary>
public sealed class SearchAnalysisTests : IDisposable
{
    private readonly TempContentFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void EveryLanguageWithInterfaceWordsHasItsAnalysis()
    {
        Assert.Equal("en", SearchAnalysis.For("en")?.Language);
        Assert.All(SiteTextTests.LanguageFiles(), language => Assert.Equal(language, SearchAnalysis.For(language)?.Language));
        Assert.Equal("es", SearchAnalysis.For("es-mx")?.Language);
        Assert.Null(SearchAnalysis.For("xx"));
    }

    /// <summary>A query in another form of a word the text has (gender, number, written without its accent) meets it by
    /// its Spanish stem, and the word is marked in the snippet.</summary>
    [Theory]
    [InlineData("terapeutica")]
    [InlineData("terapéuticas")]
    [InlineData("TERAPEUTICO")]
    public async Task SpanishStemsMeetEveryFormOfAWord(string query)
    {
        _folder.Write("terapias/sintetica.md",
            "---\ntitle: Bienestar sintético\ncategory: Sintética\nrisk: low\nsummary: Sintético.\npublished: 2026-01-01\n---\nCuidados terapéuticos sintéticos.\n");

        var results = SearchIndex.Build(await _folder.LoadAsync(), analysis: SearchAnalysis.Spanish).Search(new SearchQuery(query, null, null));

        Assert.Equal("terapéuticos", Assert.Single(Assert.Single(results.Hits).Snippet, part => part.IsMatch).Text);
    }

    /// <summary>Spanish stop words (<c>los</c>, <c>de</c>) match nothing in a Spanish index; English analysis takes them for
    /// words and finds every article that has them.</summary>
    [Fact]
    public async Task SpanishStopWordsFindNothingOnTheirOwn()
    {
        _folder.Write("terapias/cuidados.md",
            "---\ntitle: Cuidados sintéticos\ncategory: Sintética\nrisk: low\nsummary: Sintético.\npublished: 2026-01-01\n---\nCuidados de prueba.\n");
        _folder.Write("terapias/efectos.md",
            "---\ntitle: Efectos sintéticos\ncategory: Sintética\nrisk: low\nsummary: Sintético.\npublished: 2026-01-02\n---\nLos efectos de prueba.\n");
        var snapshot = await _folder.LoadAsync();
        var query = new SearchQuery("los cuidados de", null, null);

        var spanish = SearchIndex.Build(snapshot, analysis: SearchAnalysis.Spanish).Search(query);
        var english = SearchIndex.Build(snapshot, analysis: SearchAnalysis.English).Search(query);

        Assert.Equal(["/terapias/cuidados"], spanish.Hits.Select(hit => hit.Article.Url));
        Assert.Equal(2, english.Total);
    }

    [Fact]
    public async Task AnIndexMadeFromTheLastKeepsItsLanguage()
    {
        _folder.Write("terapias/sintetica.md",
            "---\ntitle: Uno\ncategory: Sintética\nrisk: low\nsummary: Sintético.\npublished: 2026-01-01\n---\nCuidados terapéuticos.\n");
        var first = SearchIndex.Build(await _folder.LoadAsync(), analysis: SearchAnalysis.Spanish);
        _folder.Write("terapias/otra.md",
            "---\ntitle: Dos\ncategory: Sintética\nrisk: low\nsummary: Sintético.\npublished: 2026-01-02\n---\nMás cuidados terapéuticos.\n");

        var next = SearchIndex.Build(await _folder.LoadAsync(), first);

        Assert.Equal(2, next.Search(new SearchQuery("terapeutica", null, null)).Total);
    }
}
