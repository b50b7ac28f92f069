namespace Rides.Runtime.Activation;

/// <summary>The life of an activation.</summary>
internal enum ActivationState
{
    Creating,
    Valid,
    Deactivating,
    Invalid,
}
