using Bulwark.Numerics;

namespace Bulwark.Flight;

/// <summary>The state of a point-mass vehicle: time since the scenario epoch, ECI position and velocity, mass.</summary>
/// <param name="TimeS">seconds since the scenario epoch</param>
/// <param name="PositionEciM">position in the ECI frame (aligned with ECEF at t = 0), m</param>
/// <param name="VelocityEciMPerS">inertial velocity in ECI axes, m/s</param>
/// <param name="MassKg">mass, kg</param>
public readonly record struct FlightState(double TimeS, Vec3 PositionEciM, Vec3 VelocityEciMPerS, double MassKg)
{
    /// <summary>Length of the integrator's state vector: position (3), velocity (3), mass (1).</summary>
    public const int Dimension = 7;

    public void CopyTo(Span<double> y)
    {
        PositionEciM.CopyTo(y, 0);
        VelocityEciMPerS.CopyTo(y, 3);
        y[6] = MassKg;
    }

    public static FlightState From(double timeS, ReadOnlySpan<double> y) => new(timeS, Vec3.From(y, 0), Vec3.From(y, 3), y[6]);
}
