using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans.Storage;

namespace Rides.Grains.Storage;

/// <summary>
/// How every grain's state is stored, in memory and in PostgreSQL alike: System.Text.Json of the
/// state's own properties, enums by name, and no CLR type names. The grain declares the state type it
/// reads, so nothing in a stored row names a .NET type: renaming or moving a state class, or its
/// namespace, leaves every stored ride readable (Orleans' default JSON writes <c>$type</c> with the
/// full CLR name, which would orphan them). Renaming a property is what changes the format, as with
/// any schema; additive changes (new properties with defaults) read old rows fine.
/// </summary>
public sealed class JsonGrainStateSerializer : IGrainStorageSerializer
{
    /// <summary>The options states are written with (also what tests and tools read rows with).</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <inheritdoc />
    public BinaryData Serialize<T>(T? input) => BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(input, Options));

    /// <inheritdoc />
    public T? Deserialize<T>(BinaryData input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return JsonSerializer.Deserialize<T>(input.ToMemory().Span, Options);
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
