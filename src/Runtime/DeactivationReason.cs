namespace Rides.Runtime;

/// <summary>Why an activation is being deactivated.</summary>
/// <param name="Code">The kind of reason.</param>
/// <param name="Description">A human description.</param>
public readonly record struct DeactivationReason(DeactivationReasonCode Code, string Description);

/// <summary>The kinds of deactivation.</summary>
public enum DeactivationReasonCode
{
    /// <summary>No reason given.</summary>
    None = 0,

    /// <summary>The grain asked for it with <c>DeactivateOnIdle</c>.</summary>
    ApplicationRequested = 1,

    /// <summary>Idle longer than the collection age.</summary>
    ActivationIdle = 2,

    /// <summary>The silo is shutting down gracefully.</summary>
    ShuttingDown = 3,

    /// <summary>The grain's owner changed after a membership change.</summary>
    PlacementChanged = 4,

    /// <summary>Activation failed.</summary>
    ActivationFailed = 5,
}
