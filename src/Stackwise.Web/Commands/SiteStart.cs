using Stackwise.Web.Site;

namespace Stackwise.Web.Commands;

/// <summary>
/// Serving the site. A start that cannot serve because of how it was set up (a setting that fails validation or cannot be
/// read, a content folder that is missing or unreadable, a port in use) prints one line saying why and exits with
/// <see cref="CouldNotStart"/>, instead of an unhandled exception, a stack trace and an abort. Anything else is a bug and
/// is left to crash loudly.
/// </summary>
public static class SiteStart
{
    public const int CouldNotStart = 1;

    public static async Task<int> RunAsync(Func<WebApplication> buildSite, TextWriter error)
    {
        try
        {
            await using var site = buildSite();
            await site.RunAsync();
            return 0;
        }
        catch (Exception e) when (StartFailure.Reason(e) is { } reason)
        {
            await error.WriteLineAsync($"error: the site cannot start: {reason}");
            return CouldNotStart;
        }
    }
}
