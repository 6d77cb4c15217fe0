using Bulwark.Atmosphere;
using Bulwark.Earth;
using Bulwark.Flight.Forces;
using Bulwark.Flight.Propagation;
using Bulwark.Flight.Vehicles;
using Bulwark.Numerics;
using Bulwark.Catalog.Reading;

namespace Bulwark.Tests.Catalog.Reading;

/// <summary>Flight files read into the values docs/flight-files.md promises, defaults included.</summary>
public class FlightFileTests
{
    private const string Minimal = """
        vehicle: { mass_kg: 12 }
        initial: { lat_deg: 30, lon_deg: 350, alt_m: 1000 }
        stop: { time_s: 20 }
        """;

    [Fact]
    public void AMinimalFileGetsTheDocumentedDefaults()
    {
        // docs/flight-files.md: WGS-84 (ellipsoid, μ, EGM96 J2, ω), ussa1976, no drag, NED velocity 0, output step 1 s.
        FlightFile f = FlightFile.Parse("m.yaml", Minimal);
        Assert.Equal(Planet.Wgs84, f.Environment.Planet);
        Assert.Same(UsStandardAtmosphere1976.Instance, f.Environment.Atmosphere);
        Assert.Equal(new PointMassBody(12, 0, DragCoefficient.Constant(0)), f.Vehicle);
        Assert.Equal(Geodetic.FromDegrees(30, 350, 1000), f.InitialPosition);
        Assert.Equal(Vec3.Zero, f.InitialVelocityNedMPerS);
        Assert.Equal((20.0, (double?)null, 1.0, true), (f.Options.StopTimeS, f.Options.StopAltitudeM, f.Options.OutputStepS, f.Options.LocateApogee));
        Assert.Equal(f.Environment.StateAt(0, f.InitialPosition, Vec3.Zero, 12), f.InitialState);
    }

    [Fact]
    public void ASphereAndAMachTableAreReadAsWritten()
    {
        const string text = """
            earth: { model: sphere, radius_m: 6000000, mu_m3_s2: 4.0e14, rotation_rad_s: 0 }
            atmosphere: none
            vehicle: { mass_kg: 5, reference_area_m2: 0.1, cd: { mach: [0, 1, 3], cd: [0.2, 0.5, 0.3] } }
            initial: { lat_deg: -10, lon_deg: 20, alt_m: 0, v_north_m_s: 1, v_east_m_s: 2, v_down_m_s: -3 }
            stop: { altitude_m: 0 }
            output: { step_s: 0.25 }
            """;
        FlightFile f = FlightFile.Parse("s.yaml", text);
        Assert.Equal(Planet.Sphere(6_000_000, 4.0e14, 0), f.Environment.Planet);
        Assert.Same(NoAtmosphere.Instance, f.Environment.Atmosphere);
        var table = Assert.IsType<MachTableDragCoefficient>(f.Vehicle.Cd);
        Assert.Equal([0.0, 1, 3], table.Mach);
        Assert.Equal([0.2, 0.5, 0.3], table.Cd);
        Assert.Equal(0.1, f.Vehicle.ReferenceAreaM2);
        Assert.Equal(new Vec3(1, 2, -3), f.InitialVelocityNedMPerS);
        Assert.Equal(((double?)null, (double?)0, 0.25), (f.Options.StopTimeS, f.Options.StopAltitudeM, f.Options.OutputStepS));
    }

    [Fact]
    public void FlyingTheFileSamplesAtItsStepToItsStop()
    {
        Trajectory t = FlightFile.Parse("m.yaml", Minimal.Replace("time_s: 20", "time_s: 2.5")).Fly();
        Assert.Equal([0, 1, 2, 2.5], t.Samples.Select(s => s.TimeS));
        Assert.Equal(FlightEnd.Time, t.End);
    }

    [Fact]
    public void AFlightThatNeverComesDownEndsInABoundedLocatedError()
    {
        const string orbit = """
            vehicle: { mass_kg: 100 }
            initial: { lat_deg: 0, lon_deg: 0, alt_m: 300000, v_east_m_s: 7730 }
            stop: { altitude_m: 0 }
            """;
        FlightFile f = FlightFile.Parse("orbit.yaml", orbit);
        InputException e = Assert.Throws<InputException>(f.Check);
        Assert.Equal(("orbit.yaml", 3, "stop"), (e.File, e.Line, e.Key));
        Assert.Contains("within 100,000 s", e.Message);
        Assert.Equal(e.Message, Assert.Throws<InputException>(() => f.Fly()).Message);
    }

    [Fact]
    public void MoreRowsThanTheLimitAreRefusedBeforeAnyAreMade()
    {
        FlightFile f = FlightFile.Parse("m.yaml", Minimal + "\noutput: { step_s: 0.00001 }");
        InputException e = Assert.Throws<InputException>(() => f.Fly());
        Assert.Equal("output.step_s", e.Key);
        Assert.Contains($"more than {FlightFile.MaxRows:N0} rows", e.Message);
    }

    [Theory]
    [InlineData("time_s: 20", "time_s: 1e9", "stop.time_s")]
    [InlineData("mass_kg: 12", "mass_kg: 4.9e-324", "vehicle.mass_kg")]
    public void UnflyableNumbersAreRefusedWhenRead(string from, string to, string key) =>
        Assert.Equal(key, Assert.Throws<InputException>(() => FlightFile.Parse("m.yaml", Minimal.Replace(from, to))).Key);
}
