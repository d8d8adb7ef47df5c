using System.Net;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Stackwise.Web.Content.Hosting;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Seo;

/// <summary>
/// The response cache never serves a stale page: a site that has served every page, then taken a chain of edits of every
/// kind, answers every URL exactly as a site started fresh on the same content does (status, bytes, type, location and
/// keys; the clock's headers aside). Both run on one stopped clock, so dates in pages agree. A read the snapshot does not
/// record (take one <c>ContentReads.Record</c> out of <c>ContentSnapshot.RelatedTo</c>) makes this fail.
/// </summary>
public sealed class NoStalePageTests : IDisposable
{
    private static readonly string[] Codings = ["identity", "gzip"];

    // Paths that are in no sitemap but must answer the same: lists, feeds, aliases, gone and unknown paths.
    private static readonly string[] FixedPaths =
    [
        "/", "/people", "/feed.xml", "/rss.xml", "/robots.txt", "/sitemap.xml", "/risk/low", "/risk/moderate", "/risk/high",
        "/old/first", "/old/third", "/removed", "/never-existed", "/therapies/never-existed", "/categories/never-existed",
        "/people/nobody", "/THERAPIES/FIRST", "/therapies/first/",
    ];

    // The same for the Spanish part of a site in two languages.
    private static readonly string[] SpanishFixedPaths =
        ["/es", "/es/people", "/es/feed.xml", "/es/rss.xml", "/es/risk/low", "/es/risk/moderate", "/es/risk/high", "/es/terapias/nunca", "/es/people/nadie"];

    private readonly FixedTimeProvider _clock = FixedTimeProvider.On(2026, 6, 1);
    private readonly TempContentFolder _folder = new();
    private readonly HashSet<string> _seen = new(FixedPaths, StringComparer.Ordinal);

    public NoStalePageTests()
    {
        _folder
            .Write("people/writer.md", "---\nname: Synthetic Writer\nrole: Writer\n---\nSynthetic biography.\n")
            .Write("people/reviewer.md", "---\nname: Synthetic Reviewer\ncredentials: MD\n---\nSynthetic biography.\n")
            .Write("pages/about.md", "---\ntitle: About\nsummary: Synthetic about page.\n---\nSynthetic about text.\n")
            .Write("pages/terms.md", "---\ntitle: Terms\nsummary: Synthetic terms.\n---\nSynthetic terms text.\n")
            .Write("therapies/first.md", Article("First", "Category One", "low", "published: 2026-01-01\nauthor: writer\ntags: [alpha, beta]\naliases: [/old/first]"))
            .Write("therapies/second.md", Article("Second", "Category One", "low",
                "published: 2026-01-02\nauthor: writer\nreviewedBy: reviewer\nlastReviewed: 2026-01-05\nnextReview: 2026-06-01\ntags: [alpha]"))
            .Write("therapies/third.md", Article("Third", "Category Two", "low", "published: 2026-01-03\ntags: [beta]"))
            .Write("supplements/fourth.md", Article("Fourth", "Category Two", "low", "published: 2026-01-04\ntags: [gamma]"))
            .Write("supplements/scheduled.md", Article("Scheduled", "Category Two", "low", "published: 2026-06-03\ntags: [delta]"))
            .Write("redirects.yml", "gone:\n  - /removed\n");
    }

    public void Dispose() => _folder.Dispose();

    private static string Article(string title, string category, string risk, string frontMatter, string body = "Synthetic body text.") =>
        SyntheticContent.Article(title, category, risk, frontMatter, body);

