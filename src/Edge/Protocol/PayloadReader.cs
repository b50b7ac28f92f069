using System.Globalization;
using System.Text.Json;
using Rides.Grains;
using Rides.Grains.Errors;

namespace Rides.Edge.Protocol;

/// <summary>
/// Reads one hub payload or REST body field by field and collects every problem, so a client learns all
/// that is wrong at once: <see cref="ThrowIfInvalid"/> throws VALIDATION_FAILED with them in the detail.
/// Unknown fields are ignored.
/// </summary>
internal sealed class PayloadReader
{
    private readonly JsonElement _object;
    private readonly string _prefix;
    private readonly List<string> _problems;

    public PayloadReader(JsonElement payload, string what = "payload")
        : this(payload, string.Empty, [])
    {
        if (payload.ValueKind != JsonValueKind.Object)
        {
            _problems.Add($"{what} must be a JSON object");
        }
        else if (JsonText.HasMalformedNames(payload))
        {
            // No field of it can be looked up safely: refuse it whole.
            _problems.Add($"{what} has a field name that is not well-formed Unicode text (it holds a lone surrogate)");
            _object = default;
        }
    }

    private PayloadReader(JsonElement element, string prefix, List<string> problems)
    {
        _object = element;
        _prefix = prefix;
        _problems = problems;
    }

    /// <summary>Whether nothing was wrong so far.</summary>
    public bool IsValid => _problems.Count == 0;

    /// <summary>Throws VALIDATION_FAILED naming every problem found.</summary>
    public void ThrowIfInvalid()
    {
        if (_problems.Count > 0)
        {
            throw new RidesException(ErrorCodes.ValidationFailed, "The request is not valid.", string.Join("; ", _problems));
        }
    }

    /// <summary>Records a problem found by the caller (a cross-field rule).</summary>
    public void Problem(string field, string problem) => _problems.Add($"{Path(field)} {problem}");

    /// <summary>Whether the field is present and not null.</summary>
    public bool Has(string field) => TryGet(field, out _);

    /// <summary>A required id: 1 to 64 letters, digits, '_', '-', '.', ':'.</summary>
    public string Id(string field) => OptionalId(field) ?? Missing<string>(field, string.Empty);

    /// <summary>Checks an id that came from elsewhere than a JSON payload (a route segment).</summary>
    public static string CheckId(string field, string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > PayloadLimits.MaxIdLength || !IsIdText(value))
        {
            throw new RidesException(ErrorCodes.ValidationFailed, "The request is not valid.", $"{field} must be 1 to 64 letters, digits, '_', '-', '.' or ':'");
        }

