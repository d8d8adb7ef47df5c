using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Content.Parsing;
using Stackwise.Web.Rendering;
using Stackwise.Web.Site;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Content;

/// <summary>Content can never take over a path the site itself answers: endpoints, error pages, static files.</summary>
public sealed class ReservedPathsTests : IDisposable
{
    private readonly TempContentFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>The site's own paths an editor might write, in the spellings they might write them.</summary>
    public static TheoryData<string> SitePathsEditorsMightWrite => new()
    {
        "/", "/healthz", "/readyz", "/search", "/search/", "/Search", "/sitemap.xml", "/sitemaps/1.xml", "/feed.xml", "/rss.xml", "/robots.txt",
        "/error", "/error/404", "/error/500", "/css/site.css", "/favicon.svg", "/images/photo.png", "/categories/test", "/categories/anything",
        "/risk/low", "/risk/none", "/_content/problems",
    };

    private static readonly ContentParser Parser = new(new MarkdownRenderer());

    [Theory]
    [MemberData(nameof(SitePathsEditorsMightWrite))]
    public void AliasOfASitePathIsAnErrorAtItsPlaceAndThePageIsStillServed(string path)
    {
        var result = Parser.Parse(new ContentPath("therapies/moved.md", "therapies", "moved"),
            SyntheticContent.LowRiskArticle.Replace("published: 2026-01-01", $"published: 2026-01-01\naliases:\n  - /therapies/old-name\n  - {path}", StringComparison.Ordinal), SyntheticContent.ParsedOn);

        var problem = Assert.Single(result.Problems);
        Assert.Equal($"therapies/moved.md:9:5: error SW056: alias `{path}` is a path the site itself answers; it is ignored (choose the old URL of this page instead)", problem.ToString());
        Assert.False(problem.RejectsFile);
        Assert.Equal(["/therapies/old-name"], Assert.IsAssignableFrom<ContentDocument>(result.Document).Aliases.ToArray());
    }

    [Theory]
    [MemberData(nameof(SitePathsEditorsMightWrite))]
    public void GoneEntryOfASitePathIsAnErrorAtItsPlace(string path)
    {
        var problems = new List<ContentProblem>();

        var gone = RedirectsFile.Read($"gone:\n  - /therapies/withdrawn\n  - {path}\n", problems);

        Assert.Equal(["/therapies/withdrawn"], gone.ToArray());
        Assert.Equal($"redirects.yml:3:5: error SW056: `{path}` is a path the site itself answers and cannot be listed as gone; it is ignored",
            Assert.Single(problems).ToString());
    }

    [Fact]
    public async Task SiteIgnoresSuchEntriesWithAWarningAndKeepsEveryOwnPathWorking()
    {
        _folder.Write("therapies/moved.md", SyntheticContent.LowRiskArticle.Replace("published: 2026-01-01",
                "published: 2026-01-01\naliases:\n  - /therapies/old-name\n  - /healthz\n  - /search\n  - /sitemap.xml\n  - /error/404\n  - /css/site.css", StringComparison.Ordinal))
            .Write("redirects.yml", "gone:\n  - /therapies/withdrawn\n  - /readyz\n  - /feed.xml\n  - /error/404\n");
        await using var site = new StackwiseFactory(_folder.Root);
        var client = site.CreateNoRedirectClient();

        foreach (var (url, status) in new[]
        {
            ("/healthz", HttpStatusCode.OK), ("/readyz", HttpStatusCode.OK), ("/search", HttpStatusCode.OK), ("/sitemap.xml", HttpStatusCode.OK),
            ("/feed.xml", HttpStatusCode.OK), ("/css/site.css", HttpStatusCode.OK), ("/therapies/moved", HttpStatusCode.OK),
            ("/no-such-page", HttpStatusCode.NotFound), ("/therapies/no-such-article", HttpStatusCode.NotFound),
            ("/therapies/old-name", HttpStatusCode.MovedPermanently), ("/therapies/withdrawn", HttpStatusCode.Gone),
        })
        {
            Assert.True(status == (await client.GetAsync(new Uri(url, UriKind.Relative))).StatusCode, $"{url} answers {status}");
        }
        Assert.Equal(8, site.Logs.Messages.Count(message => message.StartsWith("Content entry ignored, the rest of the file is served:", StringComparison.Ordinal)
            && message.Contains("error SW056", StringComparison.Ordinal)));
        Assert.Contains(site.Logs.Messages, message => message.Contains("0 files rejected", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CheckReportsSuchEntriesAsErrors()
    {
        _folder.Write("therapies/moved.md", SyntheticContent.LowRiskArticle.Replace("published: 2026-01-01", "published: 2026-01-01\naliases:\n  - /healthz", StringComparison.Ordinal))
            .Write("redirects.yml", "gone:\n  - /readyz\n");

        var (exitCode, output, _) = await AppProcess.RunAsync(["check", "--content", _folder.Root]);

        Assert.Equal(1, exitCode);
        Assert.Contains("/therapies/moved.md:8:5: error SW056: alias `/healthz` is a path the site itself answers", output, StringComparison.Ordinal);
        Assert.Contains("/redirects.yml:2:5: error SW056: `/readyz` is a path the site itself answers and cannot be listed as gone", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/healthz", true)]
    [InlineData("/feed.xml", true)]
    [InlineData("/favicon.abc123.svg", true)]
    [InlineData("/sitemaps/2.xml", true)]
    [InlineData("/therapies/old", false)]
    [InlineData("/feeding-guide", false)]
    [InlineData("/riskier", false)]
    [InlineData("/old-search-page", false)]
    public void ReservedPathsAreWholeSegmentsNotPrefixes(string path, bool reserved) => Assert.Equal(reserved, SitePaths.IsReserved(path));
}
