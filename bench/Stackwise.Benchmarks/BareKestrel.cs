using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Stackwise.Benchmarks;

/// <summary>
/// The control for throughput runs: a bare Kestrel app that answers every request with the same bytes from memory,
/// with a Content-Length and nothing else. Stackwise's figure divided by this one is the cost of our own pipeline on
/// the host in hand, whatever the host.
/// </summary>
public static class BareKestrel
{
    public static async Task RunAsync(string file, int port)
    {
        var body = await File.ReadAllBytesAsync(file);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, port));
        var app = builder.Build();
        app.Run(context =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.ContentLength = body.Length;
            return context.Response.Body.WriteAsync(body).AsTask();
        });
        await app.RunAsync();
    }
}
