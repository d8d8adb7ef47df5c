using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Site;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Site;

/// <summary>
/// <see cref="SiteRoutes"/> is the one list of the site's URL shapes: the endpoints the app really maps are exactly its
/// templates plus static files under its static segments, and no content folder or page can take a first segment of them.
/// </summary>
public sealed class SiteRoutesTests
{
    /// <summary>The static-file fallback of the framework: it serves a file of wwwroot when one exists, else falls
    /// through to 404.</summary>
    private const string StaticFileFallback = "{**path:file}";

    [Fact]
    public async Task EveryMappedEndpointIsASiteRouteOrAStaticFileUnderAReservedSegment()
    {
        var patterns = await MappedPatternsAsync();
        // Each route may also be mapped in the other languages' parts of the site (/{language}/...).
        string[] templates = [.. SiteRoutes.SiteTemplates.Concat(SiteRoutes.ContentTemplates).SelectMany(template => new[] { template, SiteRoutes.InLanguage(template) }).Select(Trim)];

        var unknown = patterns
            .Where(pattern => !templates.Contains(pattern) && pattern != StaticFileFallback)
            .Where(pattern => pattern.Contains('{', StringComparison.Ordinal) || !SiteRoutes.StaticSegments.Contains(SiteRoutes.FirstSegment(pattern)))
            .ToList();

        Assert.Contains(patterns, pattern => pattern.StartsWith("css/site.", StringComparison.Ordinal));
        Assert.True(unknown.Count == 0, "Endpoints mapped outside SiteRoutes (add them there, so content cannot shadow them): " + string.Join(", ", unknown));
    }

    [Fact]
    public async Task EverySiteRouteIsMapped()
    {
        var patterns = await MappedPatternsAsync();

        var unmapped = SiteRoutes.SiteTemplates.Concat(SiteRoutes.ContentTemplates).Select(Trim).Where(template => !patterns.Contains(template)).ToList();

        Assert.True(unmapped.Count == 0, "Routes in SiteRoutes that no endpoint maps: " + string.Join(", ", unmapped));
    }

    public static TheoryData<string> ReservedSegments => [.. SiteRoutes.ReservedSegments];

    [Theory]
    [MemberData(nameof(ReservedSegments))]
    public void NoContentFolderOrPageCanTakeAReservedSegment(string segment)
    {
        // content/people/ is the folder of writers and reviewers, served at /people/{slug} by the site's own route.
        foreach (var file in segment == ContentPath.PeopleFolder ? [$"pages/{segment}.md"] : new[] { $"{segment}/some-article.md", $"pages/{segment}.md" })
        {
            var parsed = ContentPath.TryParse(file, out _, out var problem);

            Assert.False(parsed, $"{file} would be served under /{segment}");
            // A segment that is not a valid slug (`_content`) is refused as a name before it could be reserved.
            Assert.Equal(ContentPath.IsValidSlug(segment) ? ProblemCodes.ReservedName : ProblemCodes.BadSlug, problem?.Code);
        }
    }

    [Fact]
    public void ReservedSegmentsAreReadOffTheTemplates()
    {
        Assert.Equal(
            ["_content", "cards", "categories", "css", "error", "favicon", "feed", "healthz", "images", "people", "readyz", "risk", "robots", "rss", "search", "sitemap", "sitemaps"],
            SiteRoutes.ReservedSegments.Order(StringComparer.Ordinal));
    }

    private static string Trim(string template) => template.TrimStart('/');

    private static async Task<List<string>> MappedPatternsAsync()
    {
        await using var site = new TestContentFactory();
        site.CreateClient();
        return [.. site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(endpoint => Trim(endpoint.RoutePattern.RawText ?? ""))
            .Distinct()];
    }
}
