namespace Rides.Grains.Domain.Trips;

/// <summary>The outcome of a trip PIN check.</summary>
public enum PinCheckResult
{
    /// <summary>The PIN matches.</summary>
    Valid,

    /// <summary>Wrong; attempts remain.</summary>
    Wrong,

    /// <summary>Wrong, and that was the last attempt.</summary>
    WrongNowLocked,

    /// <summary>No attempts remain; the PIN is not even compared.</summary>
    Locked,
}
