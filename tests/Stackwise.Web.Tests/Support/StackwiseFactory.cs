using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Stackwise.Web.Content.Hosting;

namespace Stackwise.Web.Tests.Support;

/// <summary>
/// The real app in memory, on a content folder of the test's choosing, in Production unless told otherwise.
/// </summary>
public class StackwiseFactory : WebApplicationFactory<Program>
{
    public const string BaseUrl = "https://stackwise.test";

    public StackwiseFactory(string contentRoot, string environment = "Production")
    {
        ContentRoot = contentRoot;
        EnvironmentName = environment;
    }

    public string ContentRoot { get; }

    public string EnvironmentName { get; }

    public LogCollector Logs { get; } = new();

    /// <summary>Live reload is off unless a test is about it, so parallel hosts do not use up the system's file watches.</summary>
    public bool Watch { get; init; }

    /// <summary>The clock the app sees; the real one unless a test stops it at a date.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>More settings, as appsettings.json would give them (such as <c>Cdn:PurgeUrls:0</c>).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Every snapshot swap of the app, for tests that wait for content to change.</summary>
    public SnapshotSwaps Swaps { get; } = new();

    /// <summary>
    /// Waits until <paramref name="condition"/> holds, checking it again after each snapshot swap and, on a
    /// <see cref="WatchedTime"/> clock, after moving the clock past each wait the content watcher starts (its quiet period,
    /// and, when <paramref name="advanceRearm"/>, its re-arm interval, which only matters while the folder is missing). No
    /// sleeps: the only real waiting is for the file system's events and the reload itself. Fails after 10 s.
    /// </summary>
    public async Task UntilAsync(Func<Task<bool>> condition, string what, bool advanceRearm = false)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var watched = Time as WatchedTime;
        try
        {
            while (true)
            {
                var swap = Swaps.Next;
                if (await condition())
                {
                    return;
                }
                if (watched is null)
                {
                    await swap.WaitAsync(timeout.Token);
                    continue;
                }
                await Task.WhenAny(swap, watched.WaitStartedAsync(timeout.Token));
                timeout.Token.ThrowIfCancellationRequested();
                // One wait at a time, and the condition checked between: advancing the clock can run the watcher's next
                // step on this thread, which may start the next wait at once.
                if (watched.TryTakeWait(out var due) && (due == ContentWatcher.QuietPeriod || (advanceRearm && due == ContentWatcher.RearmInterval)))
                {
                    watched.Advance(due);
                }
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            Assert.Fail($"after 10 s: {what}; the clock is at {Time.GetUtcNow():HH:mm:ss.fff}; log:\n{string.Join("\n", Logs.Messages)}");
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("Content:Root", ContentRoot);
        builder.UseSetting("Site:BaseUrl", BaseUrl);
        // The in-memory server speaks plain HTTP; TransportTests turn redirection back on.
        builder.UseSetting("Site:RedirectToHttps", "false");
        builder.UseSetting("Content:Watch", Watch ? "true" : "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        // Tests read the logs through the collector; the console keeps only warnings and errors.
        builder.UseSetting("Telemetry:ConsoleLevel", "Warning");
        builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(Logs));
        builder.ConfigureTestServices(services => services.AddSingleton(Time).AddSingleton<ISnapshotObserver>(Swaps));
    }
}

/// <summary>The app on the small fixed articles of <c>TestContent/</c>.</summary>
public sealed class TestContentFactory() : StackwiseFactory(RepositoryPaths.TestContent);

/// <summary>The app on the repository's real <c>content/</c> folder.</summary>
public sealed class RealContentFactory() : StackwiseFactory(RepositoryPaths.Content);
