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
            return response.Body.WriteAsync(body).AsTask();
        });
        await app.RunAsync();
    }

    private static List<(string Name, StringValues Value)> ReadHeaders(string[] lines) =>
        [.. lines.Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2)
            .Select(parts => (parts[0].Trim(), new StringValues(parts[1].Trim())))];
}
