namespace Rides.LoadGen.Measurement;

/// <summary>How long a phase runs.</summary>
/// <param name="WarmupRounds">Rounds sent first and not measured (JIT, first activations, connection buffers).</param>
/// <param name="Rounds">Measured rounds, one a second per lane.</param>
public sealed record PhaseOptions(int WarmupRounds, int Rounds);
