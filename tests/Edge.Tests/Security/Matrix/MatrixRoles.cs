using Rides.Grains;

namespace Rides.Edge.Tests.Security.Matrix;

/// <summary>The roles the matrix walks: no token, and every role a token may carry.</summary>
public static class MatrixRoles
{
    /// <summary>No token at all.</summary>
    public const string Anonymous = "anonymous";

    /// <summary>Every column, anonymous first.</summary>
    public static IReadOnlyList<string> All { get; } = [Anonymous, "rider", "driver", "staff", "admin", "operator", "regulator"];

    /// <summary>The platform role of a column other than anonymous.</summary>
    public static UserRole Parse(string role) =>
        UserRoleNames.TryParse(role, out var parsed) ? parsed : throw new ArgumentOutOfRangeException(nameof(role), role, null);
}
