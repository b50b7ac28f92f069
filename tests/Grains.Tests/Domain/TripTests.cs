using Rides.Grains.Domain.Geo;
using Rides.Grains.Domain.Trips;

namespace Rides.Grains.Tests.Domain;

public sealed class TripTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly GeoPoint Start = new(37.7749, -122.4194);

    [Fact]
    public void A_generated_pin_is_four_digits()
    {
        for (var i = 0; i < 200; i++)
        {
            var pin = TripPin.Generate();
            Assert.Equal(4, pin.Length);
            Assert.All(pin, c => Assert.True(char.IsAsciiDigit(c)));
        }
    }

    [Theory]
    [InlineData("0427", 0, PinCheckResult.Valid)]
    [InlineData(" 0427 ", 4, PinCheckResult.Valid)]
    [InlineData("0428", 0, PinCheckResult.Wrong)]
    [InlineData("427", 0, PinCheckResult.Wrong)]
    [InlineData(null, 3, PinCheckResult.Wrong)]
    [InlineData("0428", 4, PinCheckResult.WrongNowLocked)]
    [InlineData("0427", 5, PinCheckResult.Locked)]
    public void A_pin_check_counts_attempts(string? given, int failed, PinCheckResult expected)
    {
        Assert.Equal(expected, TripPin.Check("0427", given, failed, maxAttempts: 5));
    }

    [Fact]
    public void The_trip_meter_sums_the_distance_between_updates()
    {
        var meter = TripMeter.Zero;
        for (var i = 0; i <= 10; i++)
        {
            meter = meter.Add(GeoMath.Offset(Start, i * 100, 0), T0.AddSeconds(i * 10), 70);
        }

        Assert.Equal(1000, meter.DistanceMeters, 0);
        Assert.Equal(11, meter.Updates);
    }

    [Fact]
    public void The_trip_meter_ignores_an_implausible_jump_but_follows_it()
    {
        var meter = TripMeter.Zero
            .Add(Start, T0, 70)
            .Add(GeoMath.Offset(Start, 5000, 0), T0.AddSeconds(1), 70)
            .Add(GeoMath.Offset(Start, 5100, 0), T0.AddSeconds(11), 70);
        Assert.Equal(100, meter.DistanceMeters, 0);
        Assert.Equal(3, meter.Updates);
    }
}
