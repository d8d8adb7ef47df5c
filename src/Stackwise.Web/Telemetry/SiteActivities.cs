using System.Diagnostics;

namespace Stackwise.Web.Telemetry;

/// <summary>
/// The site's spans beside the request's own: one per content reload, search and CDN purge, on the <c>Stackwise</c> source.
/// <see cref="ActivitySource.StartActivity(string, ActivityKind)"/> returns null while no tracer listens, so with tracing off
/// they cost nothing; callers use <c>?.</c> on the result.
/// </summary>
public static class SiteActivities
{
    public const string SourceName = "Stackwise";

    public static ActivitySource Source { get; } = new(SourceName);
}
