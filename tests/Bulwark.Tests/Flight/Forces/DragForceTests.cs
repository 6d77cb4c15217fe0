using Bulwark.Atmosphere;
using Bulwark.Earth;
using Bulwark.Flight;
using Bulwark.Flight.Forces;
using Bulwark.Numerics;

namespace Bulwark.Tests.Flight.Forces;

public class DragForceTests
{
    private static FlightContext Context(FlightEnvironment env, FlightState s) =>
        new(env, s.TimeS, s.PositionEciM, s.VelocityEciMPerS, s.MassKg, needsAir: true);

    [Fact]
    public void DragIsHalfRhoVSquaredCdSOverMAgainstTheVelocity()
    {
        // a = −½·ρ·|v|·v·C_D·S/m (class summary). ρ = 0.5 kg/m³, |v| = 500 m/s, C_D = 0.3, S = 2 m², m = 1000 kg:
        // |a| = 0.5·0.5·500²·0.3·2/1000 = 37.5 m/s².
        var env = new FlightEnvironment(Planet.Sphere(6.4e6), new ConstantAtmosphere(0.5, 340));
        var v = new Vec3(300, -400, 0);
        var context = new FlightContext(env, 10, new Vec3(0, 0, 6.41e6), v, 1000, needsAir: true);
        Vec3 a = new DragForce(2, DragCoefficient.Constant(0.3)).AccelerationEci(context);
        Assert.Equal(37.5, a.Norm, 1e-12);
        Assert.True((a.Normalized() + v.Normalized()).Norm < 1e-15, $"drag {a} does not oppose v = {v}");
    }

    [Fact]
    public void DragOpposesTheAirRelativeVelocityOnARotatingEarth()
    {
        // The air co-rotates: a vehicle at rest over the ground feels no drag, and one at inertial rest feels the
        // full ω×r wind (≈ 465 m/s at the equator), pushing it eastward.
        var env = new FlightEnvironment(Planet.Wgs84, new ConstantAtmosphere(1.2, 340));
        var drag = new DragForce(1, DragCoefficient.Constant(0.5));
        FlightState atRest = env.StateAt(500, Geodetic.FromDegrees(0, 40, 1000), Vec3.Zero, 100);
        Assert.True(drag.AccelerationEci(Context(env, atRest)).Norm < 1e-9);

        FlightState inertiallyStill = atRest with { VelocityEciMPerS = Vec3.Zero };
        FlightContext c = Context(env, inertiallyStill);
        Vec3 a = drag.AccelerationEci(c);
        Vec3 wind = -c.AirVelocityEciMPerS;    // the air's velocity relative to the vehicle: ω×r
        double w = wind.Norm;
        Assert.Equal(Wgs84.RotationRateRadPerS * atRest.PositionEciM.Norm, w, 1e-9);
        Assert.Equal(0.5 * 1.2 * w * w * 0.5 * 1 / 100, a.Norm, 1e-9);
        Assert.True((a.Normalized() - wind.Normalized()).Norm < 1e-12);
        Assert.True(a.Dot(c.EastEci) > 0.999999 * a.Norm, "the wind should push the vehicle east");
    }

    [Fact]
    public void TheDragCoefficientIsTakenAtTheMachNumber()
    {
        // Mach = |v_air| / a = 680/340 = 2; the table gives C_D(2) = 0.4 by linear interpolation between (1, 0.2) and (3, 0.6).
        var env = new FlightEnvironment(Planet.Sphere(6.4e6), new ConstantAtmosphere(0.1, 340));
        var context = new FlightContext(env, 0, new Vec3(6.41e6, 0, 0), new Vec3(0, 680, 0), 50, needsAir: true);
        var table = new MachTableDragCoefficient([1, 3], [0.2, 0.6]);
        Vec3 a = new DragForce(0.5, table).AccelerationEci(context);
        Assert.Equal(0.5 * 0.1 * 680 * 680 * 0.4 * 0.5 / 50, a.Norm, 1e-12);
    }

    [Fact]
    public void NoAirMeansNoDrag()
    {
        var v = new Vec3(7000, 100, -20);
        var r = new Vec3(0, 6.8e6, 0);
        var drag = new DragForce(3, DragCoefficient.Constant(2));
        var vacuum = new FlightEnvironment(Planet.Wgs84, NoAtmosphere.Instance);
        Assert.Equal(Vec3.Zero, drag.AccelerationEci(new FlightContext(vacuum, 5, r, v, 10, needsAir: true)));
        var zeroDensity = new FlightEnvironment(Planet.Wgs84, new ConstantAtmosphere(0, 0));
        Assert.Equal(Vec3.Zero, drag.AccelerationEci(new FlightContext(zeroDensity, 5, r, v, 10, needsAir: true)));
        Assert.True(drag.NeedsAir);
    }

    [Fact]
    public void DragFallsWithAltitudeInTheStandardAtmosphere()
    {
        // ρ(0) = 1.225 kg/m³ (USSA 1976 Table I); above the sensible atmosphere drag is orders of magnitude smaller.
        var env = new FlightEnvironment(Planet.Sphere(Planet.NescSphereRadiusM), UsStandardAtmosphere1976.Instance);
        var drag = new DragForce(1, DragCoefficient.Constant(1));
        double At(double h) => drag.AccelerationEci(new FlightContext(env, 0, new Vec3(Planet.NescSphereRadiusM + h, 0, 0), new Vec3(0, 100, 0), 1, true)).Norm;
        Assert.Equal(0.5 * 1.225 * 100 * 100, At(0), 0.05);
        Assert.True(At(100_000) < 1e-5 * At(0));
        Assert.True(At(500_000) < At(100_000));
    }
}
