using System.Net;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Stackwise.Web.Hardening;
using Stackwise.Web.Site;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Preview;

/// <summary>
/// Signed preview links on the Production site: a valid link shows a draft or scheduled article to whoever has it, marked
/// and never stored or listed; every other token (wrong, expired, truncated, tampered, another page's, an old key's, or
/// any when previews are off) answers exactly what an unknown address answers, and guessing is rate limited.
/// </summary>
public sealed class PreviewLinkTests : FolderTest
{
    private const string Key = "synthetic-preview-key-of-at-least-32-characters";
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    public PreviewLinkTests() => Folder
        .Write("therapies/draft.md", Article("Synthetic Draft Therapy", "published: 2026-01-01\ndraft: true"))
        .Write("therapies/scheduled.md", Article("Synthetic Scheduled Therapy", "published: 2027-03-01"))
        .Write("therapies/public.md", Article("Synthetic Public Therapy", "published: 2026-01-01"))
        .Write("pages/draft-page.md", "---\ntitle: Synthetic Draft Page\nsummary: Synthetic.\ndraft: true\n---\nText.\n")
        .Write("people/writer.md", "---\nname: Synthetic Writer\n---\nSynthetic.\n");

    private static string Article(string title, string dates) =>
        $"---\ntitle: {title}\ncategory: Test\nrisk: low\nsummary: Synthetic.\n{dates}\ntags: [synthetic]\nauthor: writer\n---\nSynthetic text.\n";

    private StackwiseFactory Site(string key = Key) =>
        new(Folder.Root) { Time = new FixedTimeProvider(Now), Settings = new Dictionary<string, string> { ["Site:PreviewKey"] = key } };

    private static string Link(string url, DateTimeOffset? expires = null, string key = Key) =>
        SiteRoutes.Preview(PreviewTokens.Create(url, expires ?? Now.AddDays(PreviewTokens.DefaultDays), key));