    /// <summary>
    /// Each edit, named for the failure message: a file written or deleted (with its path, which the reload is told of as a
    /// watch tells it, so a save that can be patched into the last snapshot is), or the clock moved a day.
    /// </summary>
    private IEnumerable<(string Name, string? Path, Action Apply)> Edits(bool spanishToo) =>
    [
        .. spanishToo ? SpanishEdits() : [],
        ("a title", "therapies/first.md", () => _folder.Write("therapies/first.md", Article("First Retitled", "Category One", "low", "published: 2026-01-01\nauthor: writer\ntags: [alpha, beta]\naliases: [/old/first]"))),
        ("a body", "therapies/third.md", () => _folder.Write("therapies/third.md", Article("Third", "Category Two", "low", "published: 2026-01-03\ntags: [beta]", "A new synthetic body."))),
        ("a category", "therapies/first.md", () => _folder.Write("therapies/first.md", Article("First Retitled", "Category Three", "low", "published: 2026-01-01\nauthor: writer\ntags: [alpha, beta]\naliases: [/old/first]"))),
        ("a risk level", "supplements/fourth.md", () => _folder.Write("supplements/fourth.md", Article("Fourth", "Category Two", "moderate", "published: 2026-01-04\ntags: [gamma]"))),
        ("a writer's name", "people/writer.md", () => _folder.Write("people/writer.md", "---\nname: Renamed Writer\nrole: Writer\n---\nSynthetic biography.\n")),
        ("a reviewer's credentials", "people/reviewer.md", () => _folder.Write("people/reviewer.md", "---\nname: Synthetic Reviewer\ncredentials: MD, PhD\n---\nSynthetic biography.\n")),
        ("a reference", "therapies/second.md", () => _folder.Write("therapies/second.md", Article("Second", "Category One", "low",
            "published: 2026-01-02\nauthor: writer\nreviewedBy: reviewer\nlastReviewed: 2026-01-05\nnextReview: 2026-06-01\ntags: [alpha]\n"
            + "references:\n  - id: synthetic-source\n    title: Synthetic Source\n    source: Synthetic Publisher\n    url: https://example.org/synthetic",
            "Synthetic body text with a citation [@synthetic-source]."))),
        ("a site page", "pages/about.md", () => _folder.Write("pages/about.md", "---\ntitle: About Us\nsummary: Synthetic about page.\n---\nNew synthetic about text.\n")),
        ("a gone path", "redirects.yml", () => _folder.Write("redirects.yml", "gone:\n  - /removed\n  - /therapies/never-existed\n")),
        ("an alias", "therapies/third.md", () => _folder.Write("therapies/third.md", Article("Third", "Category Two", "low", "published: 2026-01-03\ntags: [beta]\naliases: [/old/third]", "A new synthetic body."))),
        ("a tag", "supplements/fourth.md", () => _folder.Write("supplements/fourth.md", Article("Fourth", "Category Two", "moderate", "published: 2026-01-04\ntags: [gamma, beta]"))),
        ("an added article", "therapies/added.md", () => _folder.Write("therapies/added.md", Article("Added", "Category One", "high", "published: 2026-01-05\nauthor: writer\ntags: [alpha]"))),
        ("a deleted article", "therapies/third.md", () => File.Delete(Path.Combine(_folder.Root, "therapies", "third.md"))),
        ("a person deleted", "people/reviewer.md", () => File.Delete(Path.Combine(_folder.Root, "people", "reviewer.md"))),
        ("a day passing: a review date passes", null, () => _clock.Now = _clock.Now.AddDays(1)),
        ("another day: a scheduled article comes due", null, () => _clock.Now = _clock.Now.AddDays(1)),
        ("a draft", "therapies/second.md", () => _folder.Write("therapies/second.md", Article("Second", "Category One", "low", "published: 2026-01-02\ndraft: true"))),
    ];

    /// <summary>Edits of the Spanish part of a site in English and Spanish: a translation's title, one added and one
    /// deleted, a Spanish writer renamed.</summary>
    private IEnumerable<(string Name, string? Path, Action Apply)> SpanishEdits() =>
    [
        ("a translation's title", "es/therapies/first.md", () => _folder.Write("es/therapies/first.md", Article("Primera retitulada", "Categoría uno", "low", "published: 2026-01-01\nauthor: writer"))),
        ("a translation added", "es/therapies/third.md", () => _folder.Write("es/therapies/third.md", Article("Tercera", "Categoría dos", "moderate", "published: 2026-01-03"))),
        ("a Spanish writer renamed", "es/people/writer.md", () => _folder.Write("es/people/writer.md", "---\nname: Redactora renombrada\n---\nBiografía sintética.\n")),
        ("a translation deleted", "es/therapies/first.md", () => File.Delete(Path.Combine(_folder.Root, "es", "therapies", "first.md"))),
    ];

