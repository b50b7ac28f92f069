using System.Text.Json;

namespace Rides.Edge.Protocol;

/// <summary>
/// Reads client strings safely. JSON may carry escapes that are not text (<c>"\ud800"</c>, a lone surrogate):
/// System.Text.Json refuses to turn those into a string with an <see cref="InvalidOperationException"/>, which
/// must reach the client as a validation problem naming the field, never as an internal error. Control
/// characters are refused too, except tab and line breaks in free text.
/// </summary>
public static class JsonText
{
    /// <summary>Why <paramref name="element"/> (a JSON string) is not acceptable text, or null with the text in <paramref name="value"/>.</summary>
    public static string? Problem(JsonElement element, bool allowLineBreaks, out string value)
    {
        value = string.Empty;
        try
        {
            value = element.GetString() ?? string.Empty;
        }
        catch (InvalidOperationException)
        {
            return "must be well-formed Unicode text (it holds a lone surrogate)";
        }

        foreach (var c in value)
        {
            if (char.IsControl(c) && !(allowLineBreaks && c is '\t' or '\n' or '\r'))
            {
                return "must not contain control characters";
            }
        }

        return null;
    }

    /// <summary>
    /// Whether an object in <paramref name="element"/>, at any depth, has a field name that is not well-formed Unicode (a
    /// lone surrogate escape such as <c>{"\ud800": 1}</c>). System.Text.Json cannot read such a name, nor look up any
    /// other field of that object (<see cref="JsonElement.TryGetProperty(string, out JsonElement)"/> throws), so a
    /// payload holding one is refused whole before a field is read.
    /// </summary>
    public static bool HasMalformedNames(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    try
                    {
                        _ = property.Name;
                    }
                    catch (InvalidOperationException)
                    {
                        return true;
                    }

                    if (HasMalformedNames(property.Value))
                    {
                        return true;
                    }
                }

                return false;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (HasMalformedNames(item))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary>The text of <paramref name="element"/> when it is a string of acceptable text on one line; otherwise null.</summary>
    public static string? OneLineOrNull(JsonElement element) =>
        element.ValueKind == JsonValueKind.String && Problem(element, allowLineBreaks: false, out var value) is null ? value : null;
}
