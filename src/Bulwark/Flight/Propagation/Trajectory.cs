namespace Bulwark.Flight.Propagation;

/// <summary>A named moment of a flight: ignition, burnout, staging, apogee, impact, stop.</summary>
public readonly record struct FlightEvent(string Name, FlightState State);

/// <summary>Why a propagation ended.</summary>
public enum FlightEnd
{
    /// <summary>Descended through the stop altitude (ground impact at 0 m).</summary>
    Altitude,

    /// <summary>Reached the stop time.</summary>
    Time,
}

/// <summary>The result of a propagation: samples at the output step, the named events and the final state.</summary>
public sealed class Trajectory
{
    public Trajectory(IReadOnlyList<FlightState> samples, IReadOnlyList<FlightEvent> events, FlightState final, FlightEnd end, int evaluations, int steps,
        int rejectedSteps = 0)
    {
        RejectedSteps = rejectedSteps;
        Samples = samples;
        Events = events;
        Final = final;
        End = end;
        Evaluations = evaluations;
        Steps = steps;
    }

    /// <summary>States at every output step from the start, then one at the exact end (empty if no output step was asked).</summary>
    public IReadOnlyList<FlightState> Samples { get; }

    public IReadOnlyList<FlightEvent> Events { get; }

    public FlightState Final { get; }

    public FlightEnd End { get; }

    /// <summary>Derivative evaluations used.</summary>
    public int Evaluations { get; }

    /// <summary>Accepted integration steps.</summary>
    public int Steps { get; }

    /// <summary>Integration steps rejected by the error control (each cost as many evaluations as an accepted one).</summary>
    public int RejectedSteps { get; }

    /// <summary>The first event of that name, or null.</summary>
    public FlightEvent? Find(string name)
    {
        foreach (FlightEvent e in Events)
        {
            if (e.Name == name)
            {
                return e;
            }
        }

        return null;
    }
}
