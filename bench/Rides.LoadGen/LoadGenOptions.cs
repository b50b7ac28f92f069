using System.Globalization;

namespace Rides.LoadGen;

/// <summary>What the load suite runs; every count and duration is bounded, and every run has a time budget.</summary>
public sealed record LoadGenOptions
{
    /// <summary>The usage text.</summary>
    public const string Usage = """
        Rides.LoadGen: the platform's load suite. The platform runs in processes of its own (the Release build of
        src/Silo), the baselines too; the load generator only drives them, over 127.0.0.1.

          dotnet run -c Release --project bench/Rides.LoadGen -- --scenario S [--target T] [options]

          --scenario     location | dispatch | lifecycle | idle | soak                       (default location)
          --target       embedded | postgres | cluster                                        (default embedded)
                         embedded: one host, in memory; postgres: one host on a private PostgreSQL;
                         cluster: deploy/local-cluster.sh up (--silos, --edges), clients round-robin over the edges
          --out DIR      where result.json, result.md and the processes' logs go
                         (default bench/results/<UTC time>-<scenario>-<target>)
          --budget S     hard limit of the whole run in seconds (default: from the scenario's own length)

        location   N driver/rider pairs, each driver update_location once a second → the rider's
                   driver_location_update; then ping and ride status; baseline: the bare SignalR relay
          --pairs N (1-5000, default 50)  --seconds S (1-600, default 20)  --warmup W (0-300, default 2)
          --ping-rounds P (1-300, default 10)
        dispatch   D drivers online near the pickups, R ride requests a second (open loop) → the first
                   new_ride_request on a driver's socket; the rider cancels once offered, so riders cycle
          --drivers D (1-20000, default 500)  --rate R (1-2000, default 50)  --riders N (default 4 × rate)
          --seconds S (default 30)  --warmup W (seconds, default 5)
        lifecycle  rides done in full by --rides driver/rider pairs in a loop: request, offer, accept, arrive,
                   start, --locations locations, complete, both ratings; rides/s and time per transition;
                   baseline (postgres, cluster): a raw Npgsql version-checked write of the same JSON, same server
          --rides N (1-5000, default 50)  --locations L (0-20, default 3)  --seconds S (default 30)  --warmup W (s, default 5)
        idle       --connections N authenticated hub connections held (default 5000), in holder processes of
                   --per-process connections each (default 5000; one process may hold 20,000 files at most);
                   edge RSS and files before/after; then --ride-activations K rides created (default 1000):
                   memory per ride; baseline: N connections held on the bare relay process
        soak       --rides M rides cycling through their lifecycle (default 200) plus --connections idle ones
                   (default 1000) for --minutes T (1-240, default 3); RSS, files, activations, subscriptions
                   sampled every --sample-seconds (default 10); counts once the rides end, against the start
          --silos N (1-10, default 2)  --edges M (1-10, default 2)   (cluster target)
          --silo-dll PATH                a built Rides.Silo.dll (default: src/Silo's Release build, built if missing)
        Environment: RIDES_HOST_<NAME>=<value> sets <NAME> for the platform's host processes only (not the relay,
        the holders or this process), e.g. RIDES_HOST_DOTNET_GCGen0MaxBudget=0x1000000 to try a GC setting.
        """;

    /// <summary>The scenario.</summary>
    public string Scenario { get; init; } = "location";

    /// <summary>The target.</summary>
    public string Target { get; init; } = "embedded";

    /// <summary>The output directory, or null for the default.</summary>
    public string? Out { get; init; }

    /// <summary>The budget in seconds, or 0 for the scenario's default.</summary>
    public int BudgetSeconds { get; init; }

    /// <summary>location: driver/rider pairs.</summary>
    public int Pairs { get; init; } = 50;

    /// <summary>Measured seconds (location: rounds of updates; dispatch, lifecycle: seconds of load).</summary>
    public int? Seconds { get; init; }

    /// <summary>Unmeasured warm-up (location: rounds; dispatch: seconds).</summary>
    public int? Warmup { get; init; }

    /// <summary>location: measured ping rounds.</summary>
    public int PingRounds { get; init; } = 10;

    /// <summary>dispatch: drivers online.</summary>
    public int Drivers { get; init; } = 500;

    /// <summary>dispatch: ride requests per second.</summary>
    public int Rate { get; init; } = 50;

    /// <summary>dispatch: riders (0: four per request a second).</summary>
    public int Riders { get; init; }

    /// <summary>lifecycle, soak: driver/rider pairs doing rides in a loop.</summary>
    public int? Rides { get; init; }

    /// <summary>lifecycle, soak: locations sent per ride while driving.</summary>
    public int Locations { get; init; } = 3;

