using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rides.Edge.Protocol;

/// <summary>The JSON conventions of the wire: snake_case names, enums by their wire names, nulls left out.</summary>
public static class EdgeJson
{
    /// <summary>Applies the wire conventions to <paramref name="options"/> (hub protocol and HTTP bodies alike).</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        if (!options.Converters.OfType<JsonStringEnumConverter>().Any())
        {
            // Enum members carry [JsonStringEnumMemberName] with their seed wire names (findingDriver, standard…).
            options.Converters.Add(new JsonStringEnumConverter());
        }
    }
}
