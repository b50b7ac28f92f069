namespace Rides.Runtime.Storage;

/// <summary>
/// Marks a grain constructor parameter of type <see cref="IPersistentState{TState}"/>:
/// the runtime injects state named <paramref name="stateName"/> kept by the storage provider
/// registered as <paramref name="storageName"/> (<see cref="ProviderConstants.DefaultStorageProviderName"/> when omitted).
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PersistentStateAttribute(string stateName, string? storageName = null) : Attribute
{
    /// <summary>The name of the state within the grain.</summary>
    public string StateName { get; } = stateName;

    /// <summary>The name of the storage provider.</summary>
    public string? StorageName { get; } = storageName;
}
