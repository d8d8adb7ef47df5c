using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Stackwise.Web.Content.Hosting;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Seo;

/// <summary>Last-Modified moves whenever the bytes of a page change, so If-Modified-Since never gets a stale 304.</summary>
public sealed class LastModifiedTests : IAsyncLifetime, IAsyncDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 6, 30, 12, 0, 0, TimeSpan.Zero);
    private readonly TempContentFolder _folder = new TempContentFolder()
        .Write("therapies/corrected.md", SyntheticContent.LowRiskArticle.Replace("published: 2026-01-01", "published: 2026-01-01\nupdated: 2026-03-01", StringComparison.Ordinal));
    private readonly FakeTimeProvider _clock = new(Start);
    private StackwiseFactory? _site;

    private StackwiseFactory Site => _site ?? throw new InvalidOperationException("The site starts in InitializeAsync.");

    public Task InitializeAsync()
    {
        _site = new StackwiseFactory(_folder.Root) { Time = _clock };
        return Task.CompletedTask;
    }

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

    public async Task DisposeAsync()
    {
        if (_site is not null)
        {
            await _site.DisposeAsync();
            _site = null;
            _folder.Dispose();
        }
    }

    private async Task<HttpResponseMessage> GetAsync(string url, DateTimeOffset? ifModifiedSince = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfModifiedSince = ifModifiedSince;
        return await Site.CreateClient().SendAsync(request);
    }

    private async Task ReloadAsync() => await Site.Services.GetRequiredService<ContentStore>().ReloadAsync(CancellationToken.None);

    [Theory]
    [InlineData("/therapies/corrected")]
    [InlineData("/")]
    [InlineData("/categories/test")]
    [InlineData("/sitemap.xml")]
    [InlineData("/feed.xml")]
    [InlineData("/rss.xml")]
    public async Task LastModifiedIsWhenTheseBytesWereFirstSentAndIfModifiedSinceFromThenOnGets304(string url)
    {
        var first = await GetAsync(url);
        _clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(Start, first.Content.Headers.LastModified);
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(url, Start)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(url, Start.AddSeconds(-1))).StatusCode);
    }

    [Fact]
    public async Task BodyCorrectedWithoutANewUpdatedDateMovesLastModified()
    {
        var before = await GetAsync("/therapies/corrected");

        _clock.Advance(TimeSpan.FromHours(1));
        _folder.Write("therapies/corrected.md", SyntheticContent.LowRiskArticle
            .Replace("published: 2026-01-01", "published: 2026-01-01\nupdated: 2026-03-01", StringComparison.Ordinal)
            .Replace("Text.", "Corrected text.", StringComparison.Ordinal));
        await ReloadAsync();
        var after = await GetAsync("/therapies/corrected", before.Content.Headers.LastModified);

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Contains("Corrected text.", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(Start.AddHours(1), after.Content.Headers.LastModified);
    }

    [Fact]
    public async Task UnchangedBytesKeepTheirLastModifiedAcrossReloads()
    {
        var before = await GetAsync("/therapies/corrected");

        _clock.Advance(TimeSpan.FromHours(1));
        _folder.Write("pages/about.md", "---\ntitle: About\nsummary: Synthetic.\n---\nText.\n");
        await ReloadAsync();
        var after = await GetAsync("/therapies/corrected");

        Assert.Equal(before.Headers.ETag, after.Headers.ETag);
        Assert.Equal(Start, after.Content.Headers.LastModified);
    }
}
