using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rides.Edge.Protocol;
using Rides.Grains.Errors;

namespace Rides.Edge.Hubs;

/// <summary>
/// SignalR's JSON hub protocol (<c>json</c>, version 1) with the edge's limits checked before it parses: a message
/// over <see cref="PayloadLimits.MaxHubMessageBytes"/>, one nesting objects and arrays deeper than
/// <see cref="JsonDepth.MaxDepth"/>, or one that is not a SignalR JSON message cannot be answered (its invocation id
/// cannot be trusted), so SignalR closes the connection. Thrown as a <see cref="HubException"/>, the reason reaches
/// the client in the Close message, <c>{"type":7,"error":"Connection closed with an error. HubException:
/// PAYLOAD_TOO_LARGE: …"}</c> (SignalR passes a HubException's message on even without detailed errors), and is logged.
/// </summary>
internal sealed partial class RidesHubProtocol(IOptions<JsonHubProtocolOptions> options, ILogger<RidesHubProtocol> logger) : IHubProtocol
{
    private const byte RecordSeparator = 0x1e;
    private readonly JsonHubProtocol _inner = new(options);

    /// <inheritdoc />
    public string Name => _inner.Name;

    /// <inheritdoc />
    public int Version => _inner.Version;

    /// <inheritdoc />
    public TransferFormat TransferFormat => _inner.TransferFormat;

    /// <inheritdoc />
    public bool IsVersionSupported(int version) => _inner.IsVersionSupported(version);

    /// <inheritdoc />
    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => _inner.GetMessageBytes(message);

    /// <inheritdoc />
    public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => _inner.WriteMessage(message, output);

    /// <inheritdoc />
    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message)
    {
        var end = input.PositionOf(RecordSeparator);
        var record = end is { } position ? input.Slice(0, position) : input;

        // The connection handler hands over at most the limit; a whole limit without the record's end is too much.
        if (record.Length >= PayloadLimits.MaxHubMessageBytes)
        {
            LogRefused(logger, EdgeErrorCodes.PayloadTooLarge, $"a message over {PayloadLimits.MaxHubMessageBytes} bytes");
            throw new HubException($"{EdgeErrorCodes.PayloadTooLarge}: a hub message is limited to {PayloadLimits.MaxHubMessageBytes} bytes.");
        }

        if (end is null)
        {
            message = null;
            return false;
        }

        if (JsonDepth.Exceeds(record))
        {
            LogRefused(logger, ErrorCodes.ValidationFailed, $"a message nested deeper than {JsonDepth.MaxDepth} levels");
            throw new HubException($"{ErrorCodes.ValidationFailed}: a hub message may nest objects and arrays at most {JsonDepth.MaxDepth} levels deep.");
        }

        try
        {
            return _inner.TryParseMessage(ref input, binder, out message);
        }
        catch (InvalidDataException)
        {
            LogRefused(logger, ErrorCodes.ValidationFailed, "a message that is not SignalR JSON");
            throw new HubException($"{ErrorCodes.ValidationFailed}: the message is not a SignalR JSON hub message.");
        }
    }

    [LoggerMessage(EventId = 210, Level = LogLevel.Information, Message = "A hub connection sent {Reason}; it is closed with {Code}")]
    private static partial void LogRefused(ILogger logger, string code, string reason);
}
