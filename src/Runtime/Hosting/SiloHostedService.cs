using Microsoft.Extensions.Hosting;
using Rides.Runtime.Activation;
using Rides.Runtime.Membership;

namespace Rides.Runtime.Hosting;

/// <summary>Starts and stops the silo with its host: membership, reminders, idle collection; graceful shutdown deactivates everything.</summary>
internal sealed class SiloHostedService(SiloRuntime runtime, ActivationCollector collector, MembershipAgent membership) : IHostedService
{
    private ITimer? _streamCleanup;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await membership.JoinAsync(runtime.Options.SiloName, cancellationToken).ConfigureAwait(false);
        await runtime.Reminders.StartAsync(runtime.Router, cancellationToken).ConfigureAwait(false);
        collector.Start();
        var period = runtime.Streams.Options.IdleStreamAge / 4;
        _streamCleanup = runtime.TimeProvider.CreateTimer(static s => ((StreamsCleanup)s!).Run(), new StreamsCleanup(runtime), period, period);
        runtime.Log.SiloStarted(runtime.Options.SiloName);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await runtime.Reminders.DisposeAsync().ConfigureAwait(false);
        await collector.DisposeAsync().ConfigureAwait(false);
        if (_streamCleanup is not null)
        {
            await _streamCleanup.DisposeAsync().ConfigureAwait(false);
        }

        var count = runtime.Catalog.Count;
        await runtime.Catalog.DeactivateAllAsync(new DeactivationReason(DeactivationReasonCode.ShuttingDown, "Silo shutting down"), runtime.Options.ShutdownTimeout)
            .ConfigureAwait(false);
        await membership.LeaveAsync(cancellationToken).ConfigureAwait(false);
        runtime.Log.SiloStopped(runtime.Options.SiloName, count);
    }

    private sealed class StreamsCleanup(SiloRuntime runtime)
    {
        public void Run() => runtime.Streams.CollectIdle();
    }
}