    /// <summary>One language, where saves are patched into the last snapshot, and English with Spanish, where each reload is
    /// whole and empties the caches.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AWarmSiteAfterEveryKindOfEditServesWhatAFreshSiteServes(bool spanishToo)
    {
        var settings = spanishToo ? new Dictionary<string, string> { ["Site:Languages:0"] = "en", ["Site:Languages:1"] = "es" } : [];
        if (spanishToo)
        {
            _folder
                .Write("es/people/writer.md", "---\nname: Redactora sintética\n---\nBiografía sintética.\n")
                .Write("es/pages/about.md", "---\ntitle: Acerca de\nsummary: Página sintética.\n---\nTexto sintético.\n")
                .Write("es/therapies/first.md", Article("Primera", "Categoría uno", "low", "published: 2026-01-01\nauthor: writer"))
                .Write("es/terapias/solo.md", Article("Solo en español", "Categoría uno", "low", "published: 2026-01-02"));
            _seen.UnionWith(SpanishFixedPaths);
        }
        await using var warm = new StackwiseFactory(_folder.Root) { Time = _clock, Settings = settings };
        var warmClient = warm.CreateNoRedirectClient();
        var store = warm.Services.GetRequiredService<ContentStore>();
        await CrawlAsync(warmClient);
        var patched = 0;

        foreach (var (name, path, apply) in Edits(spanishToo))
        {
            apply();
            await store.ReloadAsync(path is null ? ChangedFiles.None : ChangedFiles.Complete([path]), CancellationToken.None);
            patched += store.Current.PatchedFrom is null ? 0 : 1;
            await using var fresh = new StackwiseFactory(_folder.Root) { Time = _clock, Settings = settings };
            var freshClient = fresh.CreateNoRedirectClient();

            var expected = await CrawlAsync(freshClient);
            var actual = await CrawlAsync(warmClient);

            Assert.True(expected.Count > 20, $"after {name}: only {expected.Count} responses to compare");
            foreach (var (key, response) in expected)
            {
                Assert.True(actual.TryGetValue(key, out var served), $"after {name}: {key} was not asked of the warm site");
                Assert.True(response == served, $"after {name}: {key} differs.\nfresh: {response}\nwarm:  {served}");
            }
        }
        Assert.True(spanishToo || patched >= 4, $"only {patched} saves were patched into the last snapshot; the rest were whole loads");
    }

    /// <summary>Every page a site lists, and every path either site ever listed, in each coding, twice (the second from
    /// the cache).</summary>
    private async Task<Dictionary<string, Answer>> CrawlAsync(HttpClient client)
    {
        _seen.UnionWith(await ListedPathsAsync(client));
        var answers = new Dictionary<string, Answer>(StringComparer.Ordinal);
        foreach (var path in _seen.Order(StringComparer.Ordinal))
        {
            foreach (var coding in Codings)
            {
                var first = await GetAsync(client, path, coding);
                var second = await GetAsync(client, path, coding);
                Assert.True(first == second, $"{path} ({coding}) changed between two requests with no edit:\n{first}\n{second}");
                answers[$"{path} ({coding})"] = second;
            }
        }
        return answers;
    }

    private static async Task<IEnumerable<string>> ListedPathsAsync(HttpClient client)
    {
        var xml = XDocument.Parse(await client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative)));
        return xml.Descendants().Where(element => element.Name.LocalName == "loc").Select(element => new Uri(element.Value).AbsolutePath);
    }

    private static async Task<Answer> GetAsync(HttpClient client, string path, string coding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.AcceptEncoding.ParseAdd(coding);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        return new Answer(response.StatusCode, response.Content.Headers.ContentType?.ToString(), string.Join(",", response.Content.Headers.ContentEncoding),
            response.Headers.Location?.ToString(), response.Headers.TryGetValues("Surrogate-Key", out var keys) ? string.Join(",", keys) : null,
            Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(body)), body.Length);
    }

    /// <summary>What is compared: everything but the clock's headers (Date, Age, Last-Modified); the ETag is a hash of the bytes.</summary>
    private sealed record Answer(HttpStatusCode Status, string? Type, string Coding, string? Location, string? Keys, string BodyHash, int Length);
}
