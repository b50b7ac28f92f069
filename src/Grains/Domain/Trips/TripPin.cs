using System.Security.Cryptography;
using System.Text;

namespace Rides.Grains.Domain.Trips;

/// <summary>The 4-digit trip PIN (seed 002's OTP): generated at acceptance, checked at start.</summary>
public static class TripPin
{
    /// <summary>Digits in a PIN.</summary>
    public const int Length = 4;

    /// <summary>A uniformly random PIN, 0000 to 9999.</summary>
    public static string Generate() => RandomNumberGenerator.GetInt32(0, 10_000).ToString("D4", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Checks <paramref name="given"/> against <paramref name="expected"/> after
    /// <paramref name="failedAttempts"/> earlier wrong attempts, in constant time.
    /// </summary>
    public static PinCheckResult Check(string expected, string? given, int failedAttempts, int maxAttempts)
    {
        if (failedAttempts >= maxAttempts)
        {
            return PinCheckResult.Locked;
        }

        var candidate = given?.Trim() ?? string.Empty;
        var ok = candidate.Length == Length
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(candidate), Encoding.ASCII.GetBytes(expected));
        if (ok)
        {
            return PinCheckResult.Valid;
        }

        return failedAttempts + 1 >= maxAttempts ? PinCheckResult.WrongNowLocked : PinCheckResult.Wrong;
    }
}
