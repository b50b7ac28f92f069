using System.Globalization;
using Microsoft.AspNetCore.Http;
using Rides.Grains.Errors;
using Rides.Grains.Rides;

namespace Rides.Edge.Rest;

/// <summary>
/// <c>?limit=&amp;skip=</c> of the history endpoints: whole numbers, or VALIDATION_FAILED naming them; the grain
/// checks their ranges (the same rule for every caller).
/// </summary>
internal static class HistoryQuery
{
    public static (int Limit, int Skip) Read(IQueryCollection query)
    {
        var problems = new List<string>();
        var limit = Number(query, "limit", RideHistoryLimits.DefaultPage, problems);
        var skip = Number(query, "skip", 0, problems);
        if (problems.Count > 0)
        {
            throw new RidesException(ErrorCodes.ValidationFailed, "The request is not valid.", string.Join("; ", problems));
        }

        return (limit, skip);
    }

    private static int Number(IQueryCollection query, string name, int fallback, List<string> problems)
    {
        if (!query.TryGetValue(name, out var values))
        {
            return fallback;
        }

        // ASCII digits with an optional sign only: .NET's parser would also take trailing NUL characters ("1%00").
        if (values.Count == 1 && IsWholeNumber(values[0]) && int.TryParse(values[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        problems.Add($"{name} must be one whole number");
        return fallback;
    }

    private static bool IsWholeNumber(string? text)
    {
        var digits = text is ['-' or '+', .. var rest] ? rest : text;
        return digits is { Length: > 0 and <= 10 } && digits.All(char.IsAsciiDigit);
    }
}
