namespace Rides.Grains.Rides;

/// <summary>Cancellation reasons the platform itself uses.</summary>
public static class CancelReasons
{
    /// <summary>Dispatch ran through its last batch without an acceptance.</summary>
    public const string NoDriverFound = "no_driver_found";

    /// <summary>The assigned driver was lost (staff or system decided the driver cannot finish).</summary>
    public const string DriverLost = "driver_lost";

    /// <summary>The reason used when a user gave none.</summary>
    public const string Unspecified = "unspecified";
}
