using Bulwark.Earth;

namespace Bulwark.Flight.Targeting;

/// <summary>What to hit and how.</summary>
/// <param name="Launch">launch point (geodetic; height above the ellipsoid)</param>
/// <param name="Aim">aim point on the surface (its height is ignored: impact is at 0 m)</param>
/// <param name="Shape">trajectory shape</param>
/// <param name="ApogeeAltitudeM">for <see cref="TrajectoryShape.Lofted"/> only: the apogee to reach, m (null = full energy)</param>
/// <param name="LaunchTimeS">launch time, s since the scenario epoch</param>
/// <param name="MissToleranceM">the largest acceptable miss distance, m</param>
public sealed record TargetingRequest(
    Geodetic Launch,
    Geodetic Aim,
    TrajectoryShape Shape = TrajectoryShape.MinimumEnergy,
    double? ApogeeAltitudeM = null,
    double LaunchTimeS = 0,
    double MissToleranceM = 1000);
