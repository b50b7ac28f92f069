namespace Rides.Grains;

/// <summary>
/// Who is calling a grain, as the edge authenticated it. Passed as the first argument of every
/// user-facing grain method: authorization is the grain's job.
/// </summary>
/// <param name="UserId">The authenticated user id (for drivers also the driver grain key, for riders the rider grain key).</param>
/// <param name="Role">The role the user acts in.</param>
/// <param name="Name">The display name from the token, if any (used as a default profile name).</param>
[GenerateSerializer, Immutable, Alias("rides.Caller")]
public sealed record Caller(string UserId, UserRole Role, string? Name = null)
{
    /// <summary>The platform itself, for timers and compensations.</summary>
    public static Caller System { get; } = new("system", UserRole.System, "system");

    /// <summary>Creates a rider caller.</summary>
    public static Caller Rider(string userId, string? name = null) => new(userId, UserRole.Rider, name);

    /// <summary>Creates a driver caller.</summary>
    public static Caller Driver(string userId, string? name = null) => new(userId, UserRole.Driver, name);

    /// <summary>Creates a staff caller.</summary>
    public static Caller Staff(string userId, string? name = null) => new(userId, UserRole.Staff, name);

    /// <summary>Creates an admin caller.</summary>
    public static Caller Admin(string userId, string? name = null) => new(userId, UserRole.Admin, name);

    /// <summary>Creates an operator caller.</summary>
    public static Caller Operator(string userId, string? name = null) => new(userId, UserRole.Operator, name);
}
