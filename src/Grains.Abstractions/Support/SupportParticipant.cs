namespace Rides.Grains.Support;

/// <summary>A participant of a support conversation.</summary>
/// <param name="UserId">The user id.</param>
/// <param name="Role">The role the user joined in.</param>
/// <param name="Name">Display name, if known.</param>
[GenerateSerializer, Alias("rides.SupportParticipant")]
public sealed record SupportParticipant(string UserId, UserRole Role, string? Name);
