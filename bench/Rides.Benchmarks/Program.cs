using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace Rides.Benchmarks;

/// <summary>Runs the benchmarks: <c>dotnet run -c Release --project bench/Rides.Benchmarks -- --filter '*' --job short</c>.</summary>
public static class Program
{
    /// <summary>
    /// Hands the arguments to BenchmarkDotNet's switcher. Each benchmark's process is built from this
    /// project and everything it references (the silo, the grains, the edge), which on a busy two-core
    /// machine takes longer than BenchmarkDotNet's default two minutes.
    /// </summary>
    public static void Main(string[] args) =>
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(10)));
}
