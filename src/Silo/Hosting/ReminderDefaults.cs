using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;

namespace Rides.Silo.Hosting;

/// <summary>
/// How long a silo remembers reminders that are gone. Orleans' local reminder service keeps an entry for every
/// reminder unregistered on this silo (a tombstone) until its next read of the reminder table no longer finds
/// it; by default that read comes every 5 minutes. Every ride registers a dispatch reminder when requested and
/// unregisters it when a driver accepts, so at 108 rides a second the 2-core soak held 33,558 such entries
/// (about 13 MB) just before a read. Reading the table every minute bounds them at one minute of rides; the
/// read is one range query of the few reminders still live (rides looking for a driver). Section
/// <c>Rides:Silo:Reminders</c> overrides any member of <see cref="ReminderOptions"/>.
/// </summary>
public static class ReminderDefaults
{
    /// <summary>The configuration section that overrides these defaults.</summary>
    public const string SectionName = "Rides:Silo:Reminders";

    /// <summary>Applies the platform's reminder settings, then the configuration's overrides.</summary>
    public static void Configure(IServiceCollection services, IConfiguration configuration) =>
        OrleansOptionDefaults.Configure<ReminderOptions>(services, configuration, SectionName, Apply);

    /// <summary>The platform's settings over Orleans' defaults.</summary>
    public static void Apply(ReminderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.RefreshReminderListPeriod = TimeSpan.FromMinutes(1);
    }
}
