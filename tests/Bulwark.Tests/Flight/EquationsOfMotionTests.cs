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

    public static TheoryData<string> ForceLists => ["gravity", "gravity drag", "gravity drag thrust", "drag gravity thrust", "thrust gravity", "drag", "gravity gravity drag"];

    [Theory]
    [MemberData(nameof(ForceLists))]
    public void TheDerivativeIsTheLoopOverEveryForceToTheBit(string names)
    {
        // The class remarks: a leading gravity computed directly and the mass rate over the forces that can change the mass
        // give the sums a loop over every force, in order and from zero, gives, to the bit. On the WGS-84 Earth with the 1976
        // atmosphere, at 2,000 random states from the ground to 1,200 km.
        var env = FlightEnvironment.Default;
        var drag = new DragForce(0.8, DragCoefficient.Constant(0.3));
        IForce[] forces = [.. names.Split(' ').Select(name => name switch
        {
            "gravity" => new GravityForce(env.Planet),
            "drag" => drag,
            _ => (IForce)new ThrustForce(150, 280, 0.4, GravityTurnSteering.Instance),
        })];
        var eom = new EquationsOfMotion(env, forces);
        var random = new Random(20261207);
        double[] y = new double[7], dydt = new double[7];
        for (int trial = 0; trial < 2000; trial++)
        {
            double t = random.NextDouble() * 3000;
            Vec3 r = RandomDirection(random) * (6_360_000 + random.NextDouble() * 1_200_000);
            Vec3 v = RandomDirection(random) * (random.NextDouble() * 7500);
            new FlightState(t, r, v, 200 + random.NextDouble() * 20_000).CopyTo(y);
            eom.Derivative(t, y, dydt);

            var context = new FlightContext(env, t, r, v, y[6], forces.Any(f => f.NeedsAir));
            Vec3 a = Vec3.Zero;
            double mdot = 0;
            foreach (IForce force in forces)
            {
                a += force.AccelerationEci(context);
                mdot += force.MassRateKgPerS(context);
            }

            double[] expected = [v.X, v.Y, v.Z, a.X, a.Y, a.Z, mdot];
            for (int i = 0; i < 7; i++)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(expected[i]), BitConverter.DoubleToInt64Bits(dydt[i]));
            }
        }
    }

    private static Vec3 RandomDirection(Random random)
    {
        double z = 2 * random.NextDouble() - 1, lon = 2 * Math.PI * random.NextDouble(), s = Math.Sqrt(1 - z * z);
        return new Vec3(s * Math.Cos(lon), s * Math.Sin(lon), z);
    }
}