    [Theory]
    [InlineData("/therapies/draft", "Synthetic Draft Therapy", "Draft.")]
    [InlineData("/therapies/scheduled", "Synthetic Scheduled Therapy", "Scheduled.")]
    public async Task AValidLinkShowsTheUnpublishedArticleMarkedAndNeverStored(string url, string title, string banner)
    {
        await using var site = Site();
        var client = site.CreateClient();

        var (response, document) = await client.GetPageAsync(Link(url));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(title, document.QuerySelector("h1")?.TextContent);
        Assert.StartsWith(banner, document.QuerySelector(".preview-banner")?.NormalizedText(), StringComparison.Ordinal);
        Assert.Contains("preview link", document.QuerySelector(".preview-banner")?.NormalizedText(), StringComparison.Ordinal);
        Assert.DoesNotContain("Development", document.QuerySelector(".preview-banner")?.NormalizedText(), StringComparison.Ordinal);
        Assert.Equal("noindex", document.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
        Assert.Null(document.QuerySelector("link[rel=canonical]"));
        Assert.True(response.Headers.CacheControl is { Private: true, NoStore: true, MaxAge: null, SharedMaxAge: null }, response.Headers.CacheControl?.ToString());
        Assert.Equal(["noindex"], response.Headers.GetValues("X-Robots-Tag"));
        Assert.Null(response.Headers.ETag);
        Assert.Null(response.Content.Headers.LastModified);
        Assert.False(response.Headers.Contains("Surrogate-Key"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task APreviewedArticleStaysOutOfEveryListFeedSitemapSearchAndCard()
    {
        await using var site = Site();
        var client = site.CreateClient();
        await client.GetPageAsync(Link("/therapies/draft"));

        foreach (var listing in new[] { "/", "/categories/test", "/risk/low", "/sitemap.xml", "/feed.xml", "/rss.xml", "/search?q=synthetic", "/people/writer" })
        {
            var body = await client.GetStringAsync(new Uri(listing, UriKind.Relative));
            Assert.Contains("/therapies/public", body, StringComparison.Ordinal);
            Assert.DoesNotContain("/therapies/draft", body, StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/cards/therapies/draft.png", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task ALinkToAnArticlePublishedSinceGoesToItsPage()
    {
        await using var site = Site();

        var response = await site.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(new Uri(Link("/therapies/public"), UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/therapies/public", response.Headers.Location?.OriginalString);
    }

    public static TheoryData<string, string> RefusedLinks()
    {
        var valid = PreviewTokens.Create("/therapies/draft", Now.AddDays(7), Key);
        var (payload, signature) = (valid.Split('.')[0], valid.Split('.')[1]);
        var otherPayload = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes($"1|/therapies/scheduled|{Now.AddDays(7).ToUnixTimeSeconds()}"));
        var laterPayload = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes($"1|/therapies/draft|{Now.AddDays(700).ToUnixTimeSeconds()}"));
        var flipped = signature[..^2] + (signature[^2] == 'A' ? 'B' : 'A') + signature[^1];
        return new()
        {
            { "a wrong signature", SiteRoutes.Preview($"{payload}.{flipped}") },
            { "an expired link", Link("/therapies/draft", Now.AddSeconds(-1)) },
            { "a link expiring this second", Link("/therapies/draft", Now) },
            { "a truncated signature", SiteRoutes.Preview(valid[..^3]) },
            { "no signature", SiteRoutes.Preview(payload) },
            { "an empty signature", SiteRoutes.Preview(payload + ".") },
            { "a signature on its own", SiteRoutes.Preview("." + signature) },
            { "another page in the payload", SiteRoutes.Preview($"{otherPayload}.{signature}") },
            { "a later expiry in the payload", SiteRoutes.Preview($"{laterPayload}.{signature}") },
            { "three parts", SiteRoutes.Preview($"{valid}.{signature}") },
            { "not base64", SiteRoutes.Preview("***.~~~") },
            { "a very long token", SiteRoutes.Preview(new string('a', 5000) + "." + signature) },
            { "a key from before a rotation", Link("/therapies/draft", key: "an-older-synthetic-key-of-32-characters-or-more") },
            { "a valid link to a site page", Link("/draft-page") },
            { "a valid link to a person", Link("/people/writer") },
            { "a valid link to no page", Link("/therapies/missing") },
            { "a valid link to a path outside the content", Link("/../secret") },
        };
    }

    /// <summary>
    /// Status, headers but Date, and body of an answer, to compare two answers as a client sees them. A 404's
    /// Surrogate-Key names its own path (so a purge of that path reaches it): that key is left out.
    /// </summary>
    private static async Task<string> AnswerAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var headers = response.Headers.Concat(response.Content.Headers).Where(header => header.Key is not "Date")
            .OrderBy(header => header.Key, StringComparer.Ordinal)
            .Select(header => $"{header.Key}: {(header.Key == "Surrogate-Key" ? OtherKeys(header.Value.Single(), url) : string.Join(", ", header.Value))}");
        return $"{(int)response.StatusCode}\n{string.Join("\n", headers)}\n\n{await response.Content.ReadAsStringAsync()}";
    }

    private static string OtherKeys(string keys, string path) =>
        string.Join(' ', keys.Split(' ').Where(key => !key.Equals(path, StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(RefusedLinks))]
    public async Task EveryOtherTokenAnswersWhatAnUnknownAddressAnswers(string what, string link)
    {
        await using var site = Site();
        var client = site.CreateClient();

        var unknown = await AnswerAsync(client, "/therapies/no-such-article");
        var answer = await AnswerAsync(client, link);

        Assert.StartsWith("404\n", unknown, StringComparison.Ordinal);
        Assert.True(unknown == answer, $"{what}:\n{answer}\nan unknown address:\n{unknown}");
    }

    [Fact]
    public async Task WithoutAKeyEveryLinkIsAnUnknownAddress()
    {
        await using var site = Site(key: "");
        var client = site.CreateClient();

        Assert.Equal(await AnswerAsync(client, "/therapies/no-such-article"), await AnswerAsync(client, Link("/therapies/draft", key: "")));
        Assert.Equal(await AnswerAsync(client, "/therapies/no-such-article"), await AnswerAsync(client, Link("/therapies/draft")));
    }

    [Fact]
    public async Task GuessingIsRateLimitedPerClient()
    {
        await using var site = Site();
        var client = site.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= HardeningServices.PreviewsPerMinute; i++)
        {
            statuses.Add((await client.GetAsync(new Uri(SiteRoutes.Preview($"guess{i}.x"), UriKind.Relative))).StatusCode);
        }
        var limited = await client.GetAsync(new Uri(Link("/therapies/draft"), UriKind.Relative));

        Assert.All(statuses.Take(HardeningServices.PreviewsPerMinute), status => Assert.Equal(HttpStatusCode.NotFound, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/therapies/public", UriKind.Relative))).StatusCode);
    }
}
