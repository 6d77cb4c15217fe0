using System.Collections.Concurrent;
using Bulwark.Earth;
using Bulwark.Flight.Propagation;
using Bulwark.Flight.Vehicles;

namespace Bulwark.Flight.Targeting;

/// <summary>
/// Flies a missile's plans from one launch place and time with their vertical rise (the phases no aim changes:
/// <see cref="StagedRocket.AimIndependentPhases"/>) flown once for each set of propagation options and shared by every
/// flight that has it: a threat grid's fans, corrections and refinements fly thousands of trajectories from each launch
/// place. The same trajectories, bit for bit (<see cref="Propagator.Run(FlightPlan, PropagationPrefix?, double?)"/>).
/// Thread-safe.
/// </summary>
/// <param name="environment">the flight environment</param>
/// <param name="missile">the missile flown</param>
/// <param name="launch">the launch place</param>
/// <param name="launchTimeS">the launch time, s</param>
internal sealed class SharedLaunch(FlightEnvironment environment, IGuidedMissile missile, Geodetic launch, double launchTimeS)
{
    private readonly ConcurrentDictionary<PropagationOptions, Lazy<PropagationPrefix?>> _prefixes = new();

    /// <summary>The launch place.</summary>
    public Geodetic Launch => launch;

    /// <summary>The launch time, s.</summary>
    public double LaunchTimeS => launchTimeS;

    /// <summary>Flies the plan toward <paramref name="azimuthRad"/> with <paramref name="controls"/> on <paramref name="propagator"/> until <paramref name="stopTimeS"/>.</summary>
    public Trajectory Run(Propagator propagator, double azimuthRad, ShapeControls controls, double stopTimeS)
    {
        FlightPlan plan = missile.Plan(environment, launch, launchTimeS, azimuthRad, controls);
        if (missile is not StagedRocket rocket || rocket.AimIndependentPhases(controls) is not (> 0 and var phases))
        {
            return propagator.Run(plan, stopTimeS);
        }

        // Flown on a propagator of its own (the first caller's plan will do: these phases are the same in every such plan),
        // so that no caller's propagator is used by another thread.
        PropagationPrefix? prefix = _prefixes.GetOrAdd(propagator.Options,
            options => new Lazy<PropagationPrefix?>(() => new Propagator(environment, options).RunPrefix(plan, phases, stopTimeS))).Value;
        return propagator.Run(plan, prefix is not null && prefix.Phases == phases ? prefix : null, stopTimeS);
    }
}
