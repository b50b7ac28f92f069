using Rides.Edge.Protocol.Events;

namespace Rides.Edge.Subscriptions;

/// <summary>
/// An outlet that also hears which rides its user has a part in (requested as rider, assigned as driver), from the
/// user's private topic. No hub method carries this (hub clients ask for rides by id), so only the plain-WebSocket
/// sessions implement it: seed 002's channels push a user's bookings without the app naming them.
/// </summary>
public interface IUserRideOutlet
{
    /// <summary>A ride of the connection's user was requested or assigned.</summary>
    Task UserRide(UserRideNotice notice);
}
