using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rides.Runtime.Serialization;

/// <summary>
/// <see cref="IWireSerializer"/> on System.Text.Json. Grain references are written as their id
/// and read back as references made by the grain factory of the process that reads them.
/// </summary>
public sealed class JsonWireSerializer : IWireSerializer
{
    private readonly JsonSerializerOptions _options;

    /// <summary>Creates a serializer; <paramref name="referenceFactory"/> turns ids back into references.</summary>
    public JsonWireSerializer(Func<IGrainFactory>? referenceFactory = null)
    {
        _options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            IncludeFields = false,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        };
        _options.Converters.Add(new JsonStringEnumConverter());
        if (referenceFactory is not null)
        {
            _options.Converters.Add(new GrainReferenceJsonConverterFactory(referenceFactory));
        }
    }

    /// <summary>The options in use (read-only once used).</summary>
    public JsonSerializerOptions Options => _options;

    /// <inheritdoc />
    public byte[] Serialize(object? value, Type type) => JsonSerializer.SerializeToUtf8Bytes(value, type, _options);

    /// <inheritdoc />
    public object? Deserialize(ReadOnlySpan<byte> data, Type type) => JsonSerializer.Deserialize(data, type, _options);
}
