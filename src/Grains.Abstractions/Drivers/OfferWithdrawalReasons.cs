namespace Rides.Grains.Drivers;

/// <summary>Why an offer was withdrawn (<see cref="DriverOfferEvent.Reason"/>).</summary>
public static class OfferWithdrawalReasons
{
    /// <summary>Another driver accepted the ride first.</summary>
    public const string AcceptedByAnotherDriver = "accepted_by_another_driver";

    /// <summary>The offer's time-to-live passed.</summary>
    public const string Expired = "expired";

    /// <summary>The ride was canceled.</summary>
    public const string RideCanceled = "ride_canceled";

    /// <summary>The driver declined the offer.</summary>
    public const string Declined = "declined";
}
