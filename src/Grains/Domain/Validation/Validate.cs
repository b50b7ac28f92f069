using System.Globalization;

namespace Rides.Grains.Domain.Validation;

/// <summary>Argument checks that throw VALIDATION_FAILED naming the field (seed 000's snake_case names).</summary>
public static class Validate
{
    /// <summary>Latitude and longitude finite and in range.</summary>
    public static GeoPoint Point(double latitude, double longitude, string field)
    {
        if (!double.IsFinite(latitude) || latitude is < -90 or > 90)
        {
            throw DomainErrors.Validation(field + ".latitude", "must be between -90 and 90");
        }

        if (!double.IsFinite(longitude) || longitude is < -180 or > 180)
        {
            throw DomainErrors.Validation(field + ".longitude", "must be between -180 and 180");
        }

        return new GeoPoint(latitude, longitude);
    }

    /// <summary>Required text: trimmed, 1 to <paramref name="maxLength"/> characters.</summary>
    public static string RequiredText(string? value, string field, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw DomainErrors.Validation(field, "is required");
        }

        if (trimmed.Length > maxLength)
        {
            throw DomainErrors.Validation(field, string.Create(CultureInfo.InvariantCulture, $"must be at most {maxLength} characters"));
        }

        return trimmed;
    }

    /// <summary>Optional text: null when empty, trimmed, at most <paramref name="maxLength"/> characters.</summary>
    public static string? OptionalText(string? value, string field, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (trimmed.Length > maxLength)
        {
            throw DomainErrors.Validation(field, string.Create(CultureInfo.InvariantCulture, $"must be at most {maxLength} characters"));
        }

        return trimmed;
    }

    /// <summary>
    /// An optional phone number: an optional leading '+' and 7 to 15 digits (E.164's most), spaces and '-'
    /// allowed between them; returned without the separators, null when empty.
    /// </summary>
    public static string? OptionalPhone(string? value, string field)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        var plus = trimmed[0] == '+';
        var digits = new System.Text.StringBuilder(16);
        foreach (var c in plus ? trimmed.AsSpan(1) : trimmed.AsSpan())
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c is not (' ' or '-'))
            {
                throw DomainErrors.Validation(field, "must be digits with an optional leading '+'");
            }
        }

        if (digits.Length is < 7 or > 15)
        {
            throw DomainErrors.Validation(field, "must have 7 to 15 digits");
        }

        return (plus ? "+" : string.Empty) + digits;
    }

    /// <summary>An optional number within an inclusive range.</summary>
    public static double? OptionalRange(double? value, string field, double min, double max)
    {
        if (value is { } v && (!double.IsFinite(v) || v < min || v > max))
        {
            throw DomainErrors.Validation(field, string.Create(CultureInfo.InvariantCulture, $"must be between {min} and {max}"));
        }

        return value;
    }

    /// <summary>A defined enum value.</summary>
    public static T Enum<T>(T value, string field)
        where T : struct, System.Enum
    {
        if (!System.Enum.IsDefined(value))
        {
            throw DomainErrors.Validation(field, "is not a known value");
        }

        return value;
    }
}
