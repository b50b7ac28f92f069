namespace Rides.Edge.Protocol;

/// <summary>
/// Seed 000's envelope, the answer of every hub method: <c>{status, message, data?, code?, detail?, event_id?}</c>.
/// Methods whose event documents more fields answer a subclass that adds them at the top level.
/// Null members are left out of the JSON.
/// </summary>
public class HubResponse
{
    /// <summary>The value of <see cref="Status"/> on success.</summary>
    public const string SuccessStatus = "success";

    /// <summary>The value of <see cref="Status"/> on failure.</summary>
    public const string ErrorStatus = "error";

    /// <summary><c>success</c> or <c>error</c>.</summary>
    public string Status { get; init; } = SuccessStatus;

    /// <summary>A human message.</summary>
    public required string Message { get; init; }

    /// <summary>The result, where the method has one beyond its documented fields.</summary>
    public object? Data { get; init; }

    /// <summary>On errors: a stable code (see docs/protocol.md).</summary>
    public string? Code { get; init; }

    /// <summary>On errors: what exactly was wrong (which field, which limit).</summary>
    public string? Detail { get; init; }

    /// <summary>The id of the event this call caused, where it caused one (e.g. <c>ride_1:3</c>).</summary>
    public string? EventId { get; init; }

    /// <summary>A success with only a message.</summary>
    public static HubResponse Success(string message, object? data = null, string? eventId = null) =>
        new() { Message = message, Data = data, EventId = eventId };

    /// <summary>An error with a code, a message and an optional detail.</summary>
    public static HubResponse Error(string code, string message, string? detail = null) =>
        new() { Status = ErrorStatus, Code = code, Message = message, Detail = detail };
}
