namespace Rides.Grains.Authorization;

/// <summary>What an action touches; it decides which <see cref="Relation"/>s a caller of each role can have to it.</summary>
public enum ResourceKind
{
    /// <summary>Nothing that exists yet or belongs to anyone: the only relation is <see cref="Relation.None"/>.</summary>
    Platform,

    /// <summary>A ride (and its room, events and chat): its rider is <see cref="Relation.Own"/>, its driver <see cref="Relation.Assigned"/>.</summary>
    Ride,

    /// <summary>A driver grain: the driver itself is <see cref="Relation.Own"/>.</summary>
    Driver,

    /// <summary>A rider grain: the rider itself is <see cref="Relation.Own"/>.</summary>
    Rider,

    /// <summary>A support conversation: its creator is <see cref="Relation.Own"/>, the staff and admins who joined it <see cref="Relation.Participant"/>.</summary>
    SupportConversation,

    /// <summary>Something of one user id (a support inbox, a seed 004 <c>user:ID</c> room): that user is <see cref="Relation.Own"/>.</summary>
    User,
}
