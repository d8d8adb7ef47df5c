using System.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Stackwise.Web.Cards;
using Stackwise.Web.Content.Hosting;
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

    public static async Task<int> RunAsync(WebApplication app, string outputFolder, TextWriter output, TextWriter error)
    {
        var folder = Path.GetFullPath(outputFolder);
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            await error.WriteLineAsync($"error: {folder} is not empty; export writes into an empty or new folder.");
            return 2;
        }

        var stopwatch = Stopwatch.StartNew();
        app.Urls.Clear();
        app.Urls.Add("http://127.0.0.1:0");
        await app.StartAsync();
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.First()
                ?? throw new InvalidOperationException("The server reported no address.");
            using var client = new HttpClient { BaseAddress = new Uri(address) };
            // The export stands where a TLS-terminating proxy would (on loopback, so believed): no HTTPS redirect.
            client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
            var snapshot = app.Services.GetRequiredService<ContentStore>().Current;
            var entries = snapshot.Derived(Sitemap.Entries);
            var parts = Sitemap.PartCount(entries.Count, app.Services.GetRequiredService<IOptions<SiteOptions>>().Value.SitemapUrlsPerFile);
            var sitemapParts = parts > 1
                ? Enumerable.Range(1, parts).Select(part => SiteRoutes.SitemapPart(part))
                : [];
            var cards = entries.Select(entry => entry.Path).Where(path => ShareCards.For(snapshot, path) is not null).Select(SiteRoutes.Card);
            var paths = entries.Select(entry => entry.Path).Concat(cards).Concat(SiteRoutes.CrawlFiles).Concat(sitemapParts).Concat(StaticAssetPaths(app)).Distinct().ToList();

            foreach (var path in paths)
            {
                using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
                if (!response.IsSuccessStatusCode)
                {
                    await error.WriteLineAsync($"error: {path} answered {(int)response.StatusCode}; the export is incomplete.");
                    return 1;
                }
                await WriteAsync(folder, FileFor(path), response);
            }
            using (var notFound = await client.GetAsync(new Uri("/stackwise-export-missing-page", UriKind.Relative)))
            {
                await WriteAsync(folder, "404.html", notFound);
            }
            CopyImages(app.Services.GetRequiredService<ContentStore>().Root, folder);

            await output.WriteLineAsync($"Exported {paths.Count + 1} files to {folder} in {stopwatch.ElapsedMilliseconds} ms.");
            return 0;
        }
        finally
        {
            await app.StopAsync();
        }
    }

    /// <summary>The file a path is saved as: <c>/</c> as <c>index.html</c>, <c>/terms</c> as <c>terms/index.html</c>, files as themselves.</summary>
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

    /// <summary>The editors' images from <c>content/images/</c>, hidden files and symbolic links left out, as the server serves them.</summary>
    private static void CopyImages(string contentRoot, string folder)
    {
        var images = Path.Combine(contentRoot, SiteRoutes.ImagesFolder);
        if (!Directory.Exists(images))
        {
            return;
        }
        foreach (var file in Directory.EnumerateFiles(images, "*", SearchOption.AllDirectories)
            .Where(file => !Path.GetRelativePath(images, file).Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.'))
                && !NoLinksFileProvider.IsReachedThroughLink(images, file)))
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