    /// <summary>idle, soak: idle connections held.</summary>
    public int? Connections { get; init; }

    /// <summary>idle, soak: connections per holder process.</summary>
    public int PerProcess { get; init; } = 5000;

    /// <summary>idle: rides created to measure memory per ride.</summary>
    public int RideActivations { get; init; } = 1000;

    /// <summary>soak: minutes.</summary>
    public int Minutes { get; init; } = 3;

    /// <summary>soak: seconds between samples.</summary>
    public int SampleSeconds { get; init; } = 10;

    /// <summary>cluster: silo processes.</summary>
    public int Silos { get; init; } = 2;

    /// <summary>cluster: edge processes.</summary>
    public int Edges { get; init; } = 2;

    /// <summary>Rides set up at once.</summary>
    public int SetupConcurrency { get; init; } = 16;

    /// <summary>A built Rides.Silo.dll to run instead of the Release build.</summary>
    public string? SiloDll { get; init; }

    /// <summary>The arguments as given (for the report's command line).</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>Parses <paramref name="args"/>; null (after writing why) when they are not valid.</summary>
    public static LoadGenOptions? Parse(IReadOnlyList<string> args, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(errors);
        var options = new LoadGenOptions { Arguments = [.. args] };
        for (var i = 0; i < args.Count; i += 2)
        {
            if (i + 1 >= args.Count)
            {
                return Fail(errors, $"{args[i]} needs a value.");
            }

            var (name, text) = (args[i], args[i + 1]);
            LoadGenOptions? next = name switch
            {
                "--scenario" when text is "location" or "dispatch" or "lifecycle" or "idle" or "soak" => options with { Scenario = text },
                "--target" when text is "embedded" or "postgres" or "cluster" => options with { Target = text },
                "--out" => options with { Out = text },
                "--silo-dll" => options with { SiloDll = text },
                _ => null,
            };
            if (next is null && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                next = name switch
                {
                    "--budget" when value is >= 10 and <= 86_400 => options with { BudgetSeconds = value },
                    "--pairs" when value is >= 1 and <= 5000 => options with { Pairs = value },
                    "--rides" when value is >= 1 and <= 5000 => options with { Rides = value },
                    "--seconds" when value is >= 1 and <= 600 => options with { Seconds = value },
                    "--warmup" when value is >= 0 and <= 300 => options with { Warmup = value },
                    "--ping-rounds" when value is >= 1 and <= 300 => options with { PingRounds = value },
                    "--drivers" when value is >= 1 and <= 20_000 => options with { Drivers = value },
                    "--rate" when value is >= 1 and <= 2000 => options with { Rate = value },
                    "--riders" when value is >= 1 and <= 20_000 => options with { Riders = value },
                    "--locations" when value is >= 0 and <= 20 => options with { Locations = value },
                    "--connections" when value is >= 0 and <= 100_000 => options with { Connections = value },
                    "--per-process" when value is >= 100 and <= 19_000 => options with { PerProcess = value },
                    "--ride-activations" when value is >= 0 and <= 100_000 => options with { RideActivations = value },
                    "--minutes" when value is >= 1 and <= 240 => options with { Minutes = value },
                    "--sample-seconds" when value is >= 2 and <= 600 => options with { SampleSeconds = value },
                    "--silos" when value is >= 1 and <= 10 => options with { Silos = value },
                    "--edges" when value is >= 1 and <= 10 => options with { Edges = value },
                    _ => null,
                };
            }

            if (next is null)
            {
                return Fail(errors, $"{name} {text}: unknown option or value out of range.");
            }

            options = next;
        }

        return options;
    }

    /// <summary>The scenario's own length plus set-up time, twice over, unless <c>--budget</c> says otherwise.</summary>
    public TimeSpan Budget => TimeSpan.FromSeconds(BudgetSeconds > 0 ? BudgetSeconds : Scenario switch
    {
        "location" => 240 + Pairs / 5 + 2 * (2 * (Warmup ?? 2) + 2 * (Seconds ?? 20) + 2 * PingRounds + Pairs * 2 / 100),
        "dispatch" => 240 + Drivers / 10 + 2 * ((Warmup ?? 5) + (Seconds ?? 30)),
        "lifecycle" => 300 + (Rides ?? 50) / 5 + 2 * ((Warmup ?? 5) + (Seconds ?? 30)),
        "idle" => 300 + 2 * ((Connections ?? 5000) / 50 + RideActivations / 20),
        _ => 420 + (Rides ?? 200) / 5 + (Connections ?? 1000) / 50 + Minutes * 60 * 3 / 2,
    });

    private static LoadGenOptions? Fail(TextWriter errors, string why)
    {
        errors.WriteLine(why);
        errors.WriteLine(Usage);
        return null;
    }
}
