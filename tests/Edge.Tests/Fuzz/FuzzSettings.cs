using System.Globalization;
using CsCheck;

namespace Rides.Edge.Tests.Fuzz;

/// <summary>
/// How many malformed inputs each fuzz target gets and from which seed. CI runs the defaults (a fixed seed, a few
/// cases per target, the whole suite well under a minute and a half); a long local run sets
/// <c>RIDES_FUZZ_ITERATIONS</c> (e.g. 500) and <c>RIDES_FUZZ_SEED</c> (any unsigned number; a failure names its seed
/// and case, and the same pair replays it).
/// </summary>
public static class FuzzSettings
{
    /// <summary>The seed CI runs with.</summary>
    public const ulong DefaultSeed = 20_261_202;

    /// <summary>Cases per target in CI.</summary>
    public const int DefaultIterations = 6;

    /// <summary>Cases per target: <c>RIDES_FUZZ_ITERATIONS</c>, else <see cref="DefaultIterations"/>.</summary>
    public static int Iterations { get; } = Read("RIDES_FUZZ_ITERATIONS", DefaultIterations, int.Parse);

    /// <summary>The seed: <c>RIDES_FUZZ_SEED</c>, else <see cref="DefaultSeed"/>.</summary>
    public static ulong Seed { get; } = Read("RIDES_FUZZ_SEED", DefaultSeed, ulong.Parse);

    /// <summary>
    /// The cases of <paramref name="target"/>: case <c>i</c> is drawn from its own PCG stream of (target, seed, i), so it is
    /// the same whatever the iteration count, and a failure is replayed by its seed alone.
    /// </summary>
    public static IEnumerable<(int Index, T Value)> Cases<T>(Gen<T> gen, string target)
    {
        ArgumentNullException.ThrowIfNull(gen);
        var stream = StableHash(target);
        for (var i = 0; i < Iterations; i++)
        {
            var pcg = new PCG(stream, Seed * 1_000_003UL + (ulong)i);
            yield return (i, gen.Generate(pcg, null, out _));
        }
    }

    /// <summary>Names a case in a failure message.</summary>
    public static string Describe(string target, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{target} case {index} (RIDES_FUZZ_SEED={Seed})");

    private static uint StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }

    private static T Read<T>(string variable, T fallback, Func<string, IFormatProvider, T> parse)
    {
        var text = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        try
        {
            return parse(text.Trim(), CultureInfo.InvariantCulture);
        }
        catch (FormatException exception)
        {
            throw new InvalidOperationException($"{variable}='{text}' is not a number; unset it or give e.g. {fallback}.", exception);
        }
    }
}
