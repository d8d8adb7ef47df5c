namespace Stackwise.BrowserTests;

/// <summary>
/// Where Debian's Chromium is. Playwright cannot download browsers here, so the tests drive the system one:
/// <c>apt-get install -y chromium</c>, or set <c>STACKWISE_CHROMIUM</c> to another Chromium binary.
/// </summary>
public static class Chromium
{
    public const string PathVariable = "STACKWISE_CHROMIUM";

    public static string ExecutablePath { get; } = Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static bool IsInstalled => File.Exists(ExecutablePath);

    /// <summary>In CI (<c>CI=true</c>) a missing browser must fail the run, never skip it.</summary>
    public static bool MustRun => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string? SkipReason => IsInstalled || MustRun
        ? null
        : $"Chromium not found at {ExecutablePath}. Install it with `sudo apt-get install -y chromium`, or set {PathVariable} to a Chromium binary.";

    /// <summary>Flags for a headless Chromium on a machine with no network but loopback.</summary>
    public static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];
}

/// <summary>A fact that runs in a real browser: skipped locally when Chromium is missing, never in CI.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute() => Skip = Chromium.SkipReason;
}

/// <summary>A theory that runs in a real browser: skipped locally when Chromium is missing, never in CI.</summary>
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute() => Skip = Chromium.SkipReason;
}
