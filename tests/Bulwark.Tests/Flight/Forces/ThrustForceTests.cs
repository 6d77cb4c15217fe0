using Bulwark.Earth;
using Bulwark.Flight;
using Bulwark.Flight.Forces;
using Bulwark.Flight.Guidance;
using Bulwark.Numerics;

namespace Bulwark.Tests.Flight.Forces;

public class ThrustForceTests
{
    /// <summary>Points the thrust along a fixed ECI direction.</summary>
    private sealed class FixedSteering(Vec3 direction) : ISteering
    {
        public Vec3 ThrustDirectionEci(in FlightContext context) => direction;
    }

    [Fact]
    public void VacuumThrustIsMassFlowTimesIspTimesStandardGravity()
    {
        // F_vac = ṁ·Isp·g₀ with g₀ = 9.80665 m/s² (the definition of specific impulse): 100 kg/s · 300 s → 294,199.5 N.
        var thrust = new ThrustForce(100, 300, 0, VerticalSteering.Instance);
        Assert.Equal(9.80665, ThrustForce.StandardGravityMPerS2);
        Assert.Equal(294_199.5, thrust.VacuumThrustN, 1e-9);
        Assert.Equal(294_199.5, thrust.ThrustN(0), 1e-9);
        Assert.Equal(294_199.5, thrust.ThrustN(101_325), 1e-9); // no nozzle exit area: no back-pressure loss
    }

    [Fact]
    public void BackPressureTakesAmbientPressureTimesExitArea()
    {
        // F = F_vac − p_a·A_e: at sea level (101,325 Pa) with A_e = 0.5 m² that is 50,662.5 N less; never negative.
        var thrust = new ThrustForce(100, 300, 0.5, VerticalSteering.Instance);
        Assert.Equal(294_199.5 - 50_662.5, thrust.ThrustN(101_325), 1e-9);
        Assert.Equal(294_199.5 - 0.5 * 20_000, thrust.ThrustN(20_000), 1e-9);
        Assert.Equal(0, thrust.ThrustN(1e7));
    }

    [Fact]
    public void AccelerationIsThrustOverMassAlongTheSteeringAndMassFallsAtTheMassFlow()
    {
        // a = F(p_a)/m along the steering direction; ṁ = −(mass flow).
        var env = new FlightEnvironment(Planet.Sphere(6.4e6), new ConstantAtmosphere(1, 340, pressurePa: 40_000));
        Vec3 direction = new Vec3(1, 2, 2) / 3;
        var thrust = new ThrustForce(50, 250, 0.2, new FixedSteering(direction));
        var context = new FlightContext(env, 3, new Vec3(6.4e6 + 1000, 0, 0), new Vec3(0, 10, 0), 2000, needsAir: true);
        double expectedN = 50 * 250 * 9.80665 - 40_000 * 0.2;
        Vec3 a = thrust.AccelerationEci(context);
        Assert.True((a - expectedN / 2000 * direction).Norm < 1e-12, $"a = {a}");
        Assert.Equal(-50, thrust.MassRateKgPerS(context));
        Assert.True(thrust.NeedsAir);
    }

    [Fact]
    public void RocketStageThrustAgreesWithTheForce()
    {
        // RocketStage: ṁ = propellant / burn time = 9000 kg / 60 s = 150 kg/s; F_vac = 150·280·g₀.
        var stage = new Bulwark.Flight.Vehicles.RocketStage(10_000, 9_000, 280, 60);
        Assert.Equal(1000, stage.DryMassKg);
        Assert.Equal(150, stage.MassFlowKgPerS);
        Assert.Equal(150 * 280 * 9.80665, stage.VacuumThrustN, 1e-9);
        Assert.Equal(stage.VacuumThrustN, new ThrustForce(stage.MassFlowKgPerS, stage.VacuumIspS, 0, VerticalSteering.Instance).VacuumThrustN);
    }
}
