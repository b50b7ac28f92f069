using System.Text.Json;

namespace Rides.Silo.Tests;

/// <summary>
/// The garbage collector's settings the host runs with, as the runtime reads them: the <c>runtimeconfig.json</c> beside
/// the <c>Rides.Silo.dll</c> the process tests start (docs/operations.md, "Memory: the garbage collector's settings").
/// </summary>
public sealed class GcSettingsTests
{
    [Fact]
    public void The_host_runs_server_gc_compacting_at_30_percent_free_with_a_32_MiB_gen0_budget()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Rides.Silo.runtimeconfig.json");
        Assert.True(File.Exists(path), $"{path} is missing: build tests/Silo.Tests, which references src/Silo.");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var properties = document.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");
        Assert.True(properties.GetProperty("System.GC.Server").GetBoolean());
        Assert.Equal(7, properties.GetProperty("System.GC.ConserveMemory").GetInt32());
        Assert.Equal(32L * 1024 * 1024, properties.GetProperty("System.GC.Gen0MaxBudget").GetInt64());
    }
}
