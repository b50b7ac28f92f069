using System.Data.Common;
using Npgsql;

namespace Rides.Grains.Storage;

/// <summary>
/// What the platform adds to an operator's PostgreSQL connection string, unless the string sets it itself.
/// <list type="bullet">
/// <item><c>Max Auto Prepare</c>: Orleans' ADO.NET providers send the same few statements (read, write, reminders,
/// membership) as unprepared text, so the server parses and plans each of them on every call. With automatic
/// preparation Npgsql prepares a statement once it has been used a few times on a connection, and the server then
/// only binds and runs it. Measured with the load suite's lifecycle scenario on PostgreSQL (200 pairs, 2 cores
/// shared with the load generator): 28.5 → 37 complete rides a second, and accept and complete at half their p50.</item>
/// <item><c>No Reset On Close</c>: the providers open a pooled connection for every statement and close it after.
/// On each reuse Npgsql resets the session, and with prepared statements it cannot use <c>DISCARD ALL</c> (that
/// would drop them), so it sends seven statements instead (<c>CLOSE ALL</c>, <c>RESET ALL</c>, <c>UNLISTEN *</c>,
/// <c>pg_advisory_unlock_all()</c> and more) ahead of the next command: about 147 of the 171 statements a
/// complete ride sends (7 for each of its 21 connection reuses; <c>pg_stat_statements</c>, lifecycle scenario). Nothing in the platform leaves session state behind (no <c>SET</c>, <c>LISTEN</c>, session locks,
/// cursors or temporary tables; the schema installer's lock is per transaction), so there is nothing to reset.</item>
/// </list>
/// </summary>
public static class PostgresConnectionDefaults
{
    /// <summary>How many statements each connection keeps prepared (Npgsql's <c>Max Auto Prepare</c>).</summary>
    public const int MaxAutoPrepare = 32;

    /// <summary>
    /// <paramref name="connectionString"/> with <c>Max Auto Prepare</c> set to <see cref="MaxAutoPrepare"/> and
    /// <c>No Reset On Close</c> to true, each where the string names none; an operator's own setting is kept
    /// (<c>Max Auto Prepare=0</c> switches preparation off, <c>No Reset On Close=false</c> restores the reset).
    /// </summary>
    public static string Apply(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var named = given.Keys.Cast<string>().Select(key => key.Replace(" ", "", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var prepare = !named.Contains("MaxAutoPrepare");
        var noReset = !named.Contains("NoResetOnClose");
        if (!prepare && !noReset)
        {
            return connectionString;
        }

        var applied = new NpgsqlConnectionStringBuilder(connectionString);
        if (prepare)
        {
            applied.MaxAutoPrepare = MaxAutoPrepare;
        }

        if (noReset)
        {
            applied.NoResetOnClose = true;
        }

        return applied.ConnectionString;
    }
}
