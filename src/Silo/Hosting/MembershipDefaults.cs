using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace Rides.Silo.Hosting;

/// <summary>
/// How fast a cluster on PostgreSQL declares a silo dead. Orleans' defaults (a probe every 5 s, 3 missed,
/// 2 votes, the table read every 60 s) take 12–13 s from <c>kill -9</c> to a grain answering again elsewhere;
/// for a ride platform that is a stalled trip on every phone of that silo. These settings probe every second,
/// suspect after two missed probes, need two votes, and read the table every 2 s: about 1–2 s. The price is
/// a higher risk of declaring a silo dead that is only paused (a long GC, a starved machine); Orleans'
/// indirect probes, connection-liveness check and local-health degradation guard against that, and a
/// silo declared dead stops itself and is restarted by its supervisor, losing no acknowledged state (every
/// grain writes before it answers). Section <c>Rides:Silo:Membership</c> overrides any member of
/// <see cref="ClusterMembershipOptions"/>.
/// </summary>
public static class MembershipDefaults
{
    /// <summary>The configuration section that overrides these defaults.</summary>
    public const string SectionName = "Rides:Silo:Membership";

    /// <summary>Applies the platform's membership settings, then the configuration's overrides.</summary>
    public static void Configure(IServiceCollection services, IConfiguration configuration) =>
        OrleansOptionDefaults.Configure<ClusterMembershipOptions>(services, configuration, SectionName, Apply);

    /// <summary>The platform's settings over Orleans' defaults.</summary>
    public static void Apply(ClusterMembershipOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ProbeTimeout = TimeSpan.FromSeconds(1);
        options.NumMissedProbesLimit = 2;
        options.NumVotesForDeathDeclaration = 2;
        options.TableRefreshTimeout = TimeSpan.FromSeconds(2);
        options.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
        options.DeathVoteExpirationTimeout = TimeSpan.FromSeconds(30);
    }
}
