using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rides.Runtime.Serialization;

/// <summary>Writes a <see cref="GrainId"/> as the string <c>type/key</c>.</summary>
public sealed class GrainIdJsonConverter : JsonConverter<GrainId>
{
    /// <inheritdoc />
    public override GrainId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        GrainId.Parse(reader.GetString() ?? throw new JsonException("A grain id must be a string."));

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, GrainId value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
