using System.Buffers;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json;

namespace Rides.LoadGen.Client;

public sealed partial class RawHubClient
{
    private async Task ReceiveLoopAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        Exception closed = new WebSocketException("The hub connection closed.");
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var result = await _socket.ReceiveAsync(buffer.GetMemory(8 * 1024), _stop.Token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                buffer.Advance(result.Count);
                if (result.EndOfMessage && !await DrainRecordsAsync(buffer, Stopwatch.GetTimestamp()).ConfigureAwait(false))
                {
                    break;
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The connection ended; pending calls fail below.
        }
        catch (Exception exception)
        {
            // A record that does not parse, or a failing event handler: the pending calls fail with it
            // instead of waiting for the run's budget.
            closed = exception;
        }

        _handshake.TrySetException(closed);
        foreach (var pending in _pending.Values)
        {
            pending.TrySetException(closed);
        }
    }

    /// <summary>Handles every complete record in <paramref name="buffer"/>, keeps a partial one; false after a close record.</summary>
    private async Task<bool> DrainRecordsAsync(ArrayBufferWriter<byte> buffer, long receivedAt)
    {
        var open = true;
        var written = buffer.WrittenMemory;
        int end;
        while ((end = written.Span.IndexOf(RecordSeparator)) >= 0)
        {
            open &= await HandleRecordAsync(written[..end], receivedAt).ConfigureAwait(false);
            written = written[(end + 1)..];
        }

        var rest = written.ToArray();
        buffer.Clear();
        buffer.Write(rest);
        return open;
    }

    private async Task<bool> HandleRecordAsync(ReadOnlyMemory<byte> record, long receivedAt)
    {
        using var document = JsonDocument.Parse(record);
        var root = document.RootElement;
        if (!_handshake.Task.IsCompleted)
        {
            if (root.TryGetProperty("error", out var refused))
            {
                _handshake.TrySetException(new InvalidOperationException("Handshake refused: " + refused.GetString()));
                return false;
            }

            _handshake.TrySetResult();
            return true;
        }

        switch (root.GetProperty("type").GetInt32())
        {
            case 1:
                var arguments = root.GetProperty("arguments");
                EventReceived?.Invoke(root.GetProperty("target").GetString()!, arguments.GetArrayLength() > 0 ? arguments[0] : default, receivedAt);
                return true;
            case 3:
                Complete(root, receivedAt);
                return true;
            case 6:
                await SendAsync(PingRecord, _stop.Token).ConfigureAwait(false);
                return true;
            case 7:
                return false;
            default:
                return true;
        }
    }

    private void Complete(JsonElement root, long receivedAt)
    {
        if (!_pending.TryGetValue(root.GetProperty("invocationId").GetString()!, out var completion))
        {
            return;
        }

        completion.TrySetResult(root.TryGetProperty("error", out var error)
            ? new HubCompletion(default, error.GetString() ?? "error", 0, receivedAt)
            : new HubCompletion(root.TryGetProperty("result", out var result) ? result.Clone() : default, null, 0, receivedAt));
    }
}
