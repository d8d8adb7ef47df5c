using System.ComponentModel.DataAnnotations;

namespace Stackwise.Web.Hardening;

/// <summary>How many searches one client address may make per window (configuration section <c>SearchRateLimit</c>).</summary>
public sealed class SearchRateLimitOptions
{
    public const string Section = "SearchRateLimit";

    /// <summary>Searches per window per client address; past it, 429 with Retry-After.</summary>
    [Range(1, int.MaxValue)]
    public int PermitLimit { get; set; } = 30;

    /// <summary>The window's length in seconds.</summary>
    [Range(1, 86_400)]
    public int WindowSeconds { get; set; } = 10;
}
