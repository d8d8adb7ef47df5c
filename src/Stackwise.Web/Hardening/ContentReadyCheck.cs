using Microsoft.Extensions.Diagnostics.HealthChecks;
using Stackwise.Web.Content.Hosting;

namespace Stackwise.Web.Hardening;

/// <summary>Ready once a content snapshot is loaded: a load balancer should not send readers before that.</summary>
internal sealed class ContentReadyCheck(ContentStore content) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(content.IsLoaded
            ? HealthCheckResult.Healthy($"{content.Current.Articles.Length} articles loaded")
            : HealthCheckResult.Unhealthy("no content snapshot loaded yet"));
}
