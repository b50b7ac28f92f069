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

    /// <summary>The text of <paramref name="element"/> when it is a string of acceptable text on one line; otherwise null.</summary>
    public static string? OneLineOrNull(JsonElement element) =>
        element.ValueKind == JsonValueKind.String && Problem(element, allowLineBreaks: false, out var value) is null ? value : null;
}
