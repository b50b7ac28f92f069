namespace Rides.Grains.Events;

/// <summary>
/// An event as an edge node receives it: the topic it was published on, its sequence number on that
/// topic (1, 2, … in publishing order for the life of the topic's activation) and the payload the
/// publishing grain gave (<see cref="Rides.RideStatusEvent"/>, <see cref="Chat.ChatEvent"/>, …: the
/// <see cref="Topics"/> constant of the namespace says which).
/// </summary>
/// <param name="Topic">The source.</param>
/// <param name="Seq">The event's number on the topic.</param>
/// <param name="Payload">The event itself.</param>
[GenerateSerializer, Immutable, Alias("rides.TopicEvent")]
public sealed record TopicEvent(TopicId Topic, long Seq, object Payload);
