using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Events;
using Stackwise.Web.Content.Hosting;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Content.Snapshot;
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

        Assert.Contains($"; version {store.Current.Version} is online, 1 key changed",
            site.Logs.Messages.Last(message => message.StartsWith("Content loaded:", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APatchedSaveLogsTheProblemsItBringsOnceAndNoOthers()
    {
        using var folder = new TempContentFolder()
            .Write("therapies/good.md", SyntheticContent.LowRiskArticle)
            .Write("therapies/other.md", SyntheticContent.LowRiskArticle.Replace("Text.", "See [nowhere](/therapies/nowhere).", StringComparison.Ordinal));
        await using var site = new StackwiseFactory(folder.Root);
        site.CreateClient();
        var store = site.Services.GetRequiredService<ContentStore>();
        var broken = SyntheticContent.LowRiskArticle.Replace("Text.", "See [missing](/therapies/missing).", StringComparison.Ordinal);

        folder.Write("therapies/good.md", broken);
        await store.ReloadAsync(ChangedFiles.Complete(["therapies/good.md"]), CancellationToken.None);
        folder.Write("therapies/good.md", broken.Replace("title: Good", "title: Good Again", StringComparison.Ordinal));
        await store.ReloadAsync(ChangedFiles.Complete(["therapies/good.md"]), CancellationToken.None);

        Assert.NotNull(store.Current.PatchedFrom);
        var warnings = site.Logs.Messages.Where(message => message.StartsWith("Content warning:", StringComparison.Ordinal)).ToList();
        Assert.Single(warnings, warning => warning.Contains("/therapies/missing", StringComparison.Ordinal));
        Assert.Single(warnings, warning => warning.Contains("/therapies/nowhere", StringComparison.Ordinal));  // at start only
    }
}

/// <summary>Which problems a reload logs: those that were not there before, however the objects came about.</summary>
public sealed class NewProblemsTests
{
    private static readonly ContentProblem Kept = ContentProblem.Warning("therapies/a.md", new(3, 1), "SW001", "synthetic kept warning");
    private static readonly ContentProblem Rebuilt = ContentProblem.Warning("therapies/b.md", new(4, 2), "SW002", "synthetic warning made again each reload");

    [Fact]
    public void TheSameObjectsAreNotNew() =>
        Assert.Empty(ContentProblemLog.NewProblems([Kept, Rebuilt], [Kept, Rebuilt]));

    [Fact]
    public void AnEqualProblemMadeAgainIsNotNew() =>
        // A reparsed file, or a check of the whole site, makes new objects for the problems it had before.
        Assert.Empty(ContentProblemLog.NewProblems([Kept, Rebuilt with { }], [Kept, Rebuilt]));

    [Fact]
    public void AProblemThatDiffersInAnyPartIsNew()
    {
        ContentProblem[] changed =
        [
            Rebuilt with { File = "therapies/c.md" },
            Rebuilt with { Position = new(5, 2) },
            Rebuilt with { Severity = ProblemSeverity.Error },
            Rebuilt with { Code = "SW003" },
            Rebuilt with { Message = "synthetic warning, reworded" },
            Rebuilt with { IsAdvice = true },
        ];
        foreach (var problem in changed)
        {
            Assert.Equal([problem], ContentProblemLog.NewProblems([Kept, problem], [Kept, Rebuilt]));
        }
    }

    [Fact]
    public void AnEqualCopyOfAProblemStillThereIsNotNew() =>
        // Equal to a problem that is still there as its earlier object: the value counts, not where the object came from.
        Assert.Empty(ContentProblemLog.NewProblems([Kept, Kept with { }], [Kept]));

    [Fact]
    public void EverythingIsNewOnTheFirstLoad() =>
        Assert.Equal([Kept, Rebuilt], ContentProblemLog.NewProblems([Kept, Rebuilt], []));
}
