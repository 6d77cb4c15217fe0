using Bulwark.Atmosphere;
using Bulwark.Earth;
using Bulwark.Flight;
using Bulwark.Flight.Forces;
using Bulwark.Flight.Guidance;
using Bulwark.Numerics;
using CsCheck;

namespace Bulwark.Tests.Flight.Guidance;

public class SteeringTests
{
    private static readonly FlightEnvironment Env = new(Planet.Wgs84, NoAtmosphere.Instance);

    /// <summary>The context of a vehicle at <paramref name="where"/> at time t, moving at NED velocity v over the rotating Earth.</summary>
    private static FlightContext Context(double t, Geodetic where, Vec3 velocityNed)
    {
        FlightState s = Env.StateAt(t, where, velocityNed, 1000);
        return new FlightContext(Env, t, s.PositionEciM, s.VelocityEciMPerS, s.MassKg, needsAir: true);
    }

    /// <summary>An ECI direction in local NED axes at the context's own position.</summary>
    private static Vec3 Ned(in FlightContext c, Vec3 eci) =>
        LocalFrame.EcefToNed(EarthRotation.EciToEcef(eci, c.TimeS, Env.Planet.RotationRateRadPerS), c.Geodetic.LatitudeRad, c.Geodetic.LongitudeRad);

    private static void Near(Vec3 expected, Vec3 actual, double tol = 1e-12)
    {
        double err = (actual - expected).Norm;
        Assert.True(err <= tol, $"expected {expected}, got {actual}: |error| = {err:G3}");
    }

    private static readonly Gen<Geodetic> Places =
        Gen.Select(Gen.Double[-1.5, 1.5], Gen.Double[-Math.PI, Math.PI], Gen.Double[0, 3e5], (lat, lon, h) => new Geodetic(lat, lon, h));

    [Fact]
    public void VerticalIsTheLocalGeodeticUp()
    {
        // Up is NED (0, 0, −1): the ellipsoid normal, not the geocentric radial (they differ by up to 0.19° on WGS-84).
        Gen.Select(Places, Gen.Double[0, 1e4]).Sample((p, t) =>
        {
            FlightContext c = Context(t, p, new Vec3(100, 200, -300));
            Vec3 d = VerticalSteering.Instance.ThrustDirectionEci(c);
            Near(new Vec3(0, 0, -1), Ned(c, d));
        });

        // Worked example at 45° N: up differs from the geocentric direction by the angle of the vertical, ≈ 0.19°.
        FlightContext c45 = Context(0, Geodetic.FromDegrees(45, 0), Vec3.Zero);
        double angle = Math.Acos(VerticalSteering.Instance.ThrustDirectionEci(c45).Dot(c45.PositionEciM.Normalized())) * 180 / Math.PI;
        Assert.InRange(angle, 0.19, 0.20);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(45.0)]
    [InlineData(90.0)]
    [InlineData(200.0)]
    [InlineData(-60.0)]
    public void PitchOverTiltsLinearlyFromTheVerticalTowardTheAzimuth(double azimuthDeg)
    {
        // Tilt θ(t) = θf·clamp((t − t0)/T, 0, 1) from up toward azimuth α: NED direction (sin θ cos α, sin θ sin α, −cos θ).
        double az = azimuthDeg * Math.PI / 180, t0 = 100, duration = 20, finalTilt = 50 * Math.PI / 180;
        var steering = new PitchOverSteering(az, t0, duration, finalTilt);
        Geodetic where = Geodetic.FromDegrees(35, 120, 2000);
        foreach (var (t, tilt) in new[] { (90.0, 0.0), (t0, 0.0), (105.0, finalTilt / 4), (110.0, finalTilt / 2), (120.0, finalTilt), (150.0, finalTilt) })
        {
            FlightContext c = Context(t, where, new Vec3(5, 5, -80));
            Vec3 d = steering.ThrustDirectionEci(c);
            Assert.Equal(1, d.Norm, 1e-14);
            Near(new Vec3(Math.Sin(tilt) * Math.Cos(az), Math.Sin(tilt) * Math.Sin(az), -Math.Cos(tilt)), Ned(c, d));
        }
    }

    [Fact]
    public void PitchOverAnglesFromTheVerticalAreLinearInTime()
    {
        // The angle between thrust and up grows at θf/T; the horizontal part always points along the azimuth.
        Gen.Select(Places, Gen.Double[-Math.PI, Math.PI], Gen.Double[0.01, 1.5], Gen.Double[0, 1]).Sample((p, az, tiltF, f) =>
        {
            var steering = new PitchOverSteering(az, 10, 15, tiltF);
            FlightContext c = Context(10 + f * 15, p, Vec3.Zero);
            Vec3 ned = Ned(c, steering.ThrustDirectionEci(c));
            Assert.Equal(f * tiltF, Math.Acos(Math.Clamp(-ned.Z, -1, 1)), 1e-7);
            if (f > 1e-3)
            {
                Assert.Equal(0, Math.IEEERemainder(Math.Atan2(ned.Y, ned.X) - az, 2 * Math.PI), 1e-9);
            }
        });
    }

    [Fact]
    public void GravityTurnFollowsTheAirRelativeVelocity()
    {
        // Zero angle of attack: thrust along v − ω×r (the Earth-relative velocity), not along the inertial velocity.
        Gen.Select(Places, Gen.Double[-2000, 2000], Gen.Double[-2000, 2000], Gen.Double[-2000, 2000]).Sample((p, vn, ve, vd) =>
        {
            var v = new Vec3(vn, ve, vd);
            if (v.Norm < 1)
            {
                return;
            }

            FlightContext c = Context(5000, p, v);
            Near(v.Normalized(), Ned(c, GravityTurnSteering.Instance.ThrustDirectionEci(c)), 1e-11);
        });

        // Flying due north at 100 m/s: the inertial velocity has the Earth's eastward ≈ 400 m/s in it, the thrust does not.
        FlightContext north = Context(0, Geodetic.FromDegrees(30, 0), new Vec3(100, 0, 0));
        Near(Vec3.UnitX, Ned(north, GravityTurnSteering.Instance.ThrustDirectionEci(north)));
        Assert.True(north.VelocityEciMPerS.Norm > 400);
    }

    [Fact]
    public void GravityTurnAtRestOverTheGroundFallsBackToUp()
    {
        // On the pad the air-relative velocity is zero (the inertial one is ω×r ≈ 400 m/s): thrust up, never NaN.
        FlightContext c = Context(60, Geodetic.FromDegrees(30, 50), Vec3.Zero);
        Vec3 d = GravityTurnSteering.Instance.ThrustDirectionEci(c);
        Near(new Vec3(0, 0, -1), Ned(c, d));
        Near(c.UpEci, d, 0);
    }
}
