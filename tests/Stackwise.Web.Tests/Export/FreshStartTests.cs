using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Export;

/// <summary>
/// The app started in Production on a machine it has never run on (an empty home folder), as a new server or container
/// starts it: it serves the whole site (the export requests every page) and logs no warning, and writes nothing to the
/// home folder (no data protection key ring).
/// </summary>
public sealed class FreshStartTests : IDisposable
{
    private readonly string _home = Path.Combine(Path.GetTempPath(), "stackwise-tests", $"home-{Guid.NewGuid():N}");
    private readonly string _output = Path.Combine(Path.GetTempPath(), "stackwise-tests", $"export-{Guid.NewGuid():N}");

    public FreshStartTests() => Directory.CreateDirectory(_home);

    public void Dispose()
    {
        foreach (var folder in new[] { _home, _output }.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task AFreshProductionStartLogsNoWarningAndWritesNothingToTheHomeFolder()
    {
        var (exitCode, output, error) = await AppProcess.RunAsync(["export", _output], new Dictionary<string, string>
        {
            ["HOME"] = _home,
            ["Content__Root"] = RepositoryPaths.TestContent,
            ["Content__Watch"] = "false",
            ["Site__BaseUrl"] = StackwiseFactory.BaseUrl,
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        });

        Assert.True(exitCode == 0, output + error);
        var lines = (output + error).Split('\n');
        Assert.Contains(lines, line => line.Contains(" INF] ", StringComparison.Ordinal) && line.Contains("Content loaded", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains(" WRN] ", StringComparison.Ordinal) || line.Contains(" ERR] ", StringComparison.Ordinal));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_home, "*", SearchOption.AllDirectories));
    }
}
