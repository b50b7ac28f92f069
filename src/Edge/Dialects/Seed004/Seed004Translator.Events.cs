using System.Globalization;
using Rides.Edge.Protocol.Events;

namespace Rides.Edge.Dialects.Seed004;

/// <summary>Seed 000's events in seed 004's words.</summary>
public sealed partial class Seed004Translator
{
    /// <inheritdoc />
    public override Task RideStatusUpdate(RideStatusUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        Session.Send(new StatusUpdateFrame("status_update", update.RideId, Seed004Statuses.Of(update.Status), update.EventId, update.Timestamp) { Message = update.Data.Message });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task DriverLocationUpdate(DriverLocationUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        Session.Send(new LocationUpdateFrame("location_update", update.RideId, new Seed004Location(update.Latitude, update.Longitude), update.EventId, update.Timestamp));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task ChatMessage(ChatMessageEvent message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var sentAt = DateTimeOffset.FromUnixTimeSeconds(message.Timestamp);
        Session.Send(new MessageFrame("message", message.SenderId, new Seed004Message(Id(message.Id), message.Message, sentAt), message.EventId, sentAt) { BookingId = message.RideId });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task NewMessage(NewMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var stored = message.Message;
        Session.Send(new MessageFrame("message", stored.SenderId, new Seed004Message(Id(stored.Id), stored.Content, stored.SentAt), message.EventId, stored.SentAt) { TicketId = message.ConversationId });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task TypingStatus(TypingStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var room = status.ConversationId is { } conversation ? Seed004Room.Support + ":" + conversation : Seed004Room.Booking + ":" + status.RideId;
        Session.Send(new TypingFrame("typing", status.UserId, status.IsTyping, room));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task TripPin(TripPinMessage pin)
    {
        ArgumentNullException.ThrowIfNull(pin);
        Session.Send(new TripPinFrame("trip_pin", pin.RideId, pin.Pin, pin.Message, pin.Timestamp));
        return Task.CompletedTask;
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
