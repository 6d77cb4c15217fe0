using Bulwark.Earth;
using Bulwark.Flight.Propagation;

namespace Bulwark.Flight.Vehicles;

/// <summary>
/// The two free parameters of a trajectory's shape for a given launch azimuth:
/// <see cref="EnergyFraction"/> in (0, 1] — how much of the missile's energy is used (1 = full burn; less = early thrust
/// termination) — and <see cref="ElevationRad"/>, the loft: for a staged rocket the thrust elevation above the horizontal at
/// the end of the pitch-over, for a burnout-state missile the burnout flight-path angle. Larger elevation = more lofted.
/// </summary>
public readonly record struct ShapeControls(double EnergyFraction, double ElevationRad);

/// <summary>A missile that targeting can steer: it flies a plan for any launch point, azimuth and shape controls.</summary>
public interface IGuidedMissile
{
    string Name { get; }

    /// <summary>The elevations the missile's guidance accepts, radians.</summary>
    (double MinRad, double MaxRad) ElevationRange { get; }

    /// <summary>The flight of the missile launched at <paramref name="launchTimeS"/> from <paramref name="launch"/> toward azimuth <paramref name="azimuthRad"/>.</summary>
    FlightPlan Plan(FlightEnvironment environment, Geodetic launch, double launchTimeS, double azimuthRad, ShapeControls controls);
}
