using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rides.Runtime.Serialization;

/// <summary>Serializes grain references (any <see cref="IAddressable"/> interface) as their grain id.</summary>
internal sealed class GrainReferenceJsonConverterFactory(Func<IGrainFactory> factory) : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsInterface && typeof(IAddressable).IsAssignableFrom(typeToConvert);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert), factory)!;

    private sealed class Converter<T>(Func<IGrainFactory> factory) : JsonConverter<T>
        where T : class, IAddressable
    {
        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                return null;
            }

            var id = GrainId.Parse(reader.GetString() ?? throw new JsonException("A grain reference must be a string."));
            return factory().GetGrain<T>(id);
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        {
            if (value is not IGrainReference reference)
            {
                throw new JsonException($"{value.GetType()} is not a grain reference; pass grain references, not grain instances (use AsReference).");
            }

            writer.WriteStringValue(reference.GrainId.ToString());
        }
    }
}
