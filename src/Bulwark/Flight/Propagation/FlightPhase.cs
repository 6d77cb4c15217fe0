using Bulwark.Flight.Forces;

namespace Bulwark.Flight.Propagation;

/// <summary>
/// One continuous stretch of flight under a fixed set of forces. Phase boundaries are where discontinuities live
/// (ignition, pitch-over end, burnout, staging, re-entry-vehicle separation): the integrator never steps across them.
/// </summary>
/// <param name="Name">what the vehicle does in this phase ("stage-1 vertical rise", "ballistic")</param>
/// <param name="DurationS">how long the phase lasts, s; <see cref="double.PositiveInfinity"/> for the final coast</param>
/// <param name="Forces">the forces acting</param>
/// <param name="StartMassKg">the mass at the start of the phase (a stage dropped, a payload separated); null keeps the mass reached</param>
/// <param name="EndEvent">the event recorded when the phase ends by running its course ("stage-1 burnout"), or null</param>
public sealed record FlightPhase(string Name, double DurationS, IReadOnlyList<IForce> Forces, double? StartMassKg = null, string? EndEvent = null);

/// <summary>A vehicle's flight as an initial state and its phases in order.</summary>
public sealed record FlightPlan(FlightState Initial, IReadOnlyList<FlightPhase> Phases);
