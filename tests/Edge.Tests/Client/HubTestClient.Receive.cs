using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;

namespace Rides.Edge.Tests.Client;

public sealed partial class HubTestClient
{
    private async Task ReceiveLoopAsync()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var chunk = new byte[8192];
        string? closeError = null;
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var result = await _socket.ReceiveAsync(chunk, _stop.Token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                buffer.Write(chunk.AsSpan(0, result.Count));
                closeError = await DrainRecordsAsync(buffer, closeError).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The connection ended; pending calls fail below.
        }

        var info = new HubCloseInfo(closeError, _socket.CloseStatus);
        _handshake.TrySetException(new HubConnectionClosedException(info));
        foreach (var pending in _pending.Values)
        {
            pending.TrySetException(new HubConnectionClosedException(info));
        }

        _closed.TrySetResult(info);
    }

    private async Task<string?> DrainRecordsAsync(ArrayBufferWriter<byte> buffer, string? closeError)
    {
        while (true)
        {
            var written = buffer.WrittenSpan;
            var end = written.IndexOf(RecordSeparator);
            if (end < 0)
            {
                return closeError;
            }

            var record = written[..end].ToArray();
            var rest = written[(end + 1)..].ToArray();
            buffer.Clear();
            buffer.Write(rest);
            closeError = await HandleRecordAsync(record).ConfigureAwait(false) ?? closeError;
        }
    }

    private async Task<string?> HandleRecordAsync(byte[] record)
    {
        using var document = JsonDocument.Parse(record);
        var root = document.RootElement;
        if (!_handshake.Task.IsCompleted)
        {
            if (root.TryGetProperty("error", out var handshakeError))
            {
                _handshake.TrySetException(new InvalidOperationException("Handshake refused: " + handshakeError.GetString()));
            }
            else
            {
                _handshake.TrySetResult();
            }

            return null;
        }

        switch (root.GetProperty("type").GetInt32())
        {
            case 1:
                var target = root.GetProperty("target").GetString()!;
                var arguments = root.GetProperty("arguments");
                var payload = arguments.GetArrayLength() > 0 ? arguments[0].Clone() : default;
                Events.Add(new HubEvent(target, payload));
                return null;
            case 3:
                CompleteInvocation(root);
                return null;
            case 6:
                await SendRawAsync(PingRecord, _stop.Token).ConfigureAwait(false);
                return null;
            case 7:
                return root.TryGetProperty("error", out var error) ? error.GetString() : null;
            default:
                return null;
        }
    }

    private void CompleteInvocation(JsonElement root)
    {
        var id = root.GetProperty("invocationId").GetString()!;
        if (!_pending.TryGetValue(id, out var completion))
        {
            return;
        }

        if (root.TryGetProperty("error", out var error))
        {
            completion.TrySetException(new HubInvocationException(error.GetString() ?? string.Empty));
        }
        else
        {
            completion.TrySetResult(root.TryGetProperty("result", out var result) ? result.Clone() : default);
        }
    }
}
