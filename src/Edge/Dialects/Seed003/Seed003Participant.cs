namespace Rides.Edge.Dialects.Seed003;

/// <summary>A participant in seed 003's words: <c>{id, email, role, first_name, last_name}</c>; the platform keeps no email, so it is left out.</summary>
/// <param name="Id">The user id.</param>
/// <param name="Role">BUS_DRIVER, QUEUE_REGULATOR, CONTROL_STAFF, CONTROL_ADMIN (<see cref="Seed003Roles"/>).</param>
/// <param name="FirstName">The display name's first word, if a name is known.</param>
/// <param name="LastName">The rest of the display name, if any.</param>
public sealed record Seed003Participant(string Id, string Role, string? FirstName, string? LastName)
{
    /// <summary>Never known to the platform; always left out.</summary>
    public string? Email { get; init; }
}
