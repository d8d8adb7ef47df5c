using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Stackwise.Web.Content.Hosting;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Hardening;

/// <summary>
/// One content folder holding every hostile file at once next to good pages. Each hostile file must be rejected
/// with a clear, logged problem or be served inert, and the good pages must keep serving all the while.
/// </summary>
public sealed class HostileContentTests(HostileContentTests.Site site) : IClassFixture<HostileContentTests.Site>
{
    private static readonly string[] ActiveSchemes = ["javascript:", "vbscript:", "data:"];

    public static TheoryData<string> Rejected => [.. HostileFiles.Files.Values.Where(file => file.RejectedWith is not null).Select(file => file.Path)];

    public static TheoryData<string> Inert => [.. HostileFiles.InertPaths];

    [Theory]
    [MemberData(nameof(Rejected))]
    public async Task RejectedFileIsReportedWithItsCodeAndNeverServed(string path)
    {
        var expected = HostileFiles.Files[path].RejectedWith;

        var errors = site.Snapshot.Problems.Where(problem => problem.File == path && problem.Severity == ProblemSeverity.Error);
        Assert.Contains(expected, errors.Select(problem => problem.Code));
        Assert.Contains(site.Factory.Logs.Messages, line => line.StartsWith("Content file rejected: ", StringComparison.Ordinal)
            && line.Contains($"{path}:", StringComparison.Ordinal) && line.Contains(expected!, StringComparison.Ordinal));
        Assert.DoesNotContain(site.Snapshot.Articles, article => article.Path.File == path);
        var response = await site.Client.GetAsync(new Uri(UrlOf(path), UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Inert))]
    public async Task InertFileIsServedWithNothingThatRuns(string path)
    {
        var (response, document) = await site.Client.GetPageAsync(UrlOf(path));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(site.Snapshot.Articles, article => article.Path.File == path);
        Assert.DoesNotContain(document.QuerySelectorAll("script"), script => script.GetAttribute("type") != "application/ld+json");
        // The site's own search form is the only form; content cannot add one.
        Assert.Equal(["form"], document.QuerySelectorAll("style, iframe, object, embed, frame, frameset, base, form, svg, math, meta[http-equiv]").Select(element => element.LocalName));
        foreach (var element in document.QuerySelectorAll("*"))
        {
            Assert.DoesNotContain(element.Attributes, attribute => attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(element.Attributes, attribute => attribute.Name is "href" or "src" or "action" or "formaction" or "srcset" or "xlink:href"
                && ActiveSchemes.Any(scheme => AsBrowserReadsIt(attribute.Value).StartsWith(scheme, StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void RawHtmlIsShownAsTextNotDropped()
    {
        var article = site.Snapshot.Articles.Single(article => article.Path.File == "therapies/script-and-style.md");

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", article.Html.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void RepeatedHeadingsGetUniqueAnchors()
    {
        var article = site.Snapshot.Articles.Single(article => article.Path.File == "therapies/twenty-thousand-identical-headings.md");

        Assert.Equal(20_000, article.Headings.Select(heading => heading.Id).Distinct().Count());
        Assert.Equal(["same", "same-1", "same-2"], article.Headings.Take(3).Select(heading => heading.Id));
    }

    [Theory]
    [InlineData("therapies/linked-outside.md")]
    [InlineData("therapies/named-pipe.md")]
    public async Task LinksAndPipesAreReportedAndNeverRead(string path)
    {
        var problem = Assert.Single(site.Snapshot.Problems, problem => problem.File == path);
        Assert.Equal(ProblemCodes.Unreadable, problem.Code);
        var response = await site.Client.GetAsync(new Uri(UrlOf(path), UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Synthetic secret outside the content folder", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SvgImageWithScriptIsServedSandboxedSoNothingInItRuns()
    {
        var response = await site.Client.GetAsync(new Uri("/images/hostile.svg", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        var policy = string.Join(';', response.Headers.GetValues("Content-Security-Policy")).Split(';', StringSplitOptions.TrimEntries);
        Assert.Contains("default-src 'none'", policy);
        Assert.Contains("sandbox", policy);
        Assert.DoesNotContain(policy, directive => directive.Contains("unsafe", StringComparison.Ordinal));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/therapies/good-neighbour")]
    [InlineData("/terms")]
    [InlineData("/categories/hostile-fixture")]
    [InlineData("/sitemap.xml")]
    [InlineData("/feed.xml")]
    [InlineData("/search?q=good")]
    public async Task EveryOtherPageKeepsServing(string url)
    {
        var response = await site.Client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SitemapListsTheGoodAndInertPagesAndNoRejectedOne()
    {
        var sitemap = await site.Client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative));

        Assert.Contains("/therapies/good-neighbour<", sitemap, StringComparison.Ordinal);
        foreach (var file in HostileFiles.Files.Values)
        {
            var listed = sitemap.Contains($"{UrlOf(file.Path)}<", StringComparison.Ordinal);
            Assert.True(listed == (file.RejectedWith is null), $"{file.Path}: listed {listed}");
        }
    }

    /// <summary>What a browser makes of a URL attribute before it looks at the scheme: no whitespace or control
    /// characters, lowercase.</summary>
    private static string AsBrowserReadsIt(string value) =>
        new string([.. value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c))]).ToLowerInvariant();

    private static string UrlOf(string path) => "/" + path[..^".md".Length];

    /// <summary>The site on <see cref="HostileFiles.WriteFolder"/> plus a symbolic link to a file outside the content folder.</summary>
    public sealed class Site : IDisposable
    {
        private readonly TempContentFolder _folder = HostileFiles.WriteFolder();
        private readonly string _outside = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "stackwise-tests", $"outside-{Guid.NewGuid():N}.md");

        public Site()
        {
            File.WriteAllText(_outside, HostileFiles.Front("outside") + "Synthetic secret outside the content folder.\n");
            File.CreateSymbolicLink(System.IO.Path.Combine(_folder.Root, "therapies", "linked-outside.md"), _outside);
            Factory = new StackwiseFactory(_folder.Root);
            Client = Factory.CreateClient();
        }

        public StackwiseFactory Factory { get; }

        public HttpClient Client { get; }

        public ContentSnapshot Snapshot => Factory.Services.GetRequiredService<ContentStore>().Current;

        public void Dispose()
        {
            Client.Dispose();
            Factory.Dispose();
            _folder.Dispose();
            File.Delete(_outside);
        }
    }
}
