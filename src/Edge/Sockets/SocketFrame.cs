using System.Text.Json;
using Rides.Edge.Protocol;
using Rides.Grains.Errors;

namespace Rides.Edge.Sockets;

/// <summary>
/// One client frame of a dialect: a JSON object with a string <c>type</c> (the core has checked both).
/// Read fields with the edge's payload readers (<c>RideIdPayload.Read(frame.Root)</c>, <see cref="Reader"/>),
/// which throw VALIDATION_FAILED naming every missing or wrong field; the core turns that into the dialect's
/// error frame.
/// </summary>
public sealed class SocketFrame
{
    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();

    internal SocketFrame(JsonElement root, string type)
    {
        Root = root;
        Type = type;
    }

    /// <summary>The frame's JSON object.</summary>
    public JsonElement Root { get; }

    /// <summary>The frame's <c>type</c>.</summary>
    public string Type { get; }

    /// <summary>The nested object <paramref name="name"/> (seed 004's <c>data</c>), or an empty object when absent.</summary>
    public JsonElement Object(string name) =>
        Root.TryGetProperty(name, out var nested) && nested.ValueKind == JsonValueKind.Object ? nested : EmptyObject;

    /// <summary>An optional string field, or null when absent, not a string, or not well-formed one-line text.</summary>
    public string? OptionalString(string name) =>
        Root.TryGetProperty(name, out var value) ? JsonText.OneLineOrNull(value) : null;

    /// <summary>
    /// An optional one-line string field, null when absent or null; present but not a string, or not well-formed text
    /// (a lone surrogate, a control character), it is refused with VALIDATION_FAILED naming the field, never ignored.
    /// </summary>
    public string? OptionalText(string name)
    {
        if (!Root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw new RidesException(ErrorCodes.ValidationFailed, "The request is not valid.", $"{name} must be a string");
        }

        if (JsonText.Problem(value, allowLineBreaks: false, out var text) is { } problem)
        {
            throw new RidesException(ErrorCodes.ValidationFailed, "The request is not valid.", $"{name} {problem}");
        }

        return text;
    }

    /// <summary>The refusal of a frame whose type the dialect does not know; <paramref name="known"/> are listed in the detail.</summary>
    public RidesException UnknownType(IEnumerable<string> known) =>
        new(EdgeErrorCodes.UnknownMessageType, $"Unknown message type '{Type}'.", "type must be one of " + string.Join(", ", known));

    internal PayloadReader Reader() => new(Root, "frame");
}
