using Npgsql;

namespace Rides.Runtime.Postgres.Internal;

/// <summary>Checks connection strings where they are configured, so a typo fails at start-up with its reason.</summary>
internal static class ConnectionStrings
{
    public static string Validate(string connectionString, string parameterName)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new ArgumentException("A PostgreSQL connection string is required (e.g. \"Host=localhost;Username=rides;Database=rides\").", parameterName);
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"The PostgreSQL connection string is not valid: {ex.Message}", parameterName, ex);
        }

        return connectionString;
    }
}
