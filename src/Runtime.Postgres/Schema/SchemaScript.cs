namespace Rides.Runtime.Postgres.Schema;

/// <summary>One embedded SQL script of the Rides schema.</summary>
/// <param name="Name">The resource name (ends with the file name under <c>deploy/sql</c>).</param>
/// <param name="Sql">The script's text.</param>
public sealed record SchemaScript(string Name, string Sql);
