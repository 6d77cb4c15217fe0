using Bulwark.Atmosphere;
using Bulwark.Earth;
using Bulwark.Flight;
using Bulwark.Flight.Forces;
using Bulwark.Flight.Guidance;
using Bulwark.Numerics;

namespace Bulwark.Tests.Flight;

public class EquationsOfMotionTests
{
    [Fact]
    public void DerivativeIsVelocitySumOfAccelerationsAndSumOfMassRates()
    {
        // ṙ = v, v̇ = Σ a_i, ṁ = Σ ṁ_i (class summary), here gravity + thrust straight up in vacuum on a non-rotating sphere:
        // at r = 7,000 km on +X, v̇ = (−μ/r² + F/m)·x̂ and ṁ = −(mass flow).
        var env = new FlightEnvironment(Planet.Sphere(6_400_000, 4e14), NoAtmosphere.Instance);
        var thrust = new ThrustForce(20, 300, 0, VerticalSteering.Instance);
        var eom = new EquationsOfMotion(env, [new GravityForce(env.Planet), thrust]);
        Assert.Equal(FlightState.Dimension, eom.Dimension);
        var state = new FlightState(12, new Vec3(7_000_000, 0, 0), new Vec3(10, 20, 30), 1500);
        double[] y = new double[7];
        state.CopyTo(y);
        Assert.Equal(state, FlightState.From(12, y));
        double[] dydt = new double[7];
        eom.Derivative(12, y, dydt);
        double expectedAx = -4e14 / 4.9e13 + 20 * 300 * 9.80665 / 1500;
        Assert.Equal([10, 20, 30], dydt[..3]);
        Assert.Equal(expectedAx, dydt[3], 1e-12);
        Assert.Equal(0, dydt[4], 1e-15);
        Assert.Equal(0, dydt[5], 1e-15);
        Assert.Equal(-20, dydt[6]);
    }

    [Fact]
    public void NoForcesMeansStraightLineConstantMass()
    {
        var eom = new EquationsOfMotion(FlightEnvironment.Default, []);
        double[] y = [1, 2, 3, 4, 5, 6, 7];
        double[] dydt = new double[7];
        eom.Derivative(0, y, dydt);
        Assert.Equal([4.0, 5, 6, 0, 0, 0, 0], dydt);
    }
}
