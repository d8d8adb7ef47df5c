using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Events;
using Stackwise.Web.Content.Hosting;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Content;

/// <summary>A reload's log line says what really happened: which version went online, or that the old one stayed.</summary>
public sealed class ReloadLogTests
{
    [Fact]
    public async Task FailedReloadSaysTheCurrentVersionStaysOnlineAndItDoes()
    {
        var folder = new TempContentFolder().Write("therapies/good.md", SyntheticContent.LowRiskArticle);
        await using var site = new StackwiseFactory(folder.Root);
        var client = site.CreateClient();
        var store = site.Services.GetRequiredService<ContentStore>();
        var online = store.Current.Version;

        folder.Dispose();
        await store.ReloadAsync(CancellationToken.None);

        var failure = Assert.Single(site.Logs.Events, logEvent => logEvent.Level == LogEventLevel.Error);
        Assert.Equal($"Content reload from \"{folder.Root}\" failed before the swap; content version {online} stays online",
            failure.RenderMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(online, store.Current.Version);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/therapies/good", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task EachLoadNamesTheVersionThatWentOnline()
    {
        using var folder = new TempContentFolder().Write("therapies/good.md", SyntheticContent.LowRiskArticle);
        await using var site = new StackwiseFactory(folder.Root);
        site.CreateClient();
        var store = site.Services.GetRequiredService<ContentStore>();

        await store.ReloadAsync(CancellationToken.None);

        Assert.EndsWith($"; version {store.Current.Version} is online",
            site.Logs.Messages.Last(message => message.StartsWith("Content loaded:", StringComparison.Ordinal)), StringComparison.Ordinal);
    }
}
