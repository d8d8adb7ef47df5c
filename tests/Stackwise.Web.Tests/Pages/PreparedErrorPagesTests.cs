using System.IO.Compression;
using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Diagnostics;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Stackwise.Web.Content.Hosting;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Pages;

/// <summary>Outside Development, the "not found" and "gone" pages are rendered once per snapshot and coding, then
/// written for every path.</summary>
public sealed class PreparedErrorPagesTests
{
    // Unknown paths of every kind a client sends: no route at all, a route with no article, a folder, another case, a file
    // name, a query string, percent-encoding.
    private static readonly string[] UnknownPaths =
    [
        "/no-such-page", "/therapies/no-such-article", "/therapies/no-such-article/", "/Supplements/Unknown", "/wp-login.php",
        "/no-such-page?utm_source=x", "/%C3%A9t%C3%A9", "/a/b/c/d/e",
    ];

    [Theory]
    [InlineData("identity")]
    [InlineData("gzip")]
    [InlineData("br")]
    public async Task EveryUnknownPathGetsTheOneRenderOfTheNotFoundPage(string coding)
    {
        await using var site = new TestContentFactory();
        var client = ClientAccepting(site, coding);
        var first = await client.GetAsync(new Uri("/first-unknown-path", UriKind.Relative));
        var firstBytes = await first.Content.ReadAsByteArrayAsync();
        using var renders = ErrorPageRenders(site);

        foreach (var path in UnknownPaths)
        {
            var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            var bytes = await response.Content.ReadAsByteArrayAsync();

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal(firstBytes, bytes);
            Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
            Assert.Equal(first.Content.Headers.ContentType, response.Content.Headers.ContentType);
            Assert.Equal(first.Content.Headers.ContentEncoding, response.Content.Headers.ContentEncoding);
            Assert.Equal(first.Headers.Vary, response.Headers.Vary);
            Assert.Null(response.Headers.CacheControl);
            Assert.Contains("default-src 'self'", string.Join(' ', response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        }
        Assert.Equal(0, renders.Count);
        Assert.Equal(coding == "identity" ? [] : [coding], first.Content.Headers.ContentEncoding);
        var document = new HtmlParser().ParseDocument(Decoded(firstBytes, coding));
        Assert.Equal("Page not found", document.QuerySelector("h1")?.TextContent.Trim());
        Assert.NotNull(document.QuerySelector("footer .disclaimer"));
        Assert.Equal("noindex", document.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
    }

    [Fact]
    public async Task EachCodingAndEachStatusIsRenderedOnceAndKeptApart()
    {
        await using var site = new TestContentFactory();
        using var renders = ErrorPageRenders(site);
        var bodies = new Dictionary<(string, HttpStatusCode), byte[]>();

        foreach (var round in new[] { 1, 2 })
        {
            foreach (var coding in new[] { "identity", "gzip", "br" })
            {
                var client = ClientAccepting(site, coding);
                foreach (var (path, status) in new[] { ($"/unknown-{round}", HttpStatusCode.NotFound), ("/therapies/withdrawn-test-therapy", HttpStatusCode.Gone) })
                {
                    var response = await client.GetAsync(new Uri(path, UriKind.Relative));
                    Assert.Equal(status, response.StatusCode);
                    var bytes = await response.Content.ReadAsByteArrayAsync();
                    if (bodies.TryGetValue((coding, status), out var earlier))
                    {
                        Assert.Equal(earlier, bytes);
                    }
                    bodies[(coding, status)] = bytes;
                    var heading = new HtmlParser().ParseDocument(Decoded(bytes, coding)).QuerySelector("h1")?.TextContent.Trim();
                    Assert.Equal(status == HttpStatusCode.Gone ? "Page removed" : "Page not found", heading);
                }
            }
        }

        Assert.Equal(6, renders.Count);  // two statuses times three codings, the second round all prepared
    }

    [Theory]
    [InlineData("If-None-Match", "\"an-old-etag\"")]
    [InlineData("If-Modified-Since", "Tue, 01 Jan 2019 00:00:00 GMT")]
    public async Task AConditionalRequestForAMissingArticleGetsTheNotFoundPage(string header, string value)
    {
        // Conditional requests skip the output cache, so the article page renders into the conditional-GET middleware's
        // buffer alone, and the error page that follows must reach the client, not that buffer.
        await using var site = new TestContentFactory();
        var client = site.CreateClient();
        foreach (var round in new[] { 1, 2 })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, $"/therapies/no-such-article-{round}");
            request.Headers.TryAddWithoutValidation(header, value);

            var response = await client.SendAsync(request);

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("Page not found", new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()).QuerySelector("h1")?.TextContent.Trim());
        }
    }

