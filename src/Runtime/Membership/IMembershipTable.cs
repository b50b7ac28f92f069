namespace Rides.Runtime.Membership;

/// <summary>
/// The cluster's membership table. Every change is a conditional update on the table version,
/// the single linearisation point that decides who is alive.
/// </summary>
public interface IMembershipTable
{
    /// <summary>Creates the table and its version row if needed.</summary>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>All silos and the table version.</summary>
    Task<MembershipSnapshot> ReadAllAsync(CancellationToken cancellationToken = default);

    /// <summary>Inserts a silo if the table version is still <paramref name="expectedVersion"/>; false otherwise.</summary>
    Task<bool> InsertRowAsync(MembershipEntry entry, long expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>Updates a silo if the table version is still <paramref name="expectedVersion"/>; false otherwise.</summary>
    Task<bool> UpdateRowAsync(MembershipEntry entry, long expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>Records a heartbeat (not versioned: it never changes who is alive).</summary>
    Task UpdateIAmAliveAsync(string siloAddress, DateTimeOffset iAmAliveTime, CancellationToken cancellationToken = default);

    /// <summary>Removes silos declared dead before <paramref name="beforeDate"/>.</summary>
    Task CleanupDefunctEntriesAsync(DateTimeOffset beforeDate, CancellationToken cancellationToken = default);
}

/// <summary>Whether a silo is taking part in the cluster.</summary>
public enum SiloStatus
{
    /// <summary>Not yet known.</summary>
    None = 0,

    /// <summary>Starting, not yet placing grains.</summary>
    Joining = 1,

    /// <summary>Alive and placing grains.</summary>
    Active = 2,

    /// <summary>Shutting down gracefully.</summary>
    ShuttingDown = 3,

    /// <summary>Stopped or declared dead.</summary>
    Dead = 4,
}

/// <summary>One row of the membership table.</summary>
/// <param name="SiloAddress">host:port:generation, unique for every start of a silo.</param>
/// <param name="SiloName">A human name.</param>
/// <param name="Status">The silo's status.</param>
/// <param name="StartTime">When the silo started.</param>
/// <param name="IAmAliveTime">The last heartbeat.</param>
/// <param name="SuspectTimes">Peers that suspect it, with when.</param>
public sealed record MembershipEntry(
    string SiloAddress,
    string SiloName,
    SiloStatus Status,
    DateTimeOffset StartTime,
    DateTimeOffset IAmAliveTime,
    IReadOnlyList<SuspectTime> SuspectTimes);

/// <summary>A peer's suspicion of a silo.</summary>
public sealed record SuspectTime(string SuspectingSilo, DateTimeOffset Time);

/// <summary>The whole table at one version.</summary>
public sealed record MembershipSnapshot(IReadOnlyList<MembershipEntry> Entries, long Version);
