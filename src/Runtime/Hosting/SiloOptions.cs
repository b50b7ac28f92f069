namespace Rides.Runtime.Hosting;

/// <summary>Options of a silo.</summary>
public sealed class SiloOptions
{
    /// <summary>The environment variable that, set to 1, makes every local call and stream event cross the wire serializer.</summary>
    public const string ForceSerializationVariable = "RIDES_FORCE_SERIALIZATION";

    /// <summary>A human name for the silo (default: the machine name).</summary>
    public string SiloName { get; set; } = Environment.MachineName;

    /// <summary>How long a caller waits for an answer before a <see cref="GrainCallTimeoutException"/> (default 30 s).</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Copy every argument, result, exception and stream event through the wire serializer even
    /// for local calls, as a remote call would (default: from <see cref="ForceSerializationVariable"/>).
    /// </summary>
    public bool ForceSerialization { get; set; } = Environment.GetEnvironmentVariable(ForceSerializationVariable) == "1";

    /// <summary>How long graceful shutdown waits for activations to deactivate (default 30 s).</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
