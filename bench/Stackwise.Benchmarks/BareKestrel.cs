using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace Stackwise.Benchmarks;

/// <summary>
/// The control for throughput runs: a bare Kestrel app that answers every request with the same bytes from memory,
/// with a Content-Length and, when given a file of <c>Name: value</c> lines (the headers Stackwise sent for the page), the
/// same headers, and nothing else. Stackwise's figure divided by this one is the cost of our own pipeline on the host in
/// hand, whatever the host, and not the cost of the response itself.
/// </summary>
public static class BareKestrel
{
    public static async Task RunAsync(string file, int port, string? headersFile)
    {
        var body = await File.ReadAllBytesAsync(file);
        var headers = headersFile is null ? [] : ReadHeaders(await File.ReadAllLinesAsync(headersFile));
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(System.Net.IPAddress.Loopback, port);
        });
        var app = builder.Build();
        app.Run(context =>
        {
            var response = context.Response;
            response.ContentType = "text/html; charset=utf-8";
            foreach (var (name, value) in headers)
            {
                response.Headers[name] = value;
            }
            response.ContentLength = body.Length;
            return WriteAsync(response.Body, body);
        });
        await app.RunAsync();
    }

    /// <summary>
    /// A body up to Kestrel's response buffer (64 KB) in one write; a larger one in slices of that size, each awaited.
    /// Kestrel copies a write whole into its buffers before waiting for the client, so the 1.3 MB sitemap written at
    /// once runs slower than in slices (0.6-0.7 x nginx in one write, 0.8-0.9 in slices; "Large bodies in 64 KB slices"
    /// in docs/performance.md): the control is Kestrel at its best, not at its worst.
    /// </summary>
    private static async Task WriteAsync(Stream stream, byte[] body)
    {
        const int slice = 64 * 1024;
        for (var offset = 0; offset < body.Length; offset += slice)
        {
            await stream.WriteAsync(body.AsMemory(offset, Math.Min(slice, body.Length - offset)));
        }
    }

    private static List<(string Name, StringValues Value)> ReadHeaders(string[] lines) =>
        [.. lines.Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2)
            .Select(parts => (parts[0].Trim(), new StringValues(parts[1].Trim())))];
}
