using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using Rides.Edge.Protocol;
using Rides.Grains.Errors;

namespace Rides.Edge.Sockets;

public sealed partial class SocketSession
{
    private static readonly TimeSpan MaxTimerDue = TimeSpan.FromDays(30);

    /// <summary>Runs the session until the socket closes: registers it, greets, reads, handles and writes; releases everything at the end.</summary>
    internal async Task RunAsync(SocketTranslator translator, CancellationToken requestAborted)
    {
        _translator = translator;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, _ended.Token);
        _registry.Open(ConnectionId, new SocketOutlet(this, translator));
        LogOpened(_logger, _dialect.Name, ConnectionId, Caller.UserId);
        var writing = WriteLoopAsync();
        var untilExpiry = ExpiresAt - Time.GetUtcNow();
        using var expiry = Time.CreateTimer(
            _ => Close(WebSocketCloseStatus.PolicyViolation, "The access token expired."),
            null,
            untilExpiry < TimeSpan.Zero ? TimeSpan.Zero : untilExpiry > MaxTimerDue ? MaxTimerDue : untilExpiry,
            Timeout.InfiniteTimeSpan);
        var handling = Task.CompletedTask;
        try
        {
            await HandleAsync(null, async () =>
            {
                await _drivers.OpenedAsync(ConnectionId, Caller).ConfigureAwait(false);
                await translator.OnOpenedAsync().ConfigureAwait(false);
            }).ConfigureAwait(false);
            handling = HandleLoopAsync(linked.Token);
            await ReceiveLoopAsync(linked.Token).ConfigureAwait(false);
        }
        finally
        {
            _inbound.Writer.TryComplete();
            await _drivers.ClosedAsync(ConnectionId, Caller).ConfigureAwait(false);
            await _registry.CloseAsync(ConnectionId).ConfigureAwait(false);
            Interlocked.Exchange(ref _closing, 1);
            _outbound.Writer.TryComplete();
            await Task.WhenAny(writing, Task.Delay(_options.CloseTimeout, Time)).ConfigureAwait(false);
            await _ended.CancelAsync().ConfigureAwait(false);
            await handling.ConfigureAwait(false);
            LogClosed(_logger, _dialect.Name, ConnectionId, _socket.CloseStatus?.ToString() ?? _socket.State.ToString());
        }
    }

    private async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        var chunk = ArrayPool<byte>.Shared.Rent(4096);
        var message = new ArrayBufferWriter<byte>();
        var tooBig = false;
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(chunk.AsMemory(), cancellationToken).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    // The client closes: answer its close (after what is queued) and stop reading.
                    Close(WebSocketCloseStatus.NormalClosure, string.Empty);
                    return;
                }

                if (!tooBig && message.WrittenCount + result.Count > _options.MaxFrameBytes)
                {
                    tooBig = true;
                    LogFrameTooBig(_logger, ConnectionId, _options.MaxFrameBytes);

                    // The dialect's error frame with the code first, then the close that WebSocket prescribes (1009).
                    Send(_translator!.ErrorFrame(new SocketError(
                        EdgeErrorCodes.PayloadTooLarge,
                        $"Frames are limited to {_options.MaxFrameBytes / 1024} KB.",
                        $"a frame of more than {_options.MaxFrameBytes} bytes was received; the socket is closed with 1009",
                        null)));
                    Close(WebSocketCloseStatus.MessageTooBig, $"Frames are limited to {_options.MaxFrameBytes / 1024} KB.");
                }

                if (!tooBig && !IsClosing)
                {
                    message.Write(chunk.AsSpan(0, result.Count));
                }

                if (!result.EndOfMessage)
                {
                    continue;
                }

                if (!tooBig && !IsClosing)
                {
                    await _inbound.Writer.WriteAsync(new Inbound(result.MessageType, message.WrittenSpan.ToArray()), cancellationToken).ConfigureAwait(false);
                }

                message.Clear();
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException or System.Threading.Channels.ChannelClosedException)
        {
            // Aborted, dropped by the keep-alive, or the request ended: the session ends.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private async Task HandleLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var inbound in _inbound.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                // While closing, frames are drained unhandled, so the reader never waits on a full queue.
                if (!IsClosing)
                {
                    await HandleInboundAsync(inbound).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The session ended.
        }
    }

    private Task HandleInboundAsync(Inbound inbound)
    {
        if (inbound.Type != WebSocketMessageType.Text)
        {
            return SendErrorAsync(new SocketError(ErrorCodes.ValidationFailed, "Frames must be JSON text.", "a binary frame was received", null));
        }

        if (JsonDepth.Exceeds(inbound.Payload))
        {
            LogFrameTooDeep(_logger, ConnectionId, JsonDepth.MaxDepth);
            return SendErrorAsync(new SocketError(ErrorCodes.ValidationFailed, "The frame is nested too deeply.", $"frames nest objects and arrays at most {JsonDepth.MaxDepth} levels deep", null));
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(inbound.Payload);
        }
        catch (JsonException)
        {
            return SendErrorAsync(new SocketError(ErrorCodes.ValidationFailed, "The frame is not JSON.", "frames are JSON objects with a type", null));
        }

        using (document)
        {
            var root = document.RootElement;
            if (JsonText.HasMalformedNames(root))
            {
                return SendErrorAsync(new SocketError(ErrorCodes.ValidationFailed, "The request is not valid.", "frame has a field name that is not well-formed Unicode text (it holds a lone surrogate)", null));
            }

            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("type", out var type)
                || string.IsNullOrWhiteSpace(JsonText.OneLineOrNull(type)))
            {
                return SendErrorAsync(new SocketError(ErrorCodes.ValidationFailed, "The request is not valid.", "frame must be a JSON object with a string type", null));
            }

            var frame = new SocketFrame(root.Clone(), JsonText.OneLineOrNull(type)!);
            return HandleAsync(frame, () => _translator!.OnFrameAsync(frame));
        }
    }

    private async Task HandleAsync(SocketFrame? frame, Func<Task> handle)
    {
        try
        {
            await handle().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (IsClosing)
        {
            // The session is ending.
        }
        catch (Exception failure)
        {
            var answer = FailureAnswer.For(failure);
            answer.Log(_logger, failure, "Frame " + (frame?.Type ?? "open"), ConnectionId);
            await SendErrorAsync(new SocketError(answer.Code, answer.Message, answer.Detail, frame)).ConfigureAwait(false);
        }
    }

    private Task SendErrorAsync(SocketError error)
    {
        Send(_translator!.ErrorFrame(error));
        return Task.CompletedTask;
    }

    private async Task WriteLoopAsync()
    {
        try
        {
            await foreach (var outbound in _outbound.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                if (outbound.CloseStatus is { } status)
                {
                    if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                    {
                        await _socket.CloseOutputAsync(status, outbound.CloseDescription, _ended.Token).ConfigureAwait(false);
                    }

                    return;
                }

                await _socket.SendAsync(outbound.Payload.AsMemory(), WebSocketMessageType.Text, endOfMessage: true, _ended.Token).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            // The socket is gone; the receive loop ends the session.
            Abort();
        }
    }
}
