namespace Rides.Runtime.Serialization;

/// <summary>
/// The one serializer of the runtime: messages, results, exceptions, stream events and grain
/// state all cross it. It understands grain references (written as their <see cref="GrainId"/>).
/// </summary>
public interface IWireSerializer
{
    /// <summary>Serializes a value of declared type <paramref name="type"/> to UTF-8 JSON.</summary>
    byte[] Serialize(object? value, Type type);

    /// <summary>Reads a value of type <paramref name="type"/> from UTF-8 JSON.</summary>
    object? Deserialize(ReadOnlySpan<byte> data, Type type);
}

/// <summary>Typed helpers over <see cref="IWireSerializer"/>.</summary>
public static class WireSerializerExtensions
{
    /// <summary>Serializes a <typeparamref name="T"/>.</summary>
    public static byte[] Serialize<T>(this IWireSerializer serializer, T value) => serializer.Serialize(value, typeof(T));

    /// <summary>Reads a <typeparamref name="T"/>.</summary>
    public static T Deserialize<T>(this IWireSerializer serializer, ReadOnlySpan<byte> data) => (T)serializer.Deserialize(data, typeof(T))!;

    /// <summary>Copies a value by a round trip through the serializer.</summary>
    public static T DeepCopy<T>(this IWireSerializer serializer, T value) => serializer.Deserialize<T>(serializer.Serialize(value));
}
