using Rides.Edge.Hubs;
using Rides.Edge.Protocol.Events;

namespace Rides.Edge.Subscriptions;

/// <summary>The outlet of a connection that closed while one of its events was on the way: it drops everything.</summary>
internal sealed class ClosedOutlet : IRideClient
{
    public static ClosedOutlet Instance { get; } = new();

    public Task ServerMessage(ServerMessage message) => Task.CompletedTask;

    public Task RideStatusUpdate(RideStatusUpdate update) => Task.CompletedTask;

    public Task DriverLocationUpdate(DriverLocationUpdate update) => Task.CompletedTask;

    public Task ChatMessage(ChatMessageEvent message) => Task.CompletedTask;

    public Task NewRideRequest(NewRideRequest request) => Task.CompletedTask;

    public Task RideRequestWithdrawn(RideRequestWithdrawn withdrawal) => Task.CompletedTask;

    public Task TypingStatus(TypingStatus status) => Task.CompletedTask;

    public Task MessageRead(MessageRead receipt) => Task.CompletedTask;

    public Task TripPin(TripPinMessage pin) => Task.CompletedTask;

    public Task NewMessage(NewMessage message) => Task.CompletedTask;

    public Task SupportConversationUpdate(SupportConversationUpdate update) => Task.CompletedTask;
}
