using Rides.Edge.Hubs;
using Rides.Edge.Protocol.Events;

namespace Rides.Edge.Sockets;

/// <summary>
/// The one class a dialect writes: it translates between the dialect's frames and the platform. The core
/// (<see cref="SocketSession"/>) authenticates, runs the socket, and calls it:
/// <list type="bullet">
/// <item><see cref="OnOpenedAsync"/> once, after the session is registered (send the dialect's greeting here);</item>
/// <item><see cref="OnFrameAsync"/> for each client frame, one at a time, in order; call the shared operations
/// (<c>RideOperations</c>, <c>DriverOperations</c>, <c>SupportOperations</c>, <see cref="SocketSession.JoinRideAsync"/>)
/// or the grains, and throw <c>RidesException</c> to refuse: the core sends <see cref="ErrorFrame"/>;</item>
/// <item>the <see cref="IRideClient"/> methods for each event the connection's subscriptions deliver, as seed 000's
/// records: translate and <see cref="SocketSession.Send"/>, nothing slower (they run on the delivery path).
/// Ride status updates arrive deduplicated and in sequence order, replay included.</item>
/// </list>
/// A subclass is created per connection through dependency injection, with the session as a constructor argument.
/// </summary>
public abstract class SocketTranslator(SocketSession session) : IRideClient
{
    /// <summary>The connection this translator speaks for.</summary>
    protected SocketSession Session { get; } = session;

    /// <summary>Called once when the session starts: send the greeting, make the subscriptions every connection of the dialect holds.</summary>
    public virtual Task OnOpenedAsync() => Task.CompletedTask;

    /// <summary>Handles one client frame; throw <c>RidesException</c> (e.g. <see cref="SocketFrame.UnknownType"/>) to refuse it.</summary>
    public abstract Task OnFrameAsync(SocketFrame frame);

    /// <summary>The dialect's error frame for <paramref name="error"/>; the connection stays open.</summary>
    public abstract object ErrorFrame(SocketError error);

    /// <inheritdoc />
    public virtual Task ServerMessage(ServerMessage message) => Task.CompletedTask;

    /// <inheritdoc />
    public virtual Task RideStatusUpdate(RideStatusUpdate update) => Task.CompletedTask;

    /// <inheritdoc />
    public virtual Task DriverLocationUpdate(DriverLocationUpdate update) => Task.CompletedTask;

    /// <inheritdoc />
    public virtual Task ChatMessage(ChatMessageEvent message) => Task.CompletedTask;

    /// <inheritdoc />
    public virtual Task NewRideRequest(NewRideRequest request) => Task.CompletedTask;

    /// <inheritdoc />
    public virtual Task RideRequestWithdrawn(RideRequestWithdrawn withdrawal) => Task.CompletedTask;

    /// <inheritdoc />
    public virtual Task TypingStatus(TypingStatus status) => Task.CompletedTask;

    /// <inheritdoc />
    public virtual Task MessageRead(MessageRead receipt) => Task.CompletedTask;

    /// <inheritdoc />
    public virtual Task TripPin(TripPinMessage pin) => Task.CompletedTask;

    /// <inheritdoc />
    public virtual Task NewMessage(NewMessage message) => Task.CompletedTask;

    /// <inheritdoc />
    public virtual Task SupportConversationUpdate(SupportConversationUpdate update) => Task.CompletedTask;

    /// <summary>
    /// A ride of the user was requested or assigned (from the user's private topic, once the translator joined it with
    /// <c>ConnectionStreams.JoinUserAsync</c>); for dialects that push a user's rides unasked (seed 002).
    /// </summary>
    public virtual Task UserRide(UserRideNotice notice) => Task.CompletedTask;
}
