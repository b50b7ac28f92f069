using System.Text.Json;
using Rides.Grains.Drivers;
using Rides.Grains.Rides;

namespace Rides.Edge.Protocol.Payloads;

/// <summary>
/// <c>{name, phone?, vehicle_make?, vehicle_model?, vehicle_type?, plate?, color?}</c>: <c>PUT /api/v1/drivers/me</c>.
/// This reader checks types and lengths; the driver grain checks the phone's digits and trims.
/// </summary>
/// <param name="Name">Display name, 1 to 100 characters.</param>
/// <param name="Phone">Optional '+' and 7 to 15 digits; spaces and '-' between them are dropped.</param>
/// <param name="VehicleMake">e.g. Toyota, at most 50 characters.</param>
/// <param name="VehicleModel">e.g. Camry, at most 50 characters.</param>
/// <param name="VehicleType">standard (default), premium, xl or moto: the rides the driver is offered.</param>
/// <param name="Plate">Licence plate, at most 50 characters.</param>
/// <param name="Color">Vehicle colour, at most 50 characters.</param>
public sealed record DriverProfilePayload(string Name, string? Phone, string? VehicleMake, string? VehicleModel, VehicleType VehicleType, string? Plate, string? Color)
{
    /// <summary>The longest vehicle make, model, plate or colour.</summary>
    public const int MaxVehicleFieldLength = 50;

    /// <summary>The longest phone number as typed, separators included.</summary>
    public const int MaxPhoneLength = 32;

    /// <summary>The driver grain's form.</summary>
    public DriverProfile ToProfile() => new(Name, VehicleMake, VehicleModel, VehicleType, Plate, Color, Phone);

    internal static DriverProfilePayload Read(JsonElement json, string what = "body")
    {
        var reader = new PayloadReader(json, what);
        var name = reader.Text("name", PayloadLimits.MaxNameLength);
        var phone = reader.OptionalText("phone", MaxPhoneLength);
        var make = reader.OptionalText("vehicle_make", MaxVehicleFieldLength);
        var model = reader.OptionalText("vehicle_model", MaxVehicleFieldLength);
        var vehicle = VehicleType.Standard;
        var vehicleText = reader.OptionalText("vehicle_type", 16);
        if (vehicleText is not null && !VehicleTypeNames.TryParse(vehicleText, out vehicle))
        {
            reader.Problem("vehicle_type", "must be one of standard, premium, xl, moto");
        }

        var payload = new DriverProfilePayload(name, phone, make, model, vehicle, reader.OptionalText("plate", MaxVehicleFieldLength), reader.OptionalText("color", MaxVehicleFieldLength));
        reader.ThrowIfInvalid();
        return payload;
    }
}
