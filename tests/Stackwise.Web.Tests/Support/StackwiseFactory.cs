using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

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

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("Content:Root", ContentRoot);
        builder.UseSetting("Site:BaseUrl", BaseUrl);
        // The in-memory server speaks plain HTTP; TransportTests turn redirection back on.
        builder.UseSetting("Site:RedirectToHttps", "false");
        builder.UseSetting("Content:Watch", Watch ? "true" : "false");
        // Tests read the logs through the collector; the console keeps only warnings and errors.
        builder.UseSetting("Serilog:WriteTo:0:Args:restrictedToMinimumLevel", "Warning");
        builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(Logs));
        builder.ConfigureTestServices(services => services.AddSingleton(Time));
    }
}

/// <summary>The app on the small fixed articles of <c>TestContent/</c>.</summary>
public sealed class TestContentFactory() : StackwiseFactory(RepositoryPaths.TestContent);

/// <summary>The app on the repository's real <c>content/</c> folder.</summary>
public sealed class RealContentFactory() : StackwiseFactory(RepositoryPaths.Content);
