using Microsoft.Extensions.Options;

namespace Stackwise.Web.Site;

/// <summary>
/// The exceptions of a start that cannot serve because of how it was set up, as one line an operator can act on: a setting
/// that fails validation or cannot be read, a content folder that is missing or unreadable, a port in use. Anything else is
/// a bug and has no such line.
/// </summary>
public static class StartFailure
{
    /// <summary>Why a start that threw <paramref name="e"/> cannot serve, or null when it is a bug.</summary>
    public static string? Reason(Exception e) => e switch
    {
        OptionsValidationException invalid => string.Join("; ", invalid.Failures),
        // Kestrel's "Failed to bind to address ...: address already in use.", and a folder that cannot be read.
        IOException or UnauthorizedAccessException => e.Message,
        // The Prometheus scrape endpoint (Telemetry:PrometheusUrl) on a port in use or an address not of this host.
        InvalidOperationException { InnerException: System.Net.HttpListenerException listener } =>
            $"{e.Message} (Telemetry:PrometheusUrl): {listener.Message}",
        // The configuration binder's "Failed to convert configuration value 'x' at 'Content:MaxReadingGrade' to type ...".
        InvalidOperationException when e.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) => e.Message,
        _ => null,
    };
}
