using Bulwark.Flight.Guidance;
using Bulwark.Numerics;

namespace Bulwark.Flight.Forces;

/// <summary>
/// Rocket thrust at a constant mass flow: F = ṁ·Isp_vac·g₀ − p_a·A_e (the back-pressure loss on the nozzle exit area),
/// along the direction the steering law gives.
/// </summary>
public sealed class ThrustForce : IForce
{
    /// <summary>Standard gravity g₀ used to define specific impulse, m/s² (CGPM 1901; NIST SP 330).</summary>
    public const double StandardGravityMPerS2 = 9.80665;

    public ThrustForce(double massFlowKgPerS, double vacuumIspS, double nozzleExitAreaM2, ISteering steering)
    {
        MassFlowKgPerS = massFlowKgPerS;
        VacuumThrustN = massFlowKgPerS * vacuumIspS * StandardGravityMPerS2;
        NozzleExitAreaM2 = nozzleExitAreaM2;
        Steering = steering;
    }

    public double MassFlowKgPerS { get; }

    public double VacuumThrustN { get; }

    public double NozzleExitAreaM2 { get; }

    public ISteering Steering { get; }

    /// <summary>Needed for the steering's local axes and for the back-pressure.</summary>
    public bool NeedsAir => true;

    /// <summary>Thrust (N) at ambient pressure <paramref name="ambientPressurePa"/>.</summary>
    public double ThrustN(double ambientPressurePa) => Math.Max(0, VacuumThrustN - ambientPressurePa * NozzleExitAreaM2);

    public Vec3 AccelerationEci(in FlightContext context) =>
        ThrustN(context.Air.PressurePa) / context.MassKg * Steering.ThrustDirectionEci(context);

    public double MassRateKgPerS(in FlightContext context) => -MassFlowKgPerS;
}
