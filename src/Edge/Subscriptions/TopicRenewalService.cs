using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Rides.Edge.Subscriptions;

/// <summary>Renews this node's topic subscriptions every <see cref="EdgeEventOptions.RenewalPeriod"/>.</summary>
internal sealed class TopicRenewalService(TopicSubscriptions subscriptions, IOptions<EdgeEventOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RenewalPeriod, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            await subscriptions.RenewAllAsync(stoppingToken).ConfigureAwait(false);
        }
    }
}
