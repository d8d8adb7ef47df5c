using System.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Stackwise.Web.Cards;
using Stackwise.Web.Content.Hosting;
using Stackwise.Web.Localization;
using Stackwise.Web.Seo;
using Stackwise.Web.Site;

namespace Stackwise.Web.Export;

/// <summary>
/// <c>export OUTDIR</c>: runs the site on a loopback port and saves what it serves as static files (every page as
/// <c>path/index.html</c>, the sitemap, robots.txt, feeds, assets and a <c>404.html</c>), so any static host or CDN
/// can serve Stackwise. Pages are fetched through HTTP, so the files are byte for byte what the server sends.
/// Search needs the server and is not exported.
/// </summary>
public static class SiteExport
{

    /// <summary>Exit code: every page was written.</summary>
    public const int Exported = 0;

    /// <summary>Exit code: a page did not answer 200; what was written is incomplete.</summary>
    public const int PageFailed = 1;

    /// <summary>Exit code: nothing was exported (the folder cannot be used, or the site cannot start).</summary>
    public const int CouldNotRun = 2;

    /// <param name="outputFolder">The folder to write into, as typed; relative to the current folder.</param>
    public static async Task<int> RunAsync(Func<WebApplication> buildSite, string outputFolder, TextWriter output, TextWriter error)
    {
        if (await UsableFolderAsync(outputFolder, error) is not { } folder)
        {
            return CouldNotRun;
        }

        var stopwatch = Stopwatch.StartNew();
        WebApplication app;
        try
        {
            app = buildSite();
            app.Urls.Clear();
            app.Urls.Add("http://127.0.0.1:0");
            await app.StartAsync();
        }
        catch (Exception e) when (StartFailure.Reason(e) is { } reason)
        {
            await error.WriteLineAsync($"error: the site cannot start: {reason}");
            return CouldNotRun;
        }
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.First()
                ?? throw new InvalidOperationException("The server reported no address.");
            using var client = new HttpClient { BaseAddress = new Uri(address) };
            // The export stands where a TLS-terminating proxy would (on loopback, so believed): no HTTPS redirect.
            client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
            var snapshot = app.Services.GetRequiredService<ContentStore>().Current;
            var entries = Sitemap.Entries.Get(snapshot);
            var parts = Sitemap.PartCount(entries.Count, app.Services.GetRequiredService<IOptions<SiteOptions>>().Value.SitemapUrlsPerFile);
            var sitemapParts = parts > 1
                ? Enumerable.Range(1, parts).Select(part => SiteRoutes.SitemapPart(part))
                : [];
            // Which pages have a card; the words on it are the server's to choose.
            var text = app.Services.GetRequiredService<IStringLocalizer<SiteText>>();
            var cards = entries.Select(entry => entry.Path).Where(path => ShareCards.For(snapshot, path, text) is not null).Select(SiteRoutes.Card);
            var paths = entries.Select(entry => entry.Path).Concat(cards).Concat(SiteRoutes.CrawlFiles).Concat(sitemapParts).Concat(StaticAssetPaths(app)).Distinct().ToList();

            foreach (var path in paths)
            {
                using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
                if (!response.IsSuccessStatusCode)
                {
                    await error.WriteLineAsync($"error: {path} answered {(int)response.StatusCode}; the export is incomplete.");
                    return PageFailed;
                }
                await WriteAsync(folder, FileFor(path), response);
            }
            using (var notFound = await client.GetAsync(new Uri("/stackwise-export-missing-page", UriKind.Relative)))
            {
                await WriteAsync(folder, "404.html", notFound);
            }
            CopyImages(app.Services.GetRequiredService<ContentStore>().Root, folder);

            await output.WriteLineAsync($"Exported {paths.Count + 1} files to {folder} in {stopwatch.ElapsedMilliseconds} ms.");
            return Exported;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>The full path of an empty or new folder that can be written to, or null after saying why not.</summary>
    private static async Task<string?> UsableFolderAsync(string outputFolder, TextWriter error)
    {
        if (string.IsNullOrWhiteSpace(outputFolder))
        {
            await error.WriteLineAsync("error: export needs a folder to write into; it was given an empty value.");
            return null;
        }
        var folder = Path.GetFullPath(outputFolder);
        string? problem;
        try
        {
            problem = File.Exists(folder) ? "is a file"
                : Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any() ? "is not empty"
                : null;
            if (problem is null)
            {
                // Created now, and a file written and removed: a folder that cannot take the export fails here, not halfway.
                Directory.CreateDirectory(folder);
                var probe = Path.Combine(folder, ".stackwise-export-probe");
                await File.WriteAllBytesAsync(probe, []);
                File.Delete(probe);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            problem = $"cannot be written to ({e.Message})";
        }
        if (problem is not null)
        {
            await error.WriteLineAsync($"error: {folder} {problem}; export writes into an empty or new folder it can write to.");
            return null;
        }
        return folder;
    }

    /// <summary>The file a path is saved as: <c>/</c> as <c>index.html</c>, <c>/terms</c> as <c>terms/index.html</c>,
    /// files as themselves.</summary>
    public static string FileFor(string path) =>
        path == "/" ? "index.html" : Path.HasExtension(path) ? path.TrimStart('/') : $"{path.TrimStart('/')}/index.html";

    /// <summary>Every static asset the app maps, fingerprinted names included (fixed routes that end in a file name).</summary>
    private static IEnumerable<string> StaticAssetPaths(WebApplication app) =>
        ((IEndpointRouteBuilder)app).DataSources
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.RoutePattern.Parameters.Count == 0 && endpoint.Metadata.GetMetadata<CacheableContent>() is null)
            .Select(endpoint => "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/'))
            .Where(path => Path.HasExtension(path));

    /// <summary>The editors' images from <c>content/images/</c>, hidden files and symbolic links left out, as the
    /// server serves them.</summary>
    private static void CopyImages(string contentRoot, string folder)
    {
        var images = Path.Combine(contentRoot, SiteRoutes.ImagesFolder);
        if (!Directory.Exists(images))
        {
            return;
        }
        foreach (var file in Directory.EnumerateFiles(images, "*", SearchOption.AllDirectories)
            .Where(file => !Path.GetRelativePath(images, file).Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.'))
                && !FileLinks.IsReachedThroughLink(images, file)))
        {
            var target = Path.Combine(folder, SiteRoutes.ImagesFolder, Path.GetRelativePath(images, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target) ?? folder);
            File.Copy(file, target);
        }
    }

    private static async Task WriteAsync(string folder, string file, HttpResponseMessage response)
    {
        var target = Path.Combine(folder, file);
        Directory.CreateDirectory(Path.GetDirectoryName(target) ?? folder);
        await using var stream = File.Create(target);
        await response.Content.CopyToAsync(stream);
    }
}
