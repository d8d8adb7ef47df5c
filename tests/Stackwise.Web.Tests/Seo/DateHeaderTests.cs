using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Stackwise.Web.Content.Hosting;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Seo;

/// <summary>
/// A content response says when its bytes were first sent (Last-Modified) and when it was sent (Date) from one clock, so
/// it is never last modified after it was sent (RFC 9110, 8.8.2.1): first render, prepared repeat and 304, in every coding,
/// behind real Kestrel, whose own Date is the time of its last once-a-second tick.
/// </summary>
public sealed class DateHeaderTests : IDisposable
{
    // An hour ahead of Kestrel's clock: a Date that Kestrel wrote instead of the site would be an hour before Last-Modified.
    private readonly FixedTimeProvider _clock = new(DateTimeOffset.UtcNow.AddHours(1));
    private readonly KestrelSite _site;
    private readonly HttpClient _client;

    public DateHeaderTests()
    {
        _site = new KestrelSite(_clock);
        _client = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{_site.Port}"),
        };
    }

    public void Dispose()
    {
        _client.Dispose();
        _site.Dispose();
    }

    public static TheoryData<string> Pages =>
    [
        "/therapies/alpha-test-therapy", "/", "/categories/test-category-a", "/sitemap.xml", "/feed.xml", "/rss.xml", "/about",
    ];

    private async Task<HttpResponseMessage> GetAsync(string path, string? coding, EntityTagHeaderValue? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = "localhost";
        if (coding is not null)
        {
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(coding));
        }
        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.Add(ifNoneMatch);
        }
        return await _client.SendAsync(request);
    }

    private DateTimeOffset Now => DateTimeOffset.FromUnixTimeSeconds(_clock.Now.ToUnixTimeSeconds());

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task NoResponseIsLastModifiedAfterItsDate(string path)
    {
        foreach (var coding in new[] { null, "gzip", "br" })
        {
            var first = await GetAsync(path, coding);
            var repeat = await GetAsync(path, coding);
            var notModified = await GetAsync(path, coding, first.Headers.ETag);
            _clock.Now += TimeSpan.FromMinutes(5);
            var later = await GetAsync(path, coding);

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.NotModified, HttpStatusCode.OK],
                [first.StatusCode, repeat.StatusCode, notModified.StatusCode, later.StatusCode]);
            foreach (var response in new[] { first, repeat, notModified, later })
            {
                var lastModified = response.Content.Headers.LastModified;
                Assert.NotNull(lastModified);
                Assert.NotNull(response.Headers.Date);
                Assert.True(lastModified <= response.Headers.Date,
                    $"{path} ({coding ?? "identity"}, {response.StatusCode}): Last-Modified {lastModified:R} is after Date {response.Headers.Date:R}");
            }
            Assert.Equal(Now, later.Headers.Date);
            Assert.Equal(first.Content.Headers.LastModified, later.Content.Headers.LastModified);
        }
    }

    [Fact]
    public async Task AClockSetBackDatesAPreparedResponseNoEarlierThanItsLastModified()
    {
        var first = await GetAsync("/therapies/alpha-test-therapy", "br");
        _clock.Now -= TimeSpan.FromHours(1);
        var repeat = await GetAsync("/therapies/alpha-test-therapy", "br");

        Assert.Equal(first.Content.Headers.LastModified, repeat.Content.Headers.LastModified);
        Assert.Equal(repeat.Content.Headers.LastModified, repeat.Headers.Date);
    }

    [Fact]
    public async Task AClockSetBackDatesARenderOfTheSameBytesNoEarlierThanItsLastModified()
    {
        // The home page is rendered again for a new snapshot; its bytes are the same, so it keeps its first Last-Modified.
        var first = await GetAsync("/", "br");
        _clock.Now -= TimeSpan.FromHours(1);
        await _site.Services.GetRequiredService<ContentStore>().ReloadAsync(CancellationToken.None);
        var rendered = await GetAsync("/", "br");

        Assert.Equal(first.Content.Headers.LastModified, rendered.Content.Headers.LastModified);
        Assert.Equal(rendered.Content.Headers.LastModified, rendered.Headers.Date);
    }
}
