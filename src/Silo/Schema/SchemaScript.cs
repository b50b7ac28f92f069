namespace Rides.Silo.Schema;

/// <summary>One SQL script of the Rides schema, embedded from <c>deploy/sql</c>.</summary>
/// <param name="Name">The script's file name under <c>deploy/sql</c>, e.g. <c>02_clustering.sql</c>.</param>
/// <param name="Sql">The script's text.</param>
public sealed record SchemaScript(string Name, string Sql);
