using Bulwark.Atmosphere;
using Bulwark.Earth;
using Bulwark.Flight;
using Bulwark.Flight.Forces;
using Bulwark.Numerics;
using CsCheck;

namespace Bulwark.Tests.Flight.Forces;

/// <summary>
/// The context computes the height eagerly, from the inertial position, and the latitude, longitude and local axes only
/// when asked for (docs/performance.md, "The flight context's trigonometry"); what it gives must be what the
/// conversions give when called directly: to the bit where it calls them, to rounding where it takes a shorter way.
/// </summary>
public class FlightContextTests
{
    private static readonly FlightEnvironment Env = new(Planet.Wgs84, UsStandardAtmosphere1976.Instance);

    private static readonly Gen<(Vec3 R, Vec3 V, double T)> States =
        Gen.Select(Gen.Double[-1.55, 1.55], Gen.Double[-Math.PI, Math.PI], Gen.Double[-500, 2e6], Gen.Double[-7e3, 7e3], Gen.Double[0, 5e4],
            (lat, lon, h, v, t) =>
            {
                Vec3 r = Ellipsoid.Wgs84.ToEcef(new Geodetic(lat, lon, h));
                return (EarthRotation.EcefToEci(r, t, Env.Planet.RotationRateRadPerS), new Vec3(v, -0.5 * v, 0.25 * v), t);
            });

    private static void Same(double expected, double actual) =>
        Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual), $"expected {expected:R}, got {actual:R}");

    private static void Same(Vec3 expected, Vec3 actual)
    {
        Same(expected.X, actual.X);
        Same(expected.Y, actual.Y);
        Same(expected.Z, actual.Z);
    }

    [Fact]
    public void TheHeightIsTheInertialPositionsAndTheGeodeticPositionTheConversionsOwn()
    {
        // The height and the latitude's two numbers come from the ECI position (the rotation about the axis leaves the
        // distance from the axis as it is, up to rounding); the longitude from the ECEF position. Against the full
        // conversion of the ECEF position: the same longitude to the bit, the height within 1e−6 m and the latitude
        // within 1e−15 rad (rounding: x² + y² summed in other axes; a few 1e−9 m at the Earth's radius).
        double worstHeight = 0, worstLatitude = 0;
        States.Sample(s =>
        {
            var c = new FlightContext(Env, s.T, s.R, s.V, 1000, needsAir: true);
            Vec3 ecef = EarthRotation.EciToEcef(s.R, s.T, Env.Planet.RotationRateRadPerS);
            Geodetic g = Ellipsoid.Wgs84.ToGeodetic(ecef);
            Same(ecef, c.PositionEcefM);
            Same(Ellipsoid.Wgs84.HeightOf(s.R), c.HeightM);
            Same(c.HeightM, c.Geodetic.HeightM);
            Same(g.LongitudeRad, c.Geodetic.LongitudeRad);
            Assert.True(Math.Abs(c.HeightM - g.HeightM) <= 1e-6, $"height {c.HeightM:R} against {g.HeightM:R}");
            Assert.True(Math.Abs(c.Geodetic.LatitudeRad - g.LatitudeRad) <= 1e-15, $"latitude {c.Geodetic.LatitudeRad:R} against {g.LatitudeRad:R}");
            Assert.Equal(UsStandardAtmosphere1976.Instance.At(c.HeightM), c.Air);
            worstHeight = Math.Max(worstHeight, Math.Abs(c.HeightM - g.HeightM));
            worstLatitude = Math.Max(worstLatitude, Math.Abs(c.Geodetic.LatitudeRad - g.LatitudeRad));
        }, threads: 1);
        TestContext.Current.TestOutputHelper?.WriteLine($"largest differences: height {worstHeight:G3} m, latitude {worstLatitude:G3} rad");
    }

    [Fact]
    public void TheLocalAxesAreThoseOfTheGeodeticPointTurned()
    {
        // The axes are built without trigonometric functions (from the height's closed form and the ECI position);
        // against the ENU axes at the geodetic latitude and longitude turned by the Earth's rotation: within 1e−15 per
        // component (rounding), and the same accessor for each.
        double worst = 0;
        States.Sample(s =>
        {
            var c = new FlightContext(Env, s.T, s.R, s.V, 1000, needsAir: true);
            Geodetic g = c.Geodetic;
            Vec3 Turned(Vec3 enu) => EarthRotation.EcefToEci(LocalFrame.EnuToEcef(enu, g.LatitudeRad, g.LongitudeRad), s.T, Env.Planet.RotationRateRadPerS);
            LocalAxes axes = c.LocalAxesEci();
            worst = Math.Max(worst, Math.Max((axes.Up - Turned(Vec3.UnitZ)).Norm, Math.Max((axes.North - Turned(Vec3.UnitY)).Norm, (axes.East - Turned(Vec3.UnitX)).Norm)));
            Assert.True(worst <= 1e-15, $"axes {worst:G3} from the turned geodetic axes at {g}");
            Same(axes.Up, c.UpEci);
            Same(axes.North, c.NorthEci);
            Same(axes.East, c.EastEci);
        }, threads: 1);
        TestContext.Current.TestOutputHelper?.WriteLine($"largest difference {worst:G3}");
    }

    [Fact]
    public void OnThePolarAxisTheLongitudeIsZero()
    {
        // ToGeodetic gives longitude 0 on the axis; the axes there are those at longitude 0, turned by ωt.
        const double t = 1000;
        var c = new FlightContext(Env, t, new Vec3(0, 0, 7e6), Vec3.Zero, 1000, needsAir: true);
        Vec3 east = EarthRotation.EcefToEci(Vec3.UnitY, t, Env.Planet.RotationRateRadPerS);
        Assert.True((c.EastEci - east).Norm <= 1e-15, $"east {c.EastEci}");
        Assert.True((c.UpEci - Vec3.UnitZ).Norm <= 1e-15, $"up {c.UpEci}");
    }

    [Fact]
    public void WithoutAirTheGeodeticPositionAndAxesAreComputedWhenAsked()
    {
        // A context for forces that need no air keeps no height; asked all the same, it gives what one with air gives.
        States.Sample(s =>
        {
            var withAir = new FlightContext(Env, s.T, s.R, s.V, 1000, needsAir: true);
            var without = new FlightContext(Env, s.T, s.R, s.V, 1000, needsAir: false);
            Assert.Equal(withAir.Geodetic, without.Geodetic);
            Assert.Equal(withAir.LocalAxesEci(), without.LocalAxesEci());
        });
    }
}
