namespace Rides.Silo.Hosting;

/// <summary>Where the silo keeps grain state, reminders and membership.</summary>
public enum SiloStorageMode
{
    /// <summary>In process memory: lost when the process stops (the embedded default).</summary>
    InMemory,

    /// <summary>In PostgreSQL (<c>ConnectionStrings:Rides</c> is set): durable, shared by a cluster.</summary>
    Postgres,
}
