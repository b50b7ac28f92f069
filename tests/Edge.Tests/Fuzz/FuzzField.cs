namespace Rides.Edge.Tests.Fuzz;

/// <summary>What a payload field holds, which decides the defects generated for it.</summary>
public enum FieldKind
{
    /// <summary>An id: 1–64 of <c>A-Z a-z 0-9 _ - . :</c>.</summary>
    Id,

    /// <summary>Free text of at most <see cref="FuzzField.MaxLength"/> characters, not blank.</summary>
    Text,

    /// <summary>A number in [<see cref="FuzzField.Min"/>, <see cref="FuzzField.Max"/>].</summary>
    Number,

    /// <summary>A whole number in [<see cref="FuzzField.Min"/>, <see cref="FuzzField.Max"/>].</summary>
    Integer,

    /// <summary>An amount with at most two decimals in [<see cref="FuzzField.Min"/>, <see cref="FuzzField.Max"/>].</summary>
    Amount,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>One of the documented names; <see cref="FuzzField.Unknown"/> are names that must be refused.</summary>
    Enum,

    /// <summary><c>{latitude, longitude, address?}</c>.</summary>
    Place,

    /// <summary>A message id: a positive whole number or a string of digits.</summary>
    MessageId,

    /// <summary>A phone number: optional '+' and 7–15 digits.</summary>
    Phone,

    /// <summary>A ride event id, <c>ride-status/{ride_id}/{seq}</c>.</summary>
    EventId,

    /// <summary>Seed 004's room, <c>booking:ID</c>, <c>user:ID</c> or <c>support:ID</c>.</summary>
    Room,
}

/// <summary>
/// One field of a payload, body or frame, with a valid value (raw JSON) to build a case around.
/// <paramref name="Foreign"/>: well-formed values naming a resource the attacker may not use (another user's ride or
/// conversation, an unknown one), refused by the rules rather than the syntax; generated only for attackers that are
/// neither staff nor admin, who may see every ride.
/// </summary>
public sealed record FuzzField(
    string Name,
    FieldKind Kind,
    bool Required,
    string Valid,
    int MaxLength = 64,
    double Min = 0,
    double Max = 0,
    IReadOnlyList<string>? Foreign = null,
    IReadOnlyList<string>? Unknown = null);

/// <summary>A payload's fields; <paramref name="Roles"/> are the attackers that send it.</summary>
public sealed record FuzzShape(string Target, IReadOnlyList<FuzzField> Fields, IReadOnlyList<string> Roles)
{
    /// <summary>The payload with every field at its valid value.</summary>
    public RawObject Valid()
    {
        var payload = new RawObject();
        foreach (var field in Fields)
        {
            payload.Set(field.Name, field.Valid);
        }

        return payload;
    }
}
