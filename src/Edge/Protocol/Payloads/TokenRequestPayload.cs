using System.Text.Json;
using Rides.Grains;

namespace Rides.Edge.Protocol.Payloads;

/// <summary><c>{user_id, user_type, name?}</c>: <c>POST /api/v1/auth/token</c> (development issuer).</summary>
/// <param name="UserId">1 to 64 letters, digits, '_', '-', '.', ':'.</param>
/// <param name="UserType">rider, driver, staff, admin, operator or regulator (any case).</param>
/// <param name="Name">Display name, at most 100 characters.</param>
public sealed record TokenRequestPayload(string UserId, UserRole UserType, string? Name)
{
    internal static TokenRequestPayload Read(JsonElement json)
    {
        var reader = new PayloadReader(json, "body");
        var userId = reader.Id("user_id");
        var typeText = reader.Text("user_type", 16);
        var role = UserRole.Rider;
        if (typeText.Length > 0 && (!UserRoleNames.TryParse(typeText, out role) || role == UserRole.System))
        {
            reader.Problem("user_type", "must be one of rider, driver, staff, admin, operator, regulator");
        }

        var payload = new TokenRequestPayload(userId, role, reader.OptionalText("name", PayloadLimits.MaxNameLength));
        reader.ThrowIfInvalid();
        return payload;
    }
}
