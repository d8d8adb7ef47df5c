using System.Diagnostics.Metrics;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Telemetry;

namespace Stackwise.Web.Content.Hosting;

/// <summary>
/// The content's gauges on the <c>Stackwise</c> meter: which version is online and since when, what it holds, what it
/// refused and which reviews are due. Each is read from the snapshot online when a collector asks (a Prometheus scrape,
/// an OTLP export), never on a request or a reload; what takes a pass over the content is worked out once per snapshot
/// and day. The snapshot comes from <see cref="Swapping"/>, as the store swaps it in.
/// </summary>
internal sealed class ContentMetrics : ISnapshotObserver
{
    public const string DocumentKindTag = "stackwise.document.kind";
    public const string ProblemCodeTag = "stackwise.problem.code";
    public const string ProblemSeverityTag = "stackwise.problem.severity";
    public const string ReviewStateTag = "stackwise.review.state";

    private readonly TimeProvider _time;
    private volatile Online? _online;

    public ContentMetrics(SiteMetrics metrics, TimeProvider time)
    {
        _time = time;
        var meter = metrics.Meter;
        meter.CreateObservableGauge("stackwise.content.version", () => Measure(online => online.Snapshot.Version), "{version}",
            "The content version online: a number that grows with each reload of this process");
        meter.CreateObservableGauge("stackwise.content.age", () => Measure(online => (_time.GetUtcNow() - online.Since).TotalSeconds), "s",
            "Seconds since the content version online went online");
        meter.CreateObservableGauge("stackwise.content.fingerprint", () => Measure(online => online.Fingerprint), "1",
            "A hash of the files online (52 bits, exact as a Prometheus value): equal on every instance that serves the same content");
        meter.CreateObservableUpDownCounter("stackwise.content.documents", () => Many(online =>
            [
                Count(online.Snapshot.ArticleCount, DocumentKindTag, "article"),
                Count(online.Snapshot.SitePageCount, DocumentKindTag, "page"),
                Count(online.Snapshot.PersonCount, DocumentKindTag, "person"),
            ]), "{document}", "Documents served, by kind (article, page, person)");
        meter.CreateObservableUpDownCounter("stackwise.content.problems", () => Many(Problems), "{problem}",
            "Problems the content has, by code (SW001...) and severity (error, warning); docs/authoring.md explains each code");
        meter.CreateObservableUpDownCounter("stackwise.content.files.refused", () => Measure(online => online.Refused), "{file}",
            "Markdown files with an error: off the site, or kept at their last good version");
        meter.CreateObservableUpDownCounter("stackwise.content.files.kept", () => Measure(online => online.Snapshot.KeptFiles.Count), "{file}",
            "Files whose latest version has an error while their last good version stays online");
        meter.CreateObservableUpDownCounter("stackwise.content.reviews", () => Many(online => online.Reviews(Today())), "{article}",
            "Articles whose medical review is overdue (next review date passed) or due within 30 days");
    }

    public void Swapping(ContentChange change) => _online = new Online(change.After, _time.GetUtcNow());

    /// <summary>
    /// The problems by code and severity. A pair fixed since the last collection is not reported, and collectors drop it
    /// (OpenTelemetry exports only what an observable instrument reported; MetricsTests checks that it never reports a
    /// fixed problem's last count again).
    /// </summary>
    private static IEnumerable<Measurement<int>> Problems(Online online) =>
        online.Problems.Select(pair => new Measurement<int>(pair.Value,
            new KeyValuePair<string, object?>(ProblemCodeTag, pair.Key.Code),
            new KeyValuePair<string, object?>(ProblemSeverityTag, pair.Key.Severity)));

    private DateOnly Today() => DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);

    private IEnumerable<Measurement<T>> Measure<T>(Func<Online, T> read) where T : struct =>
        _online is { } online ? [new Measurement<T>(read(online))] : [];

    private IEnumerable<Measurement<int>> Many(Func<Online, IEnumerable<Measurement<int>>> read) =>
        _online is { } online ? read(online) : [];

    private static Measurement<int> Count(int value, string tag, string name) => new(value, new KeyValuePair<string, object?>(tag, name));

    /// <summary>A snapshot online, with what its gauges take a pass over the content to find, worked out on first use.</summary>
    private sealed class Online(ContentSnapshot snapshot, DateTimeOffset since)
    {
        private readonly Lazy<Dictionary<(string Code, string Severity), int>> _problems = new(() => ContentReads.Unrecorded(() => snapshot.Problems)
            .CountBy(problem => (problem.Code, problem.Severity == ProblemSeverity.Error ? "error" : "warning"))
            .ToDictionary());

        private readonly Lazy<int> _refused = new(() => ContentReads.Unrecorded(() => snapshot.FilesRejected));
        private readonly Lazy<long> _fingerprint = new(() => (long)(snapshot.Fingerprint >> 12));
        // Replaced whole, so a scrape and an export collecting at once each see one day's counts.
        private volatile ReviewCounts? _reviews;

        public ContentSnapshot Snapshot => snapshot;

        public DateTimeOffset Since => since;

        public Dictionary<(string Code, string Severity), int> Problems => _problems.Value;

        public int Refused => _refused.Value;

        public long Fingerprint => _fingerprint.Value;

        public Measurement<int>[] Reviews(DateOnly today)
        {
            if (_reviews is { } kept && kept.Day == today)
            {
                return kept.Counts;
            }
            var due = ContentReads.Unrecorded(() => ReviewsDue.List(snapshot, today));
            Measurement<int>[] counts =
            [
                Count(due.Count(review => review.State == ReviewState.Overdue), ReviewStateTag, "overdue"),
                Count(due.Count(review => review.State == ReviewState.DueSoon), ReviewStateTag, "due_soon"),
            ];
            _reviews = new ReviewCounts(today, counts);
            return counts;
        }

        private sealed record ReviewCounts(DateOnly Day, Measurement<int>[] Counts);
    }
}