        return value;
    }

    /// <summary>An optional id, validated like <see cref="Id"/> when present.</summary>
    public string? OptionalId(string field)
    {
        var value = OptionalString(field, PayloadLimits.MaxIdLength);
        if (value is null)
        {
            return null;
        }

        if (value.Length == 0 || !IsIdText(value))
        {
            Problem(field, "must be 1 to 64 letters, digits, '_', '-', '.' or ':'");
            return null;
        }

        return value;
    }

    /// <summary>Required text with at least one non-blank character and at most <paramref name="maxLength"/> characters.</summary>
    public string Text(string field, int maxLength)
    {
        if (!TryGet(field, out _))
        {
            return Missing<string>(field, string.Empty);
        }

        var value = OptionalText(field, maxLength);
        return value ?? string.Empty;
    }

    /// <summary>Optional text: null when absent; blank counts as a problem when present.</summary>
    public string? OptionalText(string field, int maxLength)
    {
        var value = OptionalString(field, maxLength);
        if (value is not null && string.IsNullOrWhiteSpace(value))
        {
            Problem(field, "must not be blank");
            return null;
        }

        return value;
    }

    /// <summary>A required number in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public double Number(string field, double min, double max) =>
        OptionalNumber(field, min, max) ?? Missing(field, 0d);

    /// <summary>An optional number in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public double? OptionalNumber(string field, double min, double max)
    {
        if (!TryGet(field, out var element))
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Number || !element.TryGetDouble(out var value))
        {
            Problem(field, "must be a number");
            return null;
        }

        if (value < min || value > max)
        {
            Problem(field, $"must be between {Format(min)} and {Format(max)}");
            return null;
        }

        return value;
    }

    /// <summary>A required latitude in degrees (-90 to 90).</summary>
    public double Latitude(string field = "latitude") => Number(field, -90, 90);

    /// <summary>A required longitude in degrees (-180 to 180).</summary>
    public double Longitude(string field = "longitude") => Number(field, -180, 180);

    /// <summary>A required whole number in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public long Integer(string field, long min, long max) => OptionalInteger(field, min, max) ?? Missing(field, 0L);

    /// <summary>An optional whole number in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public long? OptionalInteger(string field, long min, long max)
    {
        if (!TryGet(field, out var element))
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt64(out var value))
        {
            Problem(field, "must be a whole number");
            return null;
        }

        if (value < min || value > max)
        {
            Problem(field, $"must be between {min} and {max}");
            return null;
        }

        return value;
    }

    /// <summary>A required message id: a positive whole number, also accepted as a string of digits.</summary>
    public long MessageId(string field)
    {
        if (TryGet(field, out var element) && element.ValueKind == JsonValueKind.String)
        {
            // Digits only: .NET's parser would also take trailing NUL characters ("1\u0000").
            var digits = JsonText.OneLineOrNull(element);
            if (digits is { Length: > 0 and <= 19 } && digits.All(char.IsAsciiDigit)
                && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0)
            {
                return parsed;
            }

            Problem(field, "must be a positive whole number");
            return 0;
        }

        return Integer(field, 1, long.MaxValue);
    }

    /// <summary>A required amount with at most two decimals, in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public decimal Amount(string field, decimal min, decimal max)
    {
        if (!TryGet(field, out var element))
        {
            return Missing(field, 0m);
        }

        if (element.ValueKind != JsonValueKind.Number || !element.TryGetDecimal(out var value))
        {
            Problem(field, "must be a number");
            return 0m;
        }

        if (value < min || value > max || decimal.Round(value, 2) != value)
        {
            Problem(field, $"must be between {min} and {max} with at most two decimals");
            return 0m;
        }

        return value;
    }

    /// <summary>A required boolean.</summary>
    public bool Boolean(string field)
    {
        if (!TryGet(field, out var element))
        {
            return Missing(field, false);
        }

        if (element.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            Problem(field, "must be true or false");
            return false;
        }

        return element.GetBoolean();
    }

    /// <summary>A required place: <c>{latitude, longitude, address?}</c>.</summary>
    public Place Place(string field)
    {
        if (!TryGet(field, out var element))
        {
            return Missing(field, new Place(0, 0));
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            Problem(field, "must be an object with latitude and longitude");
            return new Place(0, 0);
        }

        var nested = new PayloadReader(element, Path(field) + ".", _problems);
        return new Place(nested.Latitude(), nested.Longitude(), nested.OptionalText("address", PayloadLimits.MaxAddressLength));
    }

    private string? OptionalString(string field, int maxLength)
    {
        if (!TryGet(field, out var element))
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            Problem(field, "must be a string");
            return null;
        }

        if (JsonText.Problem(element, allowLineBreaks: true, out var value) is { } problem)
        {
            Problem(field, problem);
            return null;
        }

        if (value.Length > maxLength)
        {
            Problem(field, $"must be at most {maxLength} characters (got {value.Length})");
            return null;
        }

        return value;
    }

    private bool TryGet(string field, out JsonElement element)
    {
        element = default;
        return _object.ValueKind == JsonValueKind.Object
            && _object.TryGetProperty(field, out element)
            && element.ValueKind != JsonValueKind.Null;
    }

    private T Missing<T>(string field, T placeholder)
    {
        // A field that was present but wrong has its problem already; only absence is reported here.
        if (_object.ValueKind == JsonValueKind.Object && !(_object.TryGetProperty(field, out var element) && element.ValueKind != JsonValueKind.Null))
        {
            Problem(field, "is required");
        }

        return placeholder;
    }

    private string Path(string field) => _prefix + field;

    private static bool IsIdText(string value) => value.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or ':');

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
