namespace Rides.Grains.Domain.Lifecycle;

/// <summary>How a caller relates to one ride.</summary>
public enum RideParty
{
    /// <summary>The ride's rider.</summary>
    Rider,

    /// <summary>The driver assigned to the ride.</summary>
    AssignedDriver,

    /// <summary>A driver who is not (or not yet) assigned to the ride.</summary>
    OtherDriver,

    /// <summary>Staff or admin.</summary>
    Staff,

    /// <summary>An operator (read-only).</summary>
    Operator,

    /// <summary>The platform itself.</summary>
    System,

    /// <summary>A rider who is not this ride's rider.</summary>
    Stranger,
}
