namespace Rides.Grains.Errors;

/// <summary>
/// The stable error codes of <see cref="RidesException.Code"/>. Apps and tests match on these
/// strings; they never change meaning once published.
/// </summary>
public static class ErrorCodes
{
    /// <summary>The ride does not exist (never created under this id).</summary>
    public const string RideNotFound = "RIDE_NOT_FOUND";

    /// <summary>A ride with this id already exists (a create was repeated with a different request).</summary>
    public const string RideAlreadyExists = "RIDE_ALREADY_EXISTS";

    /// <summary>The caller is not the ride's rider, its assigned driver, or staff; or not a participant of a conversation.</summary>
    public const string NotAParticipant = "NOT_A_PARTICIPANT";

    /// <summary>The requested status change is not allowed from the ride's current status (detail names both).</summary>
    public const string InvalidTransition = "INVALID_TRANSITION";

    /// <summary>Another driver has already accepted this ride.</summary>
    public const string RideAlreadyAssigned = "RIDE_ALREADY_ASSIGNED";

    /// <summary>The ride was not offered to this driver (or the offer was withdrawn or declined).</summary>
    public const string RideNotOffered = "RIDE_NOT_OFFERED";

    /// <summary>The offer to this driver has passed its time-to-live.</summary>
    public const string OfferExpired = "OFFER_EXPIRED";

    /// <summary>The driver is offline: go online first.</summary>
    public const string DriverOffline = "DRIVER_OFFLINE";

    /// <summary>The driver already has an active ride.</summary>
    public const string DriverBusy = "DRIVER_BUSY";

    /// <summary>The rider already has an active ride.</summary>
    public const string RiderHasActiveRide = "RIDER_HAS_ACTIVE_RIDE";

    /// <summary>Too many requests of this kind in the current window (location: 1/s; chat: 5/min). Detail says when to retry.</summary>
    public const string RateLimited = "RATE_LIMITED";

    /// <summary>The trip PIN given to start the ride is missing or wrong.</summary>
    public const string InvalidPin = "INVALID_PIN";

    /// <summary>Too many wrong trip PINs: the ride can no longer be started with a PIN and must be canceled.</summary>
    public const string PinAttemptsExceeded = "PIN_ATTEMPTS_EXCEEDED";

    /// <summary>An argument is missing, out of range or too long (detail names the field).</summary>
    public const string ValidationFailed = "VALIDATION_FAILED";

    /// <summary>The caller's role may not perform this action.</summary>
    public const string Forbidden = "FORBIDDEN";

    /// <summary>The action needs a completed ride (rating, payment).</summary>
    public const string RideNotCompleted = "RIDE_NOT_COMPLETED";

    /// <summary>This ride has already been rated by this party.</summary>
    public const string AlreadyRated = "ALREADY_RATED";

    /// <summary>The payment amount differs from the ride's final fare.</summary>
    public const string PaymentAmountMismatch = "PAYMENT_AMOUNT_MISMATCH";

    /// <summary>The ride is already paid under another idempotency key.</summary>
    public const string AlreadyPaid = "ALREADY_PAID";

    /// <summary>The chat room is read-only because its ride is over (or the conversation is closed).</summary>
    public const string ChatReadOnly = "CHAT_READ_ONLY";

    /// <summary>The chat message does not exist in this room.</summary>
    public const string MessageNotFound = "MESSAGE_NOT_FOUND";

    /// <summary>The support conversation does not exist.</summary>
    public const string ConversationNotFound = "CONVERSATION_NOT_FOUND";

    /// <summary>The driver has no profile and one is needed.</summary>
    public const string DriverNotFound = "DRIVER_NOT_FOUND";

    /// <summary>A concurrent change won (the state was written elsewhere first); retrying the call is safe.</summary>
    public const string Conflict = "CONFLICT";

    /// <summary>
    /// The platform cannot reach what it needs (its database, or the silo that hosts the resource) right
    /// now; nothing was changed, and the same call may be repeated shortly (HTTP 503).
    /// </summary>
    public const string ServiceUnavailable = "SERVICE_UNAVAILABLE";
}
