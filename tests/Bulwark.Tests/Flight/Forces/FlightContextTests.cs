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
    public void TheLocalAxesAreEachTurnedAsAlone()
    {
        States.Sample(s =>
        {
            var c = new FlightContext(Env, s.T, s.R, s.V, 1000, needsAir: true);
            Geodetic g = c.Geodetic;
            Vec3 Turned(Vec3 enu) => EarthRotation.EcefToEci(LocalFrame.EnuToEcef(enu, g.LatitudeRad, g.LongitudeRad), s.T, Env.Planet.RotationRateRadPerS);
            LocalAxes axes = c.LocalAxesEci();
            Same(Turned(Vec3.UnitZ), axes.Up);
            Same(Turned(Vec3.UnitY), axes.North);
            Same(Turned(Vec3.UnitX), axes.East);
            Same(axes.Up, c.UpEci);
            Same(axes.North, c.NorthEci);
            Same(axes.East, c.EastEci);
        });
    }

    [Fact]
    public void AtTheEpochTheAxesAreNotTurned()
    {
        Vec3 r = Ellipsoid.Wgs84.ToEcef(Geodetic.FromDegrees(50, 20, 1000));
        var c = new FlightContext(Env, 0, r, Vec3.Zero, 1000, needsAir: true);
        Same(LocalFrame.EnuToEcef(Vec3.UnitZ, c.Geodetic.LatitudeRad, c.Geodetic.LongitudeRad), c.LocalAxesEci().Up);
        // the geodetic up at 50 N, 20 E: (cos φ cos λ, cos φ sin λ, sin φ)
        Assert.Equal(Math.Sin(Angle.DegToRad(50)), c.UpEci.Z, 12);
    }
}
