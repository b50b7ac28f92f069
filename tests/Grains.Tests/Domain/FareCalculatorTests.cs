using Rides.Grains.Domain.Fares;
using Rides.Grains.Domain.Geo;
using Rides.Grains.Rides;

namespace Rides.Grains.Tests.Domain;

public sealed class FareCalculatorTests
{
    private static readonly FareCalculator Calculator = new(new FareOptions());
    private static readonly GeoPoint Origin = new(37.7749, -122.4194);

    [Theory]
    [InlineData(VehicleType.Standard, 10.0, 20.0, 20.50)]   // 2.50 + 12.00 + 6.00
    [InlineData(VehicleType.Premium, 10.0, 20.0, 37.00)]    // 5.00 + 22.00 + 10.00
    [InlineData(VehicleType.Xl, 10.0, 20.0, 30.00)]         // 4.00 + 18.00 + 8.00
    [InlineData(VehicleType.Moto, 10.0, 20.0, 11.50)]       // 1.50 + 7.00 + 3.00
    public void A_fare_is_base_plus_distance_plus_time_by_vehicle_type(VehicleType type, double km, double minutes, double expected)
    {
        Assert.Equal((decimal)expected, Calculator.Price(type, km, minutes));
    }

    [Theory]
    [InlineData(VehicleType.Standard, 6.00)]
    [InlineData(VehicleType.Premium, 12.00)]
    [InlineData(VehicleType.Xl, 10.00)]
    [InlineData(VehicleType.Moto, 3.50)]
    public void A_short_ride_costs_the_minimum_fare(VehicleType type, double minimum)
    {
        Assert.Equal((decimal)minimum, Calculator.Price(type, 0.2, 1));
    }

    [Fact]
    public void A_fare_is_rounded_to_cents_half_away_from_zero()
    {
        // 2.50 + 1.20 * 3.3333 + 0.30 * 10 = 9.49996 -> 9.50
        Assert.Equal(9.50m, Calculator.Price(VehicleType.Standard, 3.3333, 10));
    }

    [Fact]
    public void An_estimate_uses_the_road_factor_and_the_average_speed()
    {
        var destination = GeoMath.Offset(Origin, 10_000, 0);
        var estimate = Calculator.Estimate(Origin, destination, VehicleType.Standard);

        Assert.Equal(13.0, estimate.DistanceKm, 3);   // 10 km x 1.3
        Assert.Equal(26, estimate.DurationMinutes);     // 13 km at 30 km/h
        Assert.Equal(25.90m, estimate.Fare);            // 2.50 + 15.60 + 7.80
        Assert.Equal("USD", estimate.Currency);
    }

    [Fact]
    public void An_estimate_for_the_same_point_is_one_minute_at_the_minimum_fare()
    {
        var estimate = Calculator.Estimate(Origin, Origin, VehicleType.Premium);
        Assert.Equal(0, estimate.DistanceKm);
        Assert.Equal(1, estimate.DurationMinutes);
        Assert.Equal(12.00m, estimate.Fare);
    }

    [Fact]
    public void A_final_fare_uses_the_distance_driven_and_the_seconds_taken()
    {
        var receipt = Calculator.Final(VehicleType.Standard, 12.3, TimeSpan.FromSeconds(1800));
        Assert.Equal(26.26m, receipt.Fare); // 2.50 + 14.76 + 9.00
        Assert.Equal(12.3, receipt.DistanceKm);
        Assert.Equal(1800, receipt.DurationSeconds);
    }

    [Fact]
    public void The_eta_rounds_up_to_whole_minutes_and_is_at_least_one()
    {
        Assert.Equal(1, Calculator.EtaMinutes(0));
        Assert.Equal(2, Calculator.EtaMinutes(501)); // 501 m at 30 km/h = 1.002 min
        Assert.Equal(10, Calculator.EtaMinutes(5000));
    }
}
