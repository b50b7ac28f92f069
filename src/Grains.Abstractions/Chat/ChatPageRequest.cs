namespace Rides.Grains.Chat;

/// <summary>Which page of a room's history to read: the newest <see cref="Limit"/> messages older than <see cref="BeforeId"/>, skipping <see cref="Skip"/>.</summary>
/// <param name="Limit">1 to <see cref="ChatLimits.MaxPageSize"/>.</param>
/// <param name="BeforeId">Only messages with a smaller id (null: from the newest).</param>
/// <param name="Skip">How many of the newest matching messages to skip (seed 003's <c>skip</c>), 0 or more.</param>
[GenerateSerializer, Alias("rides.ChatPageRequest")]
public sealed record ChatPageRequest(int Limit = ChatLimits.DefaultPageSize, long? BeforeId = null, int Skip = 0);
