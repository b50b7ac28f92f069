using Orleans.Concurrency;

namespace Rides.Grains.Events;

/// <summary>
/// What an edge node registers with the topics its connections need: one observer per edge process,
/// which hands each event to that node's own connections (nothing per connection inside the cluster).
/// </summary>
[Alias("rides.IEventSink")]
public interface IEventSink : IGrainObserver
{
    /// <summary>Receives one event. One-way: a slow or dead edge never holds up the publisher.</summary>
    [OneWay]
    Task OnEvent(TopicEvent e);
}
