using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Rides.Edge.Tests.Fuzz;

/// <summary>
/// A JSON object kept as raw text field by field, so a case can carry what no serializer writes: a lone surrogate
/// escape, <c>1e400</c>, duplicate or empty keys, a value nested 50 deep.
/// </summary>
public sealed class RawObject
{
    private readonly List<(string Key, string Value)> _fields = [];

    /// <summary>The fields as raw JSON (key as a raw JSON string, value as raw JSON), in order.</summary>
    public IReadOnlyList<(string Key, string Value)> Fields => _fields;

    /// <summary>Sets <paramref name="name"/> to the raw JSON <paramref name="value"/>, replacing an earlier one.</summary>
    public RawObject Set(string name, string value)
    {
        var key = RawJson.Str(name);
        var index = _fields.FindIndex(f => f.Key == key);
        if (index >= 0)
        {
            _fields[index] = (key, value);
        }
        else
        {
            _fields.Add((key, value));
        }

        return this;
    }

    /// <summary>Adds a field with a raw key as written (duplicates and odd keys included).</summary>
    public RawObject AddRaw(string rawKey, string value)
    {
        _fields.Add((rawKey, value));
        return this;
    }

    /// <summary>Removes <paramref name="name"/>.</summary>
    public RawObject Remove(string name)
    {
        _fields.RemoveAll(f => f.Key == RawJson.Str(name));
        return this;
    }

    /// <summary>A copy.</summary>
    public RawObject Clone()
    {
        var copy = new RawObject();
        copy._fields.AddRange(_fields);
        return copy;
    }

    /// <summary>The object as JSON text.</summary>
    public override string ToString()
    {
        var text = new StringBuilder("{");
        for (var i = 0; i < _fields.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            text.Append(_fields[i].Key).Append(':').Append(_fields[i].Value);
        }

        return text.Append('}').ToString();
    }
}

/// <summary>Raw JSON values.</summary>
public static class RawJson
{
    /// <summary>A well-formed string value (control characters escaped by the serializer).</summary>
    public static string Str(string value) => JsonSerializer.Serialize(value);

    /// <summary>A number as JSON.</summary>
    public static string Num(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A whole number as JSON.</summary>
    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Arrays nested <paramref name="depth"/> deep.</summary>
    public static string Nested(int depth) => new string('[', depth) + new string(']', depth);

    /// <summary>A short form for failure messages: long values cut.</summary>
    public static string Short(string json) => json.Length <= 300 ? json : json[..200] + $"…({json.Length} chars)…" + json[^60..];
}
