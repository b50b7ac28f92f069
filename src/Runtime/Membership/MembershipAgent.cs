using System.Globalization;

namespace Rides.Runtime.Membership;

/// <summary>
/// This silo's row in the membership table: inserted as Active at start, heartbeated, and marked
/// Dead at graceful stop. Each status change is a conditional update on the table version.
/// </summary>
internal sealed partial class MembershipAgent(IMembershipTable table, TimeProvider time, Microsoft.Extensions.Logging.ILogger<MembershipAgent> logger) : IAsyncDisposable
{
    private static readonly TimeSpan HeartbeatPeriod = TimeSpan.FromSeconds(5);
    private ITimer? _heartbeat;

    public string SiloAddress { get; } = $"127.0.0.1:0:{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}";

    public async Task JoinAsync(string siloName, CancellationToken cancellationToken)
    {
        await table.InitializeAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var entry = new MembershipEntry(SiloAddress, siloName, SiloStatus.Active, now, now, []);
        while (true)
        {
            var snapshot = await table.ReadAllAsync(cancellationToken).ConfigureAwait(false);
            if (await table.InsertRowAsync(entry, snapshot.Version, cancellationToken).ConfigureAwait(false))
            {
                break;
            }
        }

        _heartbeat = time.CreateTimer(
            static s => { var self = (MembershipAgent)s!; _ = self.HeartbeatAsync(); },
            this,
            HeartbeatPeriod,
            HeartbeatPeriod);
    }

    public async Task LeaveAsync(CancellationToken cancellationToken)
    {
        await DisposeAsync().ConfigureAwait(false);
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var snapshot = await table.ReadAllAsync(cancellationToken).ConfigureAwait(false);
            var mine = snapshot.Entries.FirstOrDefault(e => e.SiloAddress == SiloAddress);
            if (mine is null || await table.UpdateRowAsync(mine with { Status = SiloStatus.Dead, IAmAliveTime = time.GetUtcNow() }, snapshot.Version, cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_heartbeat is not null)
        {
            await _heartbeat.DisposeAsync().ConfigureAwait(false);
            _heartbeat = null;
        }
    }

    private async Task HeartbeatAsync()
    {
        try
        {
            await table.UpdateIAmAliveAsync(SiloAddress, time.GetUtcNow()).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // A missed heartbeat is retried at the next period; peers tolerate several.
            HeartbeatFailed(logger, ex);
        }
    }

    [Microsoft.Extensions.Logging.LoggerMessage(1101, Microsoft.Extensions.Logging.LogLevel.Warning, "Membership heartbeat failed")]
    private static partial void HeartbeatFailed(Microsoft.Extensions.Logging.ILogger logger, Exception exception);
}
