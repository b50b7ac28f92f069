namespace Rides.Edge.Protocol.Models;

/// <summary>A participant of a support conversation.</summary>
/// <param name="Id">The user id.</param>
/// <param name="Role">RIDER, DRIVER, STAFF, ADMIN.</param>
/// <param name="Name">Display name, if known.</param>
public sealed record SupportParticipantData(string Id, string Role, string? Name);
