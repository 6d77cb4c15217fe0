using Bulwark.Numerics;

namespace Bulwark.Flight.Forces;

/// <summary>
/// One contribution to a vehicle's acceleration. A force with a discontinuity (ignition, burnout, staging) is switched on
/// and off only at flight-phase boundaries, never inside an integration segment.
/// </summary>
public interface IForce
{
    /// <summary>Whether this force needs the geodetic position and the air (so the context computes them).</summary>
    bool NeedsAir { get; }

    /// <summary>Acceleration in ECI axes, m/s².</summary>
    Vec3 AccelerationEci(in FlightContext context);

    /// <summary>Rate of change of the vehicle's mass due to this force, kg/s (negative while burning).</summary>
    double MassRateKgPerS(in FlightContext context) => 0;
}
