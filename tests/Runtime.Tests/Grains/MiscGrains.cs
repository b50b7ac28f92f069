using Rides.Runtime.Streams;

namespace Rides.Runtime.Tests.Grains;

/// <summary>An exception designed to cross the wire: get-only properties matched by constructor parameters.</summary>
public sealed class OrderRefusedException(string code, string message, int attempts) : Exception(message)
{
    public string Code { get; } = code;

    public int Attempts { get; } = attempts;
}

public sealed record Order(string Id, List<string> Items, decimal Total);

public interface IMiscGrain : IGrainWithStringKey
{
    Task Refuse(string code);

    Task<Order> Echo(Order order);

    Task<int> StoreAndCount(Order order);

    Task<Order?> Stored();

    Task<int> ValueTaskMethod(int x);

    ValueTask Nothing();

    Task StartTimer(TimeSpan due, TimeSpan period);

    Task<int> Ticks();

    Task SubscribeTo(string key);

    Task<List<long>> Received();

    Task<long> Publish(string key, string value);
}

public sealed class MiscGrain(Probe probe) : Grain, IMiscGrain
{
    private readonly List<long> _received = [];
    private Order? _stored;
    private int _ticks;
    private bool _inTurn;

    public Task Refuse(string code) => throw new OrderRefusedException(code, $"Order refused: {code}", 3);

    public Task<Order> Echo(Order order) => Task.FromResult(order);

    public Task<int> StoreAndCount(Order order)
    {
        _stored = order;
        return Task.FromResult(order.Items.Count);
    }

    public Task<Order?> Stored() => Task.FromResult(_stored);

    public Task<int> ValueTaskMethod(int x) => Task.FromResult(x * 2);

    public ValueTask Nothing() => ValueTask.CompletedTask;

    public Task StartTimer(TimeSpan due, TimeSpan period)
    {
        RegisterGrainTimer(
            async _ =>
            {
                if (_inTurn)
                {
                    probe.Signal("timer:interleaved");
                }

                _inTurn = true;
                await Task.Yield();
                _ticks++;
                _inTurn = false;
                probe.Signal($"timer:{_ticks}");
            },
            due,
            period);
        return Task.CompletedTask;
    }

    public Task<int> Ticks() => Task.FromResult(_ticks);

    public async Task SubscribeTo(string key)
    {
        var stream = GetStreamProvider().GetStream<string>(StreamId.Create("test", key));
        await stream.SubscribeAsync((item, token) =>
        {
            if (_inTurn)
            {
                probe.Signal("stream:interleaved");
            }

            _received.Add(token.SequenceNumber);
            probe.Signal($"stream:{GetPrimaryKeyString()}:{token.SequenceNumber}", item);
            return Task.CompletedTask;
        });
    }

    public Task<List<long>> Received() => Task.FromResult(_received.ToList());

    public Task<long> Publish(string key, string value) =>
        GetStreamProvider().GetStream<string>(StreamId.Create("test", key)).OnNextAsync(value);
}
