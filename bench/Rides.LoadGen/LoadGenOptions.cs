using System.Globalization;

namespace Rides.LoadGen;

/// <summary>What the load generator runs; every count and duration is bounded so a run stops by itself.</summary>
public sealed record LoadGenOptions
{
    /// <summary>The usage text.</summary>
    public const string Usage = """
        Rides.LoadGen: event latency of the edge against a bare SignalR relay, in one process on 127.0.0.1.
          --rides N        rides (driver + rider pairs), 1-5000; default 50
          --seconds D      measured seconds of location updates (one per driver per second), 1-300; default 20
          --warmup W       unmeasured rounds before each phase, 0-30; default 2
          --ping-rounds P  measured ping rounds (one per connection per second), 1-300; default 10
        """;

    /// <summary>Rides, each with its own driver and rider connection. Default 50.</summary>
    public int Rides { get; init; } = 50;

    /// <summary>Measured seconds of location updates per phase. Default 20.</summary>
    public int Seconds { get; init; } = 20;

    /// <summary>Unmeasured warm-up rounds before each phase. Default 2.</summary>
    public int Warmup { get; init; } = 2;

    /// <summary>Measured ping rounds per phase. Default 10.</summary>
    public int PingRounds { get; init; } = 10;

    /// <summary>Rides set up at once. Default 8.</summary>
    public int SetupConcurrency { get; init; } = 8;

    /// <summary>The hard limit of the whole run: generous set-up time plus the phases' own length, twice over.</summary>
    public TimeSpan Budget => TimeSpan.FromSeconds(120 + 2 * (2 * (Warmup + Seconds) + 2 * (Warmup + PingRounds)));

    /// <summary>Parses <paramref name="args"/>; null (after writing why) when they are not valid.</summary>
    public static LoadGenOptions? Parse(IReadOnlyList<string> args, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(errors);
        var options = new LoadGenOptions();
        for (var i = 0; i < args.Count; i += 2)
        {
            if (i + 1 >= args.Count || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                errors.WriteLine(Usage);
                return null;
            }

            LoadGenOptions? next = args[i] switch
            {
                "--rides" when value is >= 1 and <= 5000 => options with { Rides = value },
                "--seconds" when value is >= 1 and <= 300 => options with { Seconds = value },
                "--warmup" when value is >= 0 and <= 30 => options with { Warmup = value },
                "--ping-rounds" when value is >= 1 and <= 300 => options with { PingRounds = value },
                _ => null,
            };
            if (next is null)
            {
                errors.WriteLine(Usage);
                return null;
            }

            options = next;
        }

        return options;
    }
}
