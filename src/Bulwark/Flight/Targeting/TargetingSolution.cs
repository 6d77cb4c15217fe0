using Bulwark.Earth;
using Bulwark.Flight.Propagation;
using Bulwark.Flight.Vehicles;

namespace Bulwark.Flight.Targeting;

/// <summary>A solved trajectory: the launch azimuth and shape controls, the flight they give and how close it lands.</summary>
/// <param name="Missile">the missile flown</param>
/// <param name="Request">what was asked</param>
/// <param name="AzimuthRad">launch azimuth, clockwise from north, rad</param>
/// <param name="Controls">energy fraction and elevation</param>
/// <param name="Trajectory">the flight, launch to impact</param>
/// <param name="Impact">the impact point</param>
/// <param name="MissDistanceM">geodesic distance from the impact to the aim point, m</param>
/// <param name="GroundRangeM">geodesic distance from the launch point to the impact, m</param>
/// <param name="Flights">trajectories flown to find the solution</param>
public sealed record TargetingSolution(
    IGuidedMissile Missile,
    TargetingRequest Request,
    double AzimuthRad,
    ShapeControls Controls,
    Trajectory Trajectory,
    Geodetic Impact,
    double MissDistanceM,
    double GroundRangeM,
    int Flights)
{
    /// <summary>
    /// Whether the trajectory was pinned down by the minimum-energy refinement (<see cref="MinimumEnergyRefinement"/>), and
    /// so flown at its integrator; false for other shapes and where the refinement did not settle.
    /// </summary>
    public bool Refined { get; init; }

    /// <summary>The end of powered flight (or the idealised burnout state).</summary>
    public FlightState Burnout => Trajectory.Find("burnout")?.State ?? throw new InvalidOperationException("the flight has no burnout event");

    /// <summary>The apogee, or null if the flight never climbed after launch.</summary>
    public FlightState? Apogee => Trajectory.Find("apogee")?.State;

    /// <summary>Flight time from launch to impact, s.</summary>
    public double FlightTimeS => Trajectory.Final.TimeS - Request.LaunchTimeS;
}
