using AngleSharp.Html.Parser;
using Stackwise.Web.Export;
using Stackwise.Web.Tests.Site;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Export;

/// <summary>The static export, run as a process: every page, feed and asset is written and no link is broken.</summary>
public sealed class SiteExportTests : IDisposable
{
    private readonly string _output = Path.Combine(Path.GetTempPath(), "stackwise-tests", $"export-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }

    private Task<(int ExitCode, string Output)> ExportAsync() => ExportAsync(_output);

    private static async Task<(int ExitCode, string Output)> ExportAsync(string folder, string baseUrl = StackwiseFactory.BaseUrl, string? content = null)
    {
        var (exitCode, output, error) = await AppProcess.RunAsync(["export", folder], new Dictionary<string, string>
        {
            ["Content__Root"] = content ?? RepositoryPaths.TestContent,
            ["Content__Watch"] = "false",
            ["Site__BaseUrl"] = baseUrl,
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        });
        return (exitCode, output + error);
    }

    [Fact]
    public async Task ExportWritesEveryPageAsIndexHtmlWithNoBrokenLink()
    {
        var (exitCode, output) = await ExportAsync();

        Assert.True(exitCode == 0, output);
        foreach (var file in new[] { "index.html", "therapies/alpha-test-therapy/index.html", "terms/index.html", "categories/test-category-a/index.html",
            "risk/moderate/index.html", "sitemap.xml", "robots.txt", "feed.xml", "rss.xml", "404.html", "images/synthetic-diagram.svg",
            "cards.png", "cards/therapies/alpha-test-therapy.png", "cards/terms.png", "cards/categories/test-category-a.png", "cards/risk/moderate.png" })
        {
            Assert.True(File.Exists(Path.Combine(_output, file)), $"{file} was not exported");
        }

        Assert.Empty(BrokenLinks());
        var cardLinks = CardLinks();
        Assert.NotEmpty(cardLinks);
        Assert.All(cardLinks, card => Assert.True(File.Exists(Path.Combine(_output, SiteExport.FileFor(card))), $"{card} was not exported"));
    }

    [Fact]
    public async Task ExportWritesPagesNamedInEveryScriptAtTheirOwnPaths()
    {
        using var content = AnyScriptTests.WriteFolder(new TempContentFolder());

        var (exitCode, output) = await ExportAsync(_output, content: content.Root);

        Assert.True(exitCode == 0, output);
        foreach (var script in AnyScriptTests.All)
        {
            // Where a web server looks for the decoded path: the script's own letters in the folder and file names.
            var url = AnyScriptTests.UrlOf(script);
            Assert.True(File.Exists(Path.Combine(_output, url.TrimStart('/'), "index.html")), $"{url} was not exported");
            Assert.True(File.Exists(Path.Combine(_output, "cards", url.TrimStart('/') + ".png")), $"the card of {url} was not exported");
        }
        Assert.Empty(BrokenLinks());
        Assert.All(CardLinks(), card => Assert.True(File.Exists(Path.Combine(_output, SiteExport.FileFor(card))), $"{card} was not exported"));
    }

    /// <summary>Every site link of every exported page whose file is not in the export (each as page -> target).</summary>
    private List<string> BrokenLinks()
    {
        var parser = new HtmlParser();
        var broken = new List<string>();
        foreach (var page in Directory.EnumerateFiles(_output, "*.html", SearchOption.AllDirectories))
        {
            var document = parser.ParseDocument(File.ReadAllText(page));
            var targets = document.QuerySelectorAll("a[href], link[href], img[src]").Select(element => element.GetAttribute("href") ?? element.GetAttribute("src") ?? "")
                .Where(href => href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal))
                .Select(href => href.Split('#')[0].Split('?')[0])
                .Where(href => href.Length > 0 && href != "/search");
            broken.AddRange(targets.Where(target => !File.Exists(Path.Combine(_output, SiteExport.FileFor(target))))
                .Select(target => $"{Path.GetRelativePath(_output, page)} -> {target}"));
        }
        return broken;
    }

    /// <summary>The site paths of the share cards the exported pages name (a URI's escapes undone, as a web server does).</summary>
    private List<string> CardLinks() => [.. Directory.EnumerateFiles(_output, "*.html", SearchOption.AllDirectories)
        .SelectMany(page => new HtmlParser().ParseDocument(File.ReadAllText(page)).QuerySelectorAll("meta[property='og:image']"))
        .Select(meta => Uri.UnescapeDataString((meta.GetAttribute("content") ?? "")[StackwiseFactory.BaseUrl.Length..])).Distinct()];

    [Fact]
    public async Task ExportRefusesAFolderThatIsNotEmpty()
    {
        Directory.CreateDirectory(_output);
        await File.WriteAllTextAsync(Path.Combine(_output, "keep.txt"), "synthetic");

        var (exitCode, output) = await ExportAsync();

        Assert.Equal(2, exitCode);
        Assert.Contains("is not empty", output, StringComparison.Ordinal);
        Assert.Equal("synthetic", await File.ReadAllTextAsync(Path.Combine(_output, "keep.txt")));
    }

    public static TheoryData<string, string> UnusableFolders => new()
    {
        { "", "error: export needs a folder to write into; it was given an empty value." },
        { " ", "error: export needs a folder to write into; it was given an empty value." },
        { "/proc/stackwise-export", "cannot be written to" },
        { "/proc/version", "is a file" },
        { "/dev/null", "is a file" },
    };

    [Theory]
    [MemberData(nameof(UnusableFolders))]
    public async Task ExportRefusesAFolderItCannotUseInOneLineAndExitsTwo(string folder, string message)
    {
        var (exitCode, output) = await ExportAsync(folder);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(message, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportOfAFileThatExistsLeavesItAlone()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_output)!);
        await File.WriteAllTextAsync(_output, "synthetic");

        var (exitCode, output) = await ExportAsync();

        Assert.Equal(2, exitCode);
        Assert.Contains("is a file", output, StringComparison.Ordinal);
        Assert.Equal("synthetic", await File.ReadAllTextAsync(_output));
        File.Delete(_output);
    }

    [Fact]
    public async Task ExportWithoutABaseUrlSaysTheSiteCannotStart()
    {
        var (exitCode, output) = await ExportAsync(_output, baseUrl: "");

        Assert.Equal(2, exitCode);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: the site cannot start: ", line, StringComparison.Ordinal);
        Assert.Contains("Site:BaseUrl", line, StringComparison.Ordinal);
    }
}
