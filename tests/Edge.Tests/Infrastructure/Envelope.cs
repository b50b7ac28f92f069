using System.Text.Json;

namespace Rides.Edge.Tests;

/// <summary>Assertions on seed 000's envelope.</summary>
public static class Envelope
{
    /// <summary>Asserts <c>status: success</c> and returns the envelope.</summary>
    public static JsonElement Success(JsonElement envelope)
    {
        Assert.True(
            envelope.ValueKind == JsonValueKind.Object && envelope.GetProperty("status").GetString() == "success",
            "Expected a success envelope but got " + envelope.GetRawText());
        Assert.False(envelope.TryGetProperty("code", out _), "A success carries no code: " + envelope.GetRawText());
        return envelope;
    }

    /// <summary>Asserts <c>status: error</c> with <paramref name="code"/> and returns the envelope.</summary>
    public static JsonElement Error(JsonElement envelope, string code)
    {
        Assert.True(envelope.ValueKind == JsonValueKind.Object, "Expected an envelope but got " + envelope.GetRawText());
        Assert.Equal("error", envelope.GetProperty("status").GetString());
        Assert.Equal(code, envelope.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(envelope.GetProperty("message").GetString()));
        AssertNoInternals(envelope);
        return envelope;
    }

    /// <summary>The string at a dotted path, e.g. <c>ride_data.status</c>.</summary>
    public static string? Str(this JsonElement element, string path) => At(element, path).GetString();

    /// <summary>The number at a dotted path.</summary>
    public static long Long(this JsonElement element, string path) => At(element, path).GetInt64();

    /// <summary>The number at a dotted path.</summary>
    public static double Dbl(this JsonElement element, string path) => At(element, path).GetDouble();

    /// <summary>Whether the string at a dotted path exists and equals <paramref name="value"/> (false when absent, for frame predicates).</summary>
    public static bool Is(this JsonElement element, string path, string? value) =>
        element.Has(path) && At(element, path).ValueKind == JsonValueKind.String && At(element, path).GetString() == value;

    /// <summary>Whether a dotted path exists and is not null.</summary>
    public static bool Has(this JsonElement element, string path)
    {
        var current = element;
        foreach (var part in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(part, out current))
            {
                return false;
            }
        }

        return current.ValueKind != JsonValueKind.Null;
    }

    /// <summary>The element at a dotted path.</summary>
    public static JsonElement At(this JsonElement element, string path)
    {
        var current = element;
        foreach (var part in path.Split('.'))
        {
            Assert.True(current.ValueKind == JsonValueKind.Object && current.TryGetProperty(part, out current), $"'{path}' is missing in {element.GetRawText()}");
        }

        return current;
    }

    /// <summary>Asserts that nothing internal (a stack trace, an exception type) is in the text.</summary>
    public static void AssertNoInternals(JsonElement envelope)
    {
        var text = envelope.GetRawText();
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Rides.", text, StringComparison.Ordinal);
    }
}
