using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Serilog.Events;
using Stackwise.Web.Content.Checks;
using Stackwise.Web.Content.Hosting;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Content;

/// <summary>Any <c>published</c> date an editor can write is safe: the site starts, reloads and publishes on the day.</summary>
public sealed class SchedulingTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 6, 30, 12, 0, 0, TimeSpan.Zero);
    private readonly TempContentFolder _folder = new TempContentFolder().Write("therapies/public.md", SyntheticContent.LowRiskArticle);

    public void Dispose() => _folder.Dispose();

    private static string Scheduled(DateOnly published) =>
        SyntheticContent.LowRiskArticle.Replace("title: Good", "title: Scheduled", StringComparison.Ordinal)
            .Replace("published: 2026-01-01", $"published: {published:yyyy-MM-dd}", StringComparison.Ordinal);

    /// <summary>Days ahead of today: either side of .NET's longest timer (about 49.7 days), a year, a decade, and the
    /// last date there is.</summary>
    public static TheoryData<string> ScheduledDates => new()
    {
        "2026-07-01", "2026-08-18", "2026-08-19", "2026-08-20", "2026-10-08", "2027-07-01", "2027-07-02", "2036-06-30", "9999-12-31",
    };

    [Theory]
    [MemberData(nameof(ScheduledDates))]
    public async Task SiteStartsAndServesWithAnArticleScheduledForAnyDate(string date)
    {
        _folder.Write("therapies/scheduled.md", Scheduled(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
        await using var site = new StackwiseFactory(_folder.Root) { Time = new FakeTimeProvider(Now) };
        var client = site.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/therapies/scheduled", UriKind.Relative))).StatusCode);
        Assert.DoesNotContain(site.Logs.Events, logEvent => logEvent.Level >= LogEventLevel.Error);
    }

    [Theory]
    [MemberData(nameof(ScheduledDates))]
    public async Task ScheduledArticleAddedWhileTheSiteRunsIsLoadedAndLoggedAsLoaded(string date)
    {
        await using var site = new StackwiseFactory(_folder.Root) { Time = new FakeTimeProvider(Now) };
        var client = site.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);

        _folder.Write("therapies/scheduled.md", Scheduled(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
        await site.Services.GetRequiredService<ContentStore>().ReloadAsync(CancellationToken.None);

        Assert.DoesNotContain(site.Logs.Events, logEvent => logEvent.Level >= LogEventLevel.Error);
        Assert.Equal(2, site.Logs.Messages.Count(message => message.StartsWith("Content loaded:", StringComparison.Ordinal)));
        var published = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        // Beyond a year ahead the first reload is the day the far-future warning stops applying.
        var reload = published.DayNumber - DateOnly.FromDateTime(Now.UtcDateTime).DayNumber > DateChecks.FarFutureDays
            ? published.AddDays(-DateChecks.FarFutureDays) : published;
        Assert.Contains(site.Logs.Messages, message =>
            message == $"Content reloads by itself at midnight UTC of {reload:yyyy-MM-dd} (a scheduled publication or a date check)");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/therapies/public", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task ArticleScheduledMonthsAheadGoesLiveOnItsDayAndNotBefore()
    {
        var clock = new FakeTimeProvider(Now);
        _folder.Write("therapies/scheduled.md", Scheduled(new DateOnly(2026, 10, 1)));
        await using var site = new StackwiseFactory(_folder.Root) { Time = clock };
        var client = site.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/therapies/scheduled", UriKind.Relative))).StatusCode);

        // Up to the last minute before the day: the timer wakes every day and sets itself again, nothing is published.
        for (var day = 0; day < 92; day++)
        {
            clock.Advance(TimeSpan.FromDays(1));
        }
        clock.Advance(TimeSpan.FromHours(11) + TimeSpan.FromMinutes(59));
        Assert.Equal(new DateTimeOffset(2026, 9, 30, 23, 59, 0, TimeSpan.Zero), clock.GetUtcNow());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/therapies/scheduled", UriKind.Relative))).StatusCode);
        Assert.Equal(1, site.Logs.Messages.Count(message => message.StartsWith("Content loaded:", StringComparison.Ordinal)));

        clock.Advance(TimeSpan.FromMinutes(1));
        await site.UntilAsync(async () => (await client.GetAsync(new Uri("/therapies/scheduled", UriKind.Relative))).StatusCode == HttpStatusCode.OK,
            "the scheduled article is served from midnight UTC of its date");
    }

    [Fact]
    public async Task UpdatedDateInTheFutureIsRefusedUntilThatDayComes()
    {
        var clock = new FakeTimeProvider(Now);
        _folder.Write("therapies/early.md", SyntheticContent.LowRiskArticle.Replace("published: 2026-01-01", "published: 2026-01-01\nupdated: 2026-07-01", StringComparison.Ordinal));
        await using var site = new StackwiseFactory(_folder.Root) { Time = clock };
        var client = site.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/therapies/early", UriKind.Relative))).StatusCode);
        Assert.Contains(site.Logs.Messages, message => message.Contains(
            "therapies/early.md:7:10: error SW058: field `updated` (2026-07-01) is after today (2026-06-30, UTC); write the date it happened", StringComparison.Ordinal));

        clock.Advance(TimeSpan.FromHours(12));
        await site.UntilAsync(async () => (await client.GetAsync(new Uri("/therapies/early", UriKind.Relative))).StatusCode == HttpStatusCode.OK,
            "on its day the date is no longer in the future and the article is served");
    }
}
