using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Stackwise.Web.Tests.Support;

/// <summary>
/// A stand-in for a CDN's purge endpoint on 127.0.0.1 (a free port): records each <c>PURGE</c> with its keys, and answers
/// the first <see cref="FailFirst"/> with 503.
/// </summary>
public sealed class FakeCdn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _failuresLeft;

    private FakeCdn(WebApplication app, int failFirst)
    {
        _app = app;
        _failuresLeft = failFirst;
    }

    public int FailFirst { get; private init; }

    /// <summary>The keys of every purge that was answered 200, in order.</summary>
    public ConcurrentQueue<string[]> Purged { get; } = new();

    /// <summary>Every purge request, answered 200 or not.</summary>
    public int Requests => Volatile.Read(ref _requests);

    private int _requests;

    public string Url => _app.Urls.Single() + "/";

    public static async Task<FakeCdn> StartAsync(int failFirst = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var cdn = new FakeCdn(app, failFirst) { FailFirst = failFirst };
        app.Run(context =>
        {
            Interlocked.Increment(ref cdn._requests);
            if (context.Request.Method != "PURGE")
            {
                context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                return Task.CompletedTask;
            }
            if (Interlocked.Decrement(ref cdn._failuresLeft) >= 0)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return Task.CompletedTask;
            }
            cdn.Purged.Enqueue(context.Request.Headers["xkey-purge"].ToString().Split(' '));
            return Task.CompletedTask;
        });
        await app.StartAsync();
        return cdn;
    }

    /// <summary>Waits (at most 10 s) until <paramref name="condition"/> holds of what was purged.</summary>
    public async Task UntilAsync(Func<IReadOnlyList<string[]>, bool> condition, string what)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition([.. Purged]))
        {
            try
            {
                await Task.Delay(10, timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"after 10 s: {what}; purged: {string.Join(" | ", Purged.Select(keys => string.Join(' ', keys)))}");
            }
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
