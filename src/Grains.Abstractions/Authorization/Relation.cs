namespace Rides.Grains.Authorization;

/// <summary>How a caller relates to the resource an action touches; the grain that owns the resource works it out.</summary>
public enum Relation
{
    /// <summary>The caller's own: its ride as the rider, its profile, the conversation it opened, its inbox or user room.</summary>
    Own,

    /// <summary>The driver assigned to the ride.</summary>
    Assigned,

    /// <summary>In the support conversation without having opened it: staff and admins who joined it.</summary>
    Participant,

    /// <summary>Someone else's resource: another rider's ride, another driver's profile, a conversation the caller is not in.</summary>
    Foreign,

    /// <summary>The action touches no existing resource of anyone (requesting a ride, opening a conversation, a staff room, the statistics).</summary>
    None,
}
