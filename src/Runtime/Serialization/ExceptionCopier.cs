using System.Reflection;
using System.Text.Json;

namespace Rides.Runtime.Serialization;

/// <summary>
/// Carries exceptions across the wire: the type's name, the message, and the public get-only
/// properties of simple types declared by the exception's own classes; rebuilt by the public
/// constructor whose parameter names match them. An unknown type becomes a <see cref="RemoteException"/>.
/// </summary>
internal static class ExceptionCopier
{
    private static readonly HashSet<string> BaseProperties = typeof(Exception).GetProperties().Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);

    public static byte[] Serialize(Exception exception)
    {
        var type = exception.GetType();
        var properties = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (BaseProperties.Contains(property.Name) || !IsSimple(property.PropertyType) || property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            properties[property.Name] = JsonSerializer.SerializeToElement(property.GetValue(exception), property.PropertyType);
        }

        return JsonSerializer.SerializeToUtf8Bytes(new WireException(type.FullName + ", " + type.Assembly.GetName().Name, exception.Message, properties));
    }

    public static Exception Deserialize(ReadOnlySpan<byte> data)
    {
        var wire = JsonSerializer.Deserialize<WireException>(data)!;
        var type = Type.GetType(wire.Type, throwOnError: false);
        if (type is null || !typeof(Exception).IsAssignableFrom(type))
        {
            return new RemoteException(wire.Type, wire.Message);
        }

        var values = new Dictionary<string, JsonElement>(wire.Properties, StringComparer.OrdinalIgnoreCase)
        {
            ["message"] = JsonSerializer.SerializeToElement(wire.Message),
        };
        foreach (var constructor in type.GetConstructors().OrderByDescending(c => c.GetParameters().Length))
        {
            var parameters = constructor.GetParameters();
            if (!parameters.All(p => values.ContainsKey(p.Name!) || p.HasDefaultValue))
            {
                continue;
            }

            var arguments = parameters
                .Select(p => values.TryGetValue(p.Name!, out var value) ? value.Deserialize(p.ParameterType) : p.DefaultValue)
                .ToArray();
            return (Exception)constructor.Invoke(arguments);
        }

        return new RemoteException(wire.Type, wire.Message);
    }

    public static Exception Copy(Exception exception) => Deserialize(Serialize(exception));

    private static bool IsSimple(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(Guid)
            || type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(TimeSpan);
    }

    private sealed record WireException(string Type, string Message, Dictionary<string, JsonElement> Properties);
}
