using System.Globalization;
using Rides.LoadGen.Hosting;
using Rides.LoadGen.Runs;

namespace Rides.LoadGen.Client;

/// <summary>Idle connections held by <see cref="ConnectionHolder"/> processes, <c>--per-process</c> each.</summary>
public sealed class HolderGroup : IAsyncDisposable
{
    private readonly List<ChildProcess> _holders = [];
    private int _released;

    private HolderGroup()
    {
    }

    /// <summary>Connections open.</summary>
    public int Held { get; private set; }

    /// <summary>Connections that could not be opened.</summary>
    public int Failed { get; private set; }

    /// <summary>The first failure's message of each holder that had one.</summary>
    public List<string> Errors { get; } = [];

    /// <summary>Connections the server closed while they were held (known after <see cref="ReleaseAsync"/>).</summary>
    public int Dropped { get; private set; }

    /// <summary>Opens <paramref name="count"/> connections on <paramref name="servers"/> (round-robin) and waits until every holder has tried all of its own.</summary>
    public static async Task<HolderGroup> StartAsync(RunContext run, string side, IReadOnlyList<Uri> servers, bool echo, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var group = new HolderGroup();
        try
        {
            var processes = Math.Max(1, (count + run.Options.PerProcess - 1) / run.Options.PerProcess);
            run.Progress($"{side}: {count} idle connections from {processes} holder process(es)");
            var waits = new List<Task<string>>();
            for (var h = 0; h < processes && count > 0; h++)
            {
                var share = count / processes + (h < count % processes ? 1 : 0);
                var holder = SelfProcess.Start($"holder {side} {h}", ConnectionHolder.Arguments(echo, servers, share, $"lgi-{run.Tag}-{side}{h}"), Path.Combine(run.OutDirectory, $"holder-{side}-{h}.log"));
                group._holders.Add(holder);
                waits.Add(holder.WaitForLineAsync(l => l.StartsWith(ConnectionHolder.HeldPrefix, StringComparison.Ordinal), TimeSpan.FromSeconds(120 + share / 20), cancellationToken));
            }

            foreach (var line in await Task.WhenAll(waits).ConfigureAwait(false))
            {
                var parts = line.Split(' ');
                group.Held += int.Parse(parts[1], CultureInfo.InvariantCulture);
                group.Failed += int.Parse(parts[3], CultureInfo.InvariantCulture);
                if (line.Contains("first error", StringComparison.Ordinal))
                {
                    group.Errors.Add(line);
                }
            }

            run.Progress($"{side}: {group.Held} held, {group.Failed} failed");
            return group;
        }
        catch
        {
            await group.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Lets go of every connection and waits for the holders to exit.</summary>
    public async Task ReleaseAsync()
    {
        if (Interlocked.Exchange(ref _released, 1) == 1)
        {
            return;
        }

        foreach (var holder in _holders)
        {
            holder.CloseInput();
        }

        foreach (var holder in _holders)
        {
            try
            {
                var line = await holder.WaitForLineAsync(l => l.StartsWith(ConnectionHolder.DroppedPrefix, StringComparison.Ordinal), TimeSpan.FromSeconds(60), CancellationToken.None).ConfigureAwait(false);
                Dropped += int.Parse(line.Split(' ')[1], CultureInfo.InvariantCulture);
            }
            catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
            {
            }

            await holder.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await ReleaseAsync().ConfigureAwait(false);
    }
}
