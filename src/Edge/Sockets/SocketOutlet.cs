using Rides.Edge.Hubs;
using Rides.Edge.Protocol.Events;
using Rides.Edge.Subscriptions;

namespace Rides.Edge.Sockets;

/// <summary>
/// What the registry delivers a session's events to: the translator, except that ride status updates pass the
/// session's replay gate first (deduplicated, in sequence order, held back while a replay is being read).
/// </summary>
internal sealed class SocketOutlet(SocketSession session, SocketTranslator translator) : IRideClient, IUserRideOutlet
{
    public Task ServerMessage(ServerMessage message) => translator.ServerMessage(message);

    public Task RideStatusUpdate(RideStatusUpdate update) => session.DeliverRideStatus(update);

    public Task DriverLocationUpdate(DriverLocationUpdate update) => translator.DriverLocationUpdate(update);

    public Task ChatMessage(ChatMessageEvent message) => translator.ChatMessage(message);

    public Task NewRideRequest(NewRideRequest request) => translator.NewRideRequest(request);

    public Task RideRequestWithdrawn(RideRequestWithdrawn withdrawal) => translator.RideRequestWithdrawn(withdrawal);

    public Task TypingStatus(TypingStatus status) => translator.TypingStatus(status);

    public Task MessageRead(MessageRead receipt) => translator.MessageRead(receipt);

    public Task TripPin(TripPinMessage pin) => translator.TripPin(pin);

    public Task NewMessage(NewMessage message) => translator.NewMessage(message);

    public Task SupportConversationUpdate(SupportConversationUpdate update) => translator.SupportConversationUpdate(update);

    public Task UserRide(UserRideNotice notice) => translator.UserRide(notice);
}
