namespace Rides.Runtime.Storage;

/// <summary>Well-known provider names.</summary>
public static class ProviderConstants
{
    /// <summary>The storage provider used when a grain names none.</summary>
    public const string DefaultStorageProviderName = "Default";

    /// <summary>The stream provider used when none is named.</summary>
    public const string DefaultStreamProviderName = "Default";
}
