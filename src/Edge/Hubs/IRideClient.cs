using Microsoft.AspNetCore.SignalR;
using Rides.Edge.Protocol;
using Rides.Edge.Protocol.Events;

namespace Rides.Edge.Hubs;

/// <summary>The server→client methods of the rides hub; the attribute gives each its wire name.</summary>
public interface IRideClient
{
    /// <summary>A general notice.</summary>
    [HubMethodName(ClientMethodNames.ServerMessage)]
    Task ServerMessage(ServerMessage message);

    /// <summary>A ride's status changed.</summary>
    [HubMethodName(ClientMethodNames.RideStatusUpdate)]
    Task RideStatusUpdate(RideStatusUpdate update);

    /// <summary>The assigned driver moved.</summary>
    [HubMethodName(ClientMethodNames.DriverLocationUpdate)]
    Task DriverLocationUpdate(DriverLocationUpdate update);

    /// <summary>A ride-room chat message.</summary>
    [HubMethodName(ClientMethodNames.ChatMessage)]
    Task ChatMessage(ChatMessageEvent message);

    /// <summary>A ride offered to this driver.</summary>
    [HubMethodName(ClientMethodNames.NewRideRequest)]
    Task NewRideRequest(NewRideRequest request);

    /// <summary>An offer to this driver was withdrawn.</summary>
    [HubMethodName(ClientMethodNames.RideRequestWithdrawn)]
    Task RideRequestWithdrawn(RideRequestWithdrawn withdrawal);

    /// <summary>Another participant is typing or stopped.</summary>
    [HubMethodName(ClientMethodNames.TypingStatus)]
    Task TypingStatus(TypingStatus status);

    /// <summary>Another participant read a message.</summary>
    [HubMethodName(ClientMethodNames.MessageRead)]
    Task MessageRead(MessageRead receipt);

    /// <summary>The rider's trip PIN.</summary>
    [HubMethodName(ClientMethodNames.TripPin)]
    Task TripPin(TripPinMessage pin);

    /// <summary>A support conversation message.</summary>
    [HubMethodName(ClientMethodNames.NewMessage)]
    Task NewMessage(NewMessage message);

    /// <summary>A support room's conversation changed.</summary>
    [HubMethodName(ClientMethodNames.SupportConversationUpdate)]
    Task SupportConversationUpdate(SupportConversationUpdate update);
}
