using System.Net;
using System.Net.Http.Headers;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Seo;

/// <summary>
/// Every precondition of RFC 9110 on every kind of response, on the first request of a path (rendered) and on a later one
/// (prepared): If-Match and If-Unmodified-Since answer 412 when they fail, and an If-Modified-Since later than the
/// server's clock is ignored.
/// </summary>
public sealed class PreconditionTests
{
    public static TheoryData<string, string, HttpStatusCode> Cases()
    {
        var data = new TheoryData<string, string, HttpStatusCode>();
        foreach (var url in new[] { "/therapies/alpha-test-therapy", "/", "/sitemap.xml", "/feed.xml" })
        {
            data.Add(url, "If-Match: this", HttpStatusCode.OK);
            data.Add(url, "If-Match: *", HttpStatusCode.OK);
            data.Add(url, "If-Match: other", HttpStatusCode.PreconditionFailed);
            data.Add(url, "If-Match: weak this", HttpStatusCode.PreconditionFailed);
            data.Add(url, "If-Match: other, this", HttpStatusCode.OK);
            data.Add(url, "If-Unmodified-Since: a day before", HttpStatusCode.PreconditionFailed);
            data.Add(url, "If-Unmodified-Since: last modified", HttpStatusCode.OK);
            data.Add(url, "If-Match: this; If-Unmodified-Since: a day before", HttpStatusCode.OK);
            data.Add(url, "If-Match: other; If-None-Match: this", HttpStatusCode.PreconditionFailed);
            data.Add(url, "If-Modified-Since: last modified", HttpStatusCode.NotModified);
            data.Add(url, "If-Modified-Since: a day from now", HttpStatusCode.OK);
            data.Add(url, "If-Modified-Since: a year from now", HttpStatusCode.OK);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EachPreconditionGetsItsStatusOnRenderedAndPreparedResponses(string url, string condition, HttpStatusCode expected)
    {
        await using var factory = new StackwiseFactory(RepositoryPaths.TestContent);
        var client = factory.CreateClient();
        // A HEAD learns the response's tag and date; only a GET is kept as a prepared response, so the first GET is rendered.
        using var head = new HttpRequestMessage(HttpMethod.Head, url);
        var plain = await client.SendAsync(head);

        foreach (var round in new[] { "rendered", "prepared" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            Add(request.Headers, condition, plain);

            var response = await client.SendAsync(request);

            Assert.True(expected == response.StatusCode, $"{round}: {condition} gave {(int)response.StatusCode}, not {(int)expected}");
            if (expected != HttpStatusCode.OK)
            {
                Assert.Empty(await response.Content.ReadAsByteArrayAsync());
            }
        }
    }

    private static void Add(HttpRequestHeaders headers, string condition, HttpResponseMessage plain)
    {
        var tag = plain.Headers.ETag ?? throw new InvalidOperationException("no ETag");
        var lastModified = plain.Content.Headers.LastModified ?? throw new InvalidOperationException("no Last-Modified");
        foreach (var part in condition.Split("; "))
        {
            var (name, value) = (part[..part.IndexOf(':', StringComparison.Ordinal)], part[(part.IndexOf(':', StringComparison.Ordinal) + 2)..]);
            if (name == "If-Match" || name == "If-None-Match")
            {
                var tags = headers.GetType().GetProperty(name.Replace("-", "", StringComparison.Ordinal))?.GetValue(headers) as HttpHeaderValueCollection<EntityTagHeaderValue>
                    ?? throw new InvalidOperationException(name);
                foreach (var named in value.Split(", "))
                {
                    tags.Add(named switch
                    {
                        "this" => tag,
                        "weak this" => new EntityTagHeaderValue(tag.Tag, isWeak: true),
                        "*" => EntityTagHeaderValue.Any,
                        _ => new EntityTagHeaderValue("\"something-else\""),
                    });
                }
                continue;
            }
            var date = value switch
            {
                "a day before" => lastModified.AddDays(-1),
                "last modified" => lastModified,
                "a day from now" => DateTimeOffset.UtcNow.AddDays(1),
                _ => DateTimeOffset.UtcNow.AddYears(1),
            };
            if (name == "If-Modified-Since")
            {
                headers.IfModifiedSince = date;
            }
            else
            {
                headers.IfUnmodifiedSince = date;
            }
        }
    }
}
