using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Hosting;
using Rides.Grains;
using Rides.Grains.Rides;
using Rides.Silo.Hosting;

namespace Rides.Silo.Tests;

/// <summary>
/// Every ride registers a dispatch reminder and unregisters it once a driver accepts or the ride ends; Orleans'
/// local reminder service keeps each unregistered one in memory until its next read of the reminder table.
/// The host reads it every minute (<see cref="ReminderDefaults"/>), so those entries do not pile up.
/// </summary>
public sealed class ReminderTests
{
    private const string ActiveReminders = "orleans-reminders-active";

    [Fact]
    public async Task The_host_reads_the_reminder_table_every_minute_unless_configured()
    {
        await using var host = await SiloHost.StartAsync();
        var options = host.App.Services.GetRequiredService<IOptions<ReminderOptions>>().Value;
        Assert.Equal(TimeSpan.FromMinutes(1), options.RefreshReminderListPeriod);
    }

    [Fact]
    public async Task Reminders_of_canceled_rides_leave_the_silo_at_the_next_table_read()
    {
        await using var host = await SiloHost.StartAsync("--" + ReminderDefaults.SectionName + ":RefreshReminderListPeriod=00:00:02");
        using var gauge = new OrleansGauge(host.App.Services.GetRequiredService<IMeterFactory>(), ActiveReminders);
        var grains = host.App.Services.GetRequiredService<IGrainFactory>();

        // Orleans staggers a silo's first table read by up to the period (30 s at most), so the first round only
        // waits for that read; the second round, after it, sees the configured period.
        const int rides = 20;
        await CancelRidesAsync(grains, "first", rides);
        Assert.Equal(0L, await gauge.WaitForZeroAsync(TimeSpan.FromSeconds(40)));

        await CancelRidesAsync(grains, "second", rides);
        var held = gauge.Read();
        Assert.True(held >= rides, $"expected at least {rides} local reminder entries right after the cancels, read {held}");
        Assert.Equal(0L, await gauge.WaitForZeroAsync(TimeSpan.FromSeconds(10)));
    }

    private static async Task CancelRidesAsync(IGrainFactory grains, string round, int rides)
    {
        for (var i = 0; i < rides; i++)
        {
            var rider = new Caller($"rider_reminders_{round}_{i}", UserRole.Rider);
            var ride = grains.GetGrain<IRideGrain>(RideIds.New());
            await ride.Create(rider, new RideRequest(new Place(52.52, 13.40 + (i * 0.01)), new Place(52.53, 13.41 + (i * 0.01))));
            await ride.Cancel(rider, "testing reminders");
        }
    }
}
