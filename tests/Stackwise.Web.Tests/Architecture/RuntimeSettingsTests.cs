using System.Text.Json;

namespace Stackwise.Web.Tests.Architecture;

/// <summary>
/// The runtime settings the site is built with, read from the runtimeconfig.json the build writes beside the app (the
/// one `dotnet Stackwise.Web.dll` starts with). The project file once set the GC mode under a property name the SDK does
/// not read, so the site ran another GC than the one measured and documented; this reads what the runtime will read.
/// </summary>
public sealed class RuntimeSettingsTests
{
    private static JsonElement ConfigProperties()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Stackwise.Web.runtimeconfig.json");
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        return json.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").Clone();
    }

    [Fact]
    public void TheSiteRunsWorkstationGarbageCollectionWithACappedGen0Budget()
    {
        var properties = ConfigProperties();

        Assert.False(properties.GetProperty("System.GC.Server").GetBoolean());
        Assert.Equal(16 * 1024 * 1024, properties.GetProperty("System.GC.Gen0MaxBudget").GetInt64());
    }

    [Fact]
    public void DynamicPgoIsOffForTheColdLoad()
    {
        Assert.False(ConfigProperties().GetProperty("System.Runtime.TieredPGO").GetBoolean());
    }

    [Fact]
    public void HotMethodsAreOptimizedSoonAfterTheyStartRunning()
    {
        Assert.Equal(20, ConfigProperties().GetProperty("System.Runtime.TieredCompilation.CallCountingDelayMs").GetInt32());
    }
}
