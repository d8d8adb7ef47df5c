using System.Net;
using Stackwise.Web.Pages.ContentProblems;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Content;

/// <summary>
/// The Development preview follows each save: a refused save says so on the page it kept, pages reload themselves when
/// the content version changes, and the browser keeps no copy of a page. Production has none of it.
/// </summary>
public sealed class DevelopmentPreviewTests : WatchedSite
{
    protected override string Environment => "Development";

    private async Task<string> VersionAsync() => await Client.GetStringAsync(new Uri(LiveReload.VersionPath, UriKind.Relative));

    [Fact]
    public async Task ARefusedSaveShowsABannerWithTheProblemOnThePageItKept()
    {
        Folder.Write("therapies/first.md", Article("First Synthetic Therapy, Edited").Replace("risk: low", "risk: medium", StringComparison.Ordinal));
        await Factory.UntilAsync(async () => (await Client.GetPageAsync("/therapies/first")).Document.QuerySelector(".preview-banner--refused") is not null,
            "the banner shows");

        var (_, document) = await Client.GetPageAsync("/therapies/first");
        var banner = document.QuerySelector(".preview-banner--refused")!;
        Assert.Equal("First Synthetic Therapy", document.QuerySelector("h1")?.TextContent);
        Assert.Equal("alert", banner.GetAttribute("role"));
        Assert.Contains("Showing the last good version of content/therapies/first.md", banner.NormalizedText(), StringComparison.Ordinal);
        Assert.Contains("Line 4, column 7: field `risk` must be one of low, moderate, high (got `medium`) (SW027)", banner.NormalizedText(), StringComparison.Ordinal);
        Assert.Null((await Client.GetPageAsync("/terms")).Document.QuerySelector(".preview-banner--refused"));

        Folder.Write("therapies/first.md", Article("First Synthetic Therapy, Fixed"));
        await Factory.UntilAsync(async () => await TitleAsync("/therapies/first") == "First Synthetic Therapy, Fixed", "the fixed version is served");
        Assert.Null((await Client.GetPageAsync("/therapies/first")).Document.QuerySelector(".preview-banner--refused"));
    }

    [Fact]
    public async Task PagesLoadTheReloadScriptAndTheVersionItWatchesMovesWithASave()
    {
        var (page, document) = await Client.GetPageAsync("/therapies/first");
        var script = await Client.GetAsync(new Uri(LiveReload.ScriptPath, UriKind.Relative));
        var before = await VersionAsync();

        Folder.Write("therapies/first.md", Article("First Synthetic Therapy, Edited"));
        await Factory.UntilAsync(async () => await VersionAsync() != before, "the version moves");

        Assert.Equal(LiveReload.ScriptPath, document.QuerySelector("head script[src]")?.GetAttribute("src"));
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"fetch(\"{LiveReload.VersionPath}\"", await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(long.TryParse(before, System.Globalization.CultureInfo.InvariantCulture, out _), before);
        Assert.Equal("no-store", page.Headers.CacheControl?.ToString());
        Assert.Equal("First Synthetic Therapy, Edited", await TitleAsync("/therapies/first"));
    }

    [Theory]
    [InlineData("/therapies/first")]
    [InlineData("/")]
    [InlineData("/terms")]
    public async Task DevelopmentPagesAreNotKeptByTheBrowser(string url)
    {
        var response = await Client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, response.Headers.CacheControl?.ToString());
    }
}

/// <summary>Production has no reload script, no version endpoint, no refused-save banner, and pages browsers may keep.</summary>
public sealed class ProductionHasNoPreviewToolsTests : WatchedSite
{
    [Fact]
    public async Task NoScriptNoEndpointsAndCacheablePages()
    {
        var (page, document) = await Client.GetPageAsync("/therapies/first");

        Assert.Empty(document.QuerySelectorAll("script[src]"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(LiveReload.ScriptPath));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(LiveReload.VersionPath));
        Assert.Equal("public, max-age=60, s-maxage=300, stale-while-revalidate=600", page.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task ARefusedSaveKeepsTheLastGoodVersionWithoutABanner()
    {
        Folder.Write("therapies/first.md", Article("First Synthetic Therapy, Edited").Replace("risk: low", "risk: medium", StringComparison.Ordinal));
        await Factory.UntilAsync(() => Task.FromResult(Factory.Logs.Messages.Any(message => message.Contains("last good version kept online", StringComparison.Ordinal))),
            "the refused edit is logged");

        var (_, document) = await Client.GetPageAsync("/therapies/first");

        Assert.Equal("First Synthetic Therapy", document.QuerySelector("h1")?.TextContent);
        Assert.Null(document.QuerySelector(".preview-banner--refused"));
    }
}

/// <summary>The `production` launch profile runs a local Production-like preview: plain HTTP, no Development tools.</summary>
public sealed class ProductionLaunchProfileTests
{
    [Fact]
    public async Task TheProductionProfileServesOverPlainHttpWithoutDevelopmentTools()
    {
        var launch = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "src", "Stackwise.Web", "Properties", "launchSettings.json")))!;
        var profile = launch["profiles"]!["production"]!;
        var variables = profile["environmentVariables"]!.AsObject().ToDictionary(entry => entry.Key.Replace("__", ":", StringComparison.Ordinal), entry => (string)entry.Value!);
        // Production's own default (the test factory turns it off) unless the profile turns it off again.
        var settings = new Dictionary<string, string> { ["Site:RedirectToHttps"] = "true" };
        foreach (var (name, value) in variables.Where(variable => variable.Key.Contains(':', StringComparison.Ordinal)))
        {
            settings[name] = value;
        }
        await using var site = new StackwiseFactory(RepositoryPaths.Content, variables["ASPNETCORE_ENVIRONMENT"]) { Settings = settings };
        var client = site.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri(variables["Site:BaseUrl"]), AllowAutoRedirect = false });

        var (response, document) = await client.GetPageAsync("/therapies/ketamine-assisted-therapy");

        Assert.Equal("http://localhost:5034", profile["applicationUrl"]?.GetValue<string>());
        Assert.Equal("Production", site.EnvironmentName);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("http://localhost:5034/therapies/ketamine-assisted-therapy", document.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.Empty(document.QuerySelectorAll("script[src]"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/_content/problems", UriKind.Relative))).StatusCode);
    }
}
