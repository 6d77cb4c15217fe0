using Bulwark.Atmosphere;
using Bulwark.Earth;
using Bulwark.Flight;
using Bulwark.Flight.Forces;
using Bulwark.Flight.Propagation;
using Bulwark.Flight.Vehicles;
using Bulwark.Numerics;
using Bulwark.Tests.Validation;

namespace Bulwark.Tests.Flight;

/// <summary>Two-body vacuum flight conserves specific energy and angular momentum (the default integrator tolerances).</summary>
public class ConservationTests
{
    [Theory]
    [InlineData(7000.0, 30.0)]
    [InlineData(7400.0, 5.0)]
    [InlineData(6000.0, 60.0)]
    [ValidationCase(ValidationArea.ClosedForm, "Two-body flight conserves energy and angular momentum",
        Source = "Kepler's two-body problem (energy and angular momentum are constants of the motion)",
        Tolerance = "1e-9 relative drift over 30 min, every 60 s sample",
        Why = "the default integrator tolerance (rtol 1e-10, atol 1e-6 m) should keep the drift one order below this")]
    public void TwoBodyFlightConservesEnergyAndAngularMomentumOverThirtyMinutes(double speedMPerS, double gammaDeg)
    {
        var environment = new FlightEnvironment(Planet.Wgs84 with { J2 = 0, RotationRateRadPerS = 0 }, NoAtmosphere.Instance);
        var body = new PointMassBody(1000, 0, DragCoefficient.Constant(0));
        double g = gammaDeg * Math.PI / 180;
        FlightState start = environment.StateAt(0, Geodetic.FromDegrees(20, 30, 1_000_000),
            new Vec3(speedMPerS * Math.Cos(g) * 0.6, speedMPerS * Math.Cos(g) * 0.8, -speedMPerS * Math.Sin(g)), 1000);
        var options = new PropagationOptions(1800, null, 60, false, PropagationOptions.DefaultIntegrator);
        Trajectory t = new Propagator(environment, options).Run(body.FreeFlight(environment, start));
        double mu = environment.Planet.MuM3PerS2;
        double E(FlightState s) => 0.5 * s.VelocityEciMPerS.NormSquared - mu / s.PositionEciM.Norm;
        Vec3 H(FlightState s) => s.PositionEciM.Cross(s.VelocityEciMPerS);
        Assert.Equal(1800, t.Final.TimeS, 9);
        double maxEnergy = 0, maxMomentum = 0;
        foreach (FlightState s in t.Samples)
        {
            Assert.True(Math.Abs(E(s) / E(start) - 1) < 1e-9, $"energy drift {E(s) / E(start) - 1:E2} at {s.TimeS} s");
            Assert.True((H(s) - H(start)).Norm / H(start).Norm < 1e-9, $"angular momentum drift at {s.TimeS} s");
            maxEnergy = Math.Max(maxEnergy, Math.Abs(E(s) / E(start) - 1));
            maxMomentum = Math.Max(maxMomentum, (H(s) - H(start)).Norm / H(start).Norm);
        }

        ValidationLog.Measured(FormattableString.Invariant($"{speedMPerS:0} m/s at {gammaDeg:0}°: energy {maxEnergy:0.0e0}, angular momentum {maxMomentum:0.0e0}"));
    }
}
