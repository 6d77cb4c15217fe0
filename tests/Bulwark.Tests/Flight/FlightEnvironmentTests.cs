using Bulwark.Atmosphere;
using Bulwark.Earth;
using Bulwark.Flight;
using Bulwark.Numerics;
using CsCheck;

namespace Bulwark.Tests.Flight;

public class FlightEnvironmentTests
{
    public static TheoryData<string> Planets => new() { "rotating WGS-84", "WGS-84 at rest", "rotating sphere", "sphere at rest" };

    private static FlightEnvironment Environment(string name) => new(name switch
    {
        "rotating WGS-84" => Planet.Wgs84,
        "WGS-84 at rest" => Planet.Wgs84 with { RotationRateRadPerS = 0 },
        "rotating sphere" => Planet.Sphere(Planet.NescSphereRadiusM, rotationRateRadPerS: Wgs84.RotationRateRadPerS),
        _ => Planet.Sphere(Planet.NescSphereRadiusM),
    }, NoAtmosphere.Instance);

    private static readonly Gen<(double T, Geodetic Position, Vec3 VelocityNed)> States =
        Gen.Select(
            Gen.Double[0, 1e5],
            Gen.Double[-1.55, 1.55], Gen.Double[-3.14, 3.14], Gen.Double[-5000, 2e6],
            Gen.Double[-8000, 8000], Gen.Double[-8000, 8000], Gen.Double[-8000, 8000],
            (t, lat, lon, h, vn, ve, vd) => (t, new Geodetic(lat, lon, h), new Vec3(vn, ve, vd)));

    [Theory]
    [MemberData(nameof(Planets))]
    public void StateAtThenGeodeticPositionAndNedVelocityGivesBackTheInputs(string planet)
    {
        // StateAt maps (geodetic, Earth-relative NED velocity) at time t to an ECI state; GeodeticPosition and NedVelocity
        // are its inverse (ECEF↔ECI rotation, v = R·v_rel + ω×r, exact geodetic↔ECEF, orthonormal NED axes).
        FlightEnvironment env = Environment(planet);
        States.Sample(c =>
        {
            FlightState s = env.StateAt(c.T, c.Position, c.VelocityNed, 123.5);
            Assert.Equal(c.T, s.TimeS);
            Assert.Equal(123.5, s.MassKg);
            Geodetic g = env.GeodeticPosition(s);
            Assert.Equal(c.Position.LatitudeRad, g.LatitudeRad, 1e-14);
            Assert.Equal(c.Position.LongitudeRad, g.LongitudeRad, 1e-14);
            Assert.Equal(c.Position.HeightM, g.HeightM, 1e-7);
            Vec3 v = env.NedVelocity(s);
            Assert.True((v - c.VelocityNed).Norm < 1e-9, $"NED velocity {c.VelocityNed} came back as {v}");
        });
    }

    [Theory]
    [MemberData(nameof(Planets))]
    public void EcefPositionIsTheShapesPositionOfTheGeodeticPoint(string planet)
    {
        FlightEnvironment env = Environment(planet);
        States.Sample(c =>
        {
            FlightState s = env.StateAt(c.T, c.Position, c.VelocityNed, 1);
            Vec3 expected = env.Planet.Shape.ToEcef(c.Position);
            Assert.True((env.EcefPosition(s) - expected).Norm < 1e-8);
            Assert.Equal(expected.Norm, s.PositionEciM.Norm, 1e-8);
        });
    }

    [Fact]
    public void OnARotatingPlanetAStateAtRestCarriesTheEarthsRotationalVelocity()
    {
        // At rest on the ground at latitude φ the inertial velocity is ω×r: speed ω·(N + h)·cos φ, due east, where
        // N = a/√(1 − e² sin²φ) is the prime-vertical radius (NIMA TR8350.2 eq. 4-15).
        FlightEnvironment env = Environment("rotating WGS-84");
        Ellipsoid e = env.Planet.Shape;
        foreach (double latDeg in new[] { 0.0, 28.5, -45.0, 80.0 })
        {
            double phi = latDeg * Math.PI / 180;
            FlightState s = env.StateAt(1000, new Geodetic(phi, 0.3, 500), Vec3.Zero, 1);
            double n = e.EquatorialRadiusM / Math.Sqrt(1 - e.EccentricitySquared * Math.Sin(phi) * Math.Sin(phi));
            double expected = Wgs84.RotationRateRadPerS * (n + 500) * Math.Cos(phi);
            Assert.Equal(expected, s.VelocityEciMPerS.Norm, 1e-9);
            Assert.True(env.NedVelocity(s).Norm < 1e-10);
        }

        // Without rotation, at rest means no inertial velocity at all.
        FlightState still = Environment("sphere at rest").StateAt(1000, new Geodetic(0.5, 0.3, 500), Vec3.Zero, 1);
        Assert.Equal(Vec3.Zero, still.VelocityEciMPerS);
    }
}