    [Fact]
    public async Task HeadGetsTheHeadersOfTheNotFoundPageWithoutItsBody()
    {
        await using var site = new TestContentFactory();
        var client = site.CreateClient();
        var get = await client.GetAsync(new Uri("/no-such-page", UriKind.Relative));
        var length = (await get.Content.ReadAsByteArrayAsync()).Length;
        using var renders = ErrorPageRenders(site);

        foreach (var path in new[] { "/another-unknown-page", "/therapies/no-such-article" })
        {
            var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

            Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
            Assert.Equal(length, head.Content.Headers.ContentLength);
            Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        }
        Assert.Equal(0, renders.Count);
    }

    /// <summary>The not-found page reads nothing a save changes, so it outlives reloads; a page added at the path
    /// answers it instead.</summary>
    [Fact]
    public async Task TheNotFoundPageOutlivesAReloadAndAPageAddedAtThePathIsServed()
    {
        using var folder = new TempContentFolder().Write("therapies/first.md", SyntheticContent.LowRiskArticle);
        await using var site = new StackwiseFactory(folder.Root);
        var client = site.CreateClient();
        var missing = await client.GetAsync(new Uri("/therapies/second", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("/therapies/second", missing.Headers.GetValues("Surrogate-Key").Single().Split(' '));
        using var renders = ErrorPageRenders(site);

        folder.Write("therapies/second.md", SyntheticContent.LowRiskArticle);
        await site.Services.GetRequiredService<ContentStore>().ReloadAsync(CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/therapies/second", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/another-unknown-page", UriKind.Relative))).StatusCode);
        Assert.Equal(0, renders.Count);
    }

    [Fact]
    public async Task MethodsOtherThanGetAndHeadAndOtherStatusesAreLeftAsTheyWere()
    {
        await using var site = new TestContentFactory();
        var client = site.CreateClient();
        await client.GetAsync(new Uri("/no-such-page", UriKind.Relative));

        var post = await client.PostAsync(new Uri("/no-such-page", UriKind.Relative), new StringContent("x"));
        var tooLong = await client.GetAsync(new Uri("/search?q=" + new string('a', 5000), UriKind.Relative));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal("Request not understood", new HtmlParser().ParseDocument(await tooLong.Content.ReadAsStringAsync()).QuerySelector("h1")?.TextContent.Trim());
    }

    [Fact]
    public async Task DevelopmentRendersTheNotFoundPageOfEachPath()
    {
        await using var site = new StackwiseFactory(RepositoryPaths.TestContent, "Development");
        var client = site.CreateClient();
        await client.GetAsync(new Uri("/no-such-page", UriKind.Relative));
        using var renders = ErrorPageRenders(site);

        await client.GetAsync(new Uri("/no-such-page", UriKind.Relative));
        await client.GetAsync(new Uri("/another-unknown-page", UriKind.Relative));

        Assert.Equal(2, renders.Count);  // each may show the problems of the file behind its path
    }

    private static HttpClient ClientAccepting(StackwiseFactory site, string coding)
    {
        var client = site.CreateClient();
        client.DefaultRequestHeaders.AcceptEncoding.ParseAdd(coding);
        return client;
    }

    private static string Decoded(byte[] bytes, string coding)
    {
        using Stream input = coding switch
        {
            "gzip" => new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress),
            "br" => new BrotliStream(new MemoryStream(bytes), CompressionMode.Decompress),
            _ => new MemoryStream(bytes),
        };
        using var reader = new StreamReader(input);
        return reader.ReadToEnd();
    }

    /// <summary>Counts the error page's renders (MVC's "before action" event for the page), from now on.</summary>
    private static DiagnosticEvents ErrorPageRenders(StackwiseFactory site) => new(site, "Microsoft.AspNetCore.Mvc.BeforeAction",
        payload => payload is BeforeActionEventData { ActionDescriptor: CompiledPageActionDescriptor { ViewEnginePath: "/Errors/Error" } });
}
