using Microsoft.Extensions.DependencyInjection;
using Stackwise.Web.Telemetry;

namespace Stackwise.Web.Tests.Support;

/// <summary>The site's instruments for a type made outside a host: a meter of its own that nothing listens to.</summary>
public static class UnheardMetrics
{
    public static SiteMetrics Create() => new(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
}
