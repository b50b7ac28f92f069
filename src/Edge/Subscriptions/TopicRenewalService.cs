using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Rides.Edge.Subscriptions;

/// <summary>
/// Keeps this node's topic subscriptions alive. Every <see cref="EdgeEventOptions.MembershipCheckPeriod"/> it
/// asks the cluster which silos are active; when one has left (died or shut down), the topic grains it hosted
/// are gone with their subscriber lists, so every held subscription is renewed at once, which re-creates the
/// lost ones on a live silo, and again on each check for the next few seconds while the cluster settles. Failed renewals are retried at the next check; all of them are renewed every
/// <see cref="EdgeEventOptions.RenewalPeriod"/> anyway, which keeps their leases.
/// </summary>
internal sealed partial class TopicRenewalService(
    TopicSubscriptions subscriptions,
    IClusterClient cluster,
    IOptions<EdgeEventOptions> options,
    TimeProvider time,
    ILogger<TopicRenewalService> logger) : BackgroundService
{
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(2);

    /// <summary>How long after a silo left every check renews again (membership and directory settle meanwhile).</summary>
    private static readonly TimeSpan SettlingTime = TimeSpan.FromSeconds(6);
    private HashSet<string> _silos = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        using var timer = new PeriodicTimer(settings.MembershipCheckPeriod, time);
        // One slice of the subscriptions per check, so each is renewed once per renewal period and the calls are
        // spread over it: renewed all at once, thousands of calls every period stalled everything else for a moment.
        var slices = (int)Math.Clamp(settings.RenewalPeriod / settings.MembershipCheckPeriod, 1, 3600);
        var tick = 0L;
        var retry = false;
        var settleUntil = DateTimeOffset.MinValue;
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            tick++;
            var silosLeft = await SilosLeftAsync().ConfigureAwait(false);
            var now = time.GetUtcNow();
            if (silosLeft)
            {
                // The cluster's directory takes a few seconds to agree that the silo is gone; until it does, a
                // renewal may land on an activation of the topic that is about to be dropped as a duplicate.
                // So renew at once, then on every check until the settling time has passed.
                settleUntil = now + SettlingTime;
                LogRenewingAfterSiloLeft(logger, subscriptions.TopicCount);
            }

            var failed = silosLeft || retry || now <= settleUntil
                ? await subscriptions.RenewAllAsync(stoppingToken).ConfigureAwait(false)
                : await subscriptions.RenewSliceAsync((int)(tick % slices), slices, stoppingToken).ConfigureAwait(false);
            retry = failed > 0;
        }
    }

    /// <summary>Whether a silo active at the last check is no longer active; a failed check counts as no change.</summary>
    private async Task<bool> SilosLeftAsync()
    {
        Dictionary<SiloAddress, SiloStatus> hosts;
        try
        {
            // Bounded: the call may be on its way to the very silo that just died.
            hosts = await cluster.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(CheckTimeout).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogMembershipCheckFailed(logger, exception);
            return false;
        }

        var current = hosts.Keys.Select(silo => silo.ToParsableString()).ToHashSet(StringComparer.Ordinal);
        var left = _silos.Count > 0 && !_silos.IsSubsetOf(current);
        _silos = current;
        return left;
    }

    [LoggerMessage(EventId = 331, Level = LogLevel.Information, Message = "A silo left the cluster: renewing all {Count} topic subscriptions of this edge node")]
    private static partial void LogRenewingAfterSiloLeft(ILogger logger, int count);

    [LoggerMessage(EventId = 332, Level = LogLevel.Debug, Message = "Reading the cluster's active silos failed; checked again at the next period")]
    private static partial void LogMembershipCheckFailed(ILogger logger, Exception exception);
}
