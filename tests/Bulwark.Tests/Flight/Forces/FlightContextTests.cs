using Bulwark.Atmosphere;
using Bulwark.Earth;
using Bulwark.Flight;
using Bulwark.Flight.Forces;
using Bulwark.Numerics;
using CsCheck;

namespace Bulwark.Tests.Flight.Forces;

/// <summary>
/// The context computes the height eagerly and the latitude, longitude and local axes only when asked for
/// (docs/performance.md, "Latitude and longitude only when asked for"); what it gives must be, to the bit, what the
/// conversions give when called directly, since the flights' byte-identical answers rest on it.
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
    public void TheGeodeticPositionAndHeightAreTheConversionsOwn()
    {
        States.Sample(s =>
        {
            var c = new FlightContext(Env, s.T, s.R, s.V, 1000, needsAir: true);
            Vec3 ecef = EarthRotation.EciToEcef(s.R, s.T, Env.Planet.RotationRateRadPerS);
            Geodetic g = Ellipsoid.Wgs84.ToGeodetic(ecef);
            Same(ecef, c.PositionEcefM);
            Same(g.HeightM, c.HeightM);
            Same(g.LatitudeRad, c.Geodetic.LatitudeRad);
            Same(g.LongitudeRad, c.Geodetic.LongitudeRad);
            Same(g.HeightM, c.Geodetic.HeightM);
            Assert.Equal(UsStandardAtmosphere1976.Instance.At(g.HeightM), c.Air);
        });
    }

    [Fact]
    public void TheLocalAxesAreEachTurnedAsAlone()
    {
        States.Sample(s =>
        {
            var c = new FlightContext(Env, s.T, s.R, s.V, 1000, needsAir: true);
            Geodetic g = Ellipsoid.Wgs84.ToGeodetic(EarthRotation.EciToEcef(s.R, s.T, Env.Planet.RotationRateRadPerS));
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
