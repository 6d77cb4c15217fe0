using System.Buffers;
using Bulwark.Integration;

namespace Bulwark.Flight.Propagation;

/// <summary>
/// Flies a <see cref="FlightPlan"/> phase by phase with the Dormand–Prince integrator, locating apogee and the stop
/// altitude as events and sampling the dense output at a fixed step. One instance per thread (it reuses its buffers).
/// </summary>
public sealed class Propagator
{
    private const string ApogeeName = "apogee";

    /// <summary>The longest an open-ended phase may run when only a stop altitude ends it, s (about 116 days).</summary>
    public const double OpenEndedPhaseLimitS = 1e7;
    private readonly FlightEnvironment _environment;
    private readonly double[] _y = new double[FlightState.Dimension];
    private readonly double[] _yEnd = new double[FlightState.Dimension];
    private readonly DormandPrince54 _integrator;
    private readonly IEventFunction[] _eventsWithApogee;
    private readonly IEventFunction[] _eventsWithoutApogee;
    private readonly IEventFunction[] _eventsWithApogeeNoBand;    // for a segment whose band has no bound (no force needs the
    private readonly IEventFunction[] _eventsWithoutApogeeNoBand; // air): its g is a constant 1 that never crosses or ties
    private readonly int _stopEventIndex;
    private readonly int _bandEventIndex;
    private readonly SmoothBandEvent _band;
    private readonly DormandPrince54 _descent;

    public Propagator(FlightEnvironment environment, PropagationOptions options)
    {
        _environment = environment;
        Options = options;
        _integrator = new DormandPrince54(FlightState.Dimension, options.Integrator);
        _descent = options.DescentIntegrator is { } d ? new DormandPrince54(FlightState.Dimension, d) : _integrator;
        var stop = new List<IEventFunction>();
        var heights = new HeightProbe(environment);
        if (options.StopAltitudeM is { } h)
        {
            stop.Add(new AltitudeCrossingEvent(environment, h, CrossingDirection.Decreasing, heights));
        }

        _stopEventIndex = stop.Count > 0 ? 0 : -1;
        _band = new SmoothBandEvent(environment, heights);
        _bandEventIndex = stop.Count;
        stop.Add(_band);
        _eventsWithoutApogee = [.. stop];
        _eventsWithoutApogeeNoBand = [.. stop.Where(e => e != _band)];
        var apogee = new ApogeeEvent(environment);
        _eventsWithApogee = options.LocateApogee ? [.. _eventsWithoutApogee, apogee] : _eventsWithoutApogee;
        _eventsWithApogeeNoBand = options.LocateApogee ? [.. _eventsWithoutApogeeNoBand, apogee] : _eventsWithoutApogeeNoBand;
    }

    public PropagationOptions Options { get; }

    /// <summary>Flies the plan until the stop altitude or the stop time (<paramref name="stopTimeS"/> overrides the options').</summary>
    public Trajectory Run(FlightPlan plan, double? stopTimeS = null) => Run(plan, null, stopTimeS);

    /// <summary>
    /// Flies the first <paramref name="phases"/> phases of <paramref name="plan"/> and keeps where they end, their events and
    /// samples, for <see cref="Run(FlightPlan, PropagationPrefix?, double?)"/> to go on from in every plan that shares them
    /// (a missile's vertical rise: <see cref="Vehicles.StagedRocket.AimIndependentPhases"/>); null when the flight ends
    /// within them (the stop altitude, or <paramref name="stopTimeS"/>).
    /// </summary>
    public PropagationPrefix? RunPrefix(FlightPlan plan, int phases, double? stopTimeS = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentOutOfRangeException.ThrowIfNegative(phases);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(phases, plan.Phases.Count);
        var flight = new Flight(this, plan, stopTimeS);
        for (int p = 0; p < phases; p++)
        {
            if (flight.FlyPhase(plan.Phases[p]) is not null || flight.State.TimeS >= flight.StopTime)
            {
                flight.Sampler?.Take();
                return null;
            }
        }

        (FlightState[] samples, long next) = flight.Sampler?.Snapshot() ?? ([], 1);
        return new PropagationPrefix(Options, phases, flight.State, flight.ApogeeFound, [.. flight.Events], samples, next,
            flight.Evaluations, flight.Steps, flight.Rejected);
    }

    /// <summary>
    /// Flies the plan until the stop altitude or the stop time, going on from <paramref name="prefix"/> (its first phases,
    /// flown by <see cref="RunPrefix"/> with the same options on a plan that shares them) when given: the same trajectory,
    /// bit for bit, as flying it whole (each phase starts afresh from the state the last one ended in), its counts of
    /// evaluations and steps the prefix's and the rest's. A prefix that ends at or after the stop time is not used.
    /// </summary>
    public Trajectory Run(FlightPlan plan, PropagationPrefix? prefix, double? stopTimeS = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var flight = new Flight(this, plan, stopTimeS);
        int first = 0;
        if (prefix is not null && prefix.State.TimeS < flight.StopTime)
        {
            if (prefix.Options != Options)
            {
                throw new ArgumentException("the prefix was flown with other propagation options", nameof(prefix));
            }

            flight.Resume(prefix);
            first = prefix.Phases;
        }

        for (int p = first; p < plan.Phases.Count; p++)
        {
            FlightPhase phase = plan.Phases[p];
            if (flight.FlyPhase(phase) is { } end)
            {
                return flight.Finish(end);
            }

            if (flight.State.TimeS >= flight.StopTime)
            {
                flight.Events.Add(new FlightEvent("stop", flight.State));
                return flight.Finish(FlightEnd.Time);
            }

            if (phase.EndEvent is { } name)
            {
                flight.Events.Add(new FlightEvent(name, flight.State));
            }
        }

        flight.Sampler?.Take();
        throw new ArgumentException(stopTimeS is null && Options.StopTimeS is null
            ? FormattableString.Invariant($"the flight did not reach the stop altitude within {OpenEndedPhaseLimitS:E0} s of its last phase's start")
            : "the flight plan ran out of phases before the stop time or the stop altitude");
    }

    /// <summary>One flight in progress: its state, events, samples and counts.</summary>
    private sealed class Flight
    {
        private readonly Propagator _owner;

        public Flight(Propagator owner, FlightPlan plan, double? stopTimeS)
        {
            _owner = owner;
            PropagationOptions options = owner.Options;
            Sampler = options.OutputStepS > 0 ? new Sampler(plan.Initial.TimeS, options.OutputStepS) : null;
            State = plan.Initial;
            ApogeeFound = !options.LocateApogee;
            StopTime = stopTimeS ?? options.StopTimeS ?? double.PositiveInfinity;
            Sampler?.Record(State);
        }

        public FlightState State { get; private set; }

        public bool ApogeeFound { get; private set; }

        public double StopTime { get; }

        public List<FlightEvent> Events { get; } = [];

        public Sampler? Sampler { get; }

        public int Evaluations { get; private set; }

        public int Steps { get; private set; }

        public int Rejected { get; private set; }

        /// <summary>Takes up where a prefix ended.</summary>
        public void Resume(PropagationPrefix prefix)
        {
            (State, ApogeeFound) = (prefix.State, prefix.ApogeeFound);
            Events.AddRange(prefix.Events);
            Sampler?.Restore(prefix.Samples, prefix.NextSample);
            (Evaluations, Steps, Rejected) = (prefix.Evaluations, prefix.Steps, prefix.Rejected);
        }

        public Trajectory Finish(FlightEnd end) => Propagator.Finish(Events, Sampler, State, end, Evaluations, Steps, Rejected);

        /// <summary>Flies one phase; how the flight ended within it (the stop altitude), or null when it goes on.</summary>
        public FlightEnd? FlyPhase(FlightPhase phase)
        {
            Propagator o = _owner;
            FlightState state = State;
            if (phase.StartMassKg is { } m)
            {
                state = state with { MassKg = m };
            }

            double phaseEnd = state.TimeS + phase.DurationS;
            var dynamics = new EquationsOfMotion(o._environment, phase.Forces);
            double firstStepS = 0; // the integrator's own choice at a phase's start; the step reached across a band's edge
            try
            {
                while (true)
                {
                    double segmentEnd = Math.Min(phaseEnd, StopTime);
                    if (!(segmentEnd > state.TimeS))
                    {
                        return null;
                    }

                    if (double.IsPositiveInfinity(segmentEnd))
                    {
                        if (o._stopEventIndex < 0)
                        {
                            throw new ArgumentException($"phase '{phase.Name}' never ends: give a stop time or a stop altitude");
                        }

                        // Open-ended coast to the stop altitude: bounded so a flight that never comes down ends in a clear error.
                        segmentEnd = state.TimeS + OpenEndedPhaseLimitS;
                    }

                    state.CopyTo(o._y);
                    o._band.Reset(state, phase.Forces);
                    bool band = o._band.Active;
                    IEventFunction[] active = (ApogeeFound, band) switch
                    {
                        (true, true) => o._eventsWithoutApogee,
                        (false, true) => o._eventsWithApogee,
                        (true, false) => o._eventsWithoutApogeeNoBand,
                        (false, false) => o._eventsWithApogeeNoBand,
                    };
                    DormandPrince54 integrator = ApogeeFound && o.Options.LocateApogee && !ReferenceEquals(o._descent, o._integrator)
                        && o._environment.HeightOf(state) < o.Options.DescentBelowM ? o._descent : o._integrator;
                    SegmentResult result = integrator.Integrate(dynamics.AsDirect(), state.TimeS, o._y, segmentEnd, o._yEnd, active, Sampler, firstStepS);
                    Evaluations += result.Evaluations;
                    Steps += result.AcceptedSteps;
                    Rejected += result.RejectedSteps;
                    state = FlightState.From(result.EndTimeS, o._yEnd);
                    if (!result.StoppedOnEvent)
                    {
                        return null;
                    }

                    if (band && result.EventIndex == o._bandEventIndex)
                    {
                        firstStepS = result.LastStepS; // a kink of the forces: go on from it in a new segment
                        continue;
                    }

                    if (result.EventIndex == o._stopEventIndex)
                    {
                        Events.Add(new FlightEvent("impact", state));
                        return FlightEnd.Altitude;
                    }

                    Events.Add(new FlightEvent(ApogeeName, state));
                    ApogeeFound = true;
                    firstStepS = result.LastStepS; // the forces are smooth across the apogee: go on with the step that reached it
                }
            }
            finally
            {
                State = state;
            }
        }
    }

    private static Trajectory Finish(List<FlightEvent> events, Sampler? sampler, FlightState final, FlightEnd end, int evaluations, int steps,
        int rejected)
    {
        sampler?.RecordFinal(final);
        return new Trajectory(sampler?.Take() ?? [], events, final, end, evaluations, steps, rejected);
    }

    /// <summary>Samples the dense output at t0 + k·step (k integer, so times do not drift).</summary>
    /// <remarks>
    /// The samples gather in a buffer rented from a process-wide pool and leave as an array of exactly their number
    /// (<see cref="Take"/>). A growing list would leave behind arrays of twice the samples, on the large-object heap from
    /// 1,024 samples on (64 bytes each): an IRBM track's 1,100 samples left a 131 kB array there, collected only by a full
    /// collection, for every sampled flight of a threat grid's thousands (docs/performance.md).
    /// </remarks>
    private sealed class Sampler(double startTimeS, double stepS) : IStepObserver
    {
        private const int InitialCapacity = 1024;
        private static readonly ArrayPool<FlightState> Pool = ArrayPool<FlightState>.Shared;
        private readonly double[] _buffer = new double[FlightState.Dimension];
        private FlightState[] _samples = Pool.Rent(InitialCapacity);
        private int _count;
        private long _next = 1;

        public void Record(FlightState state)
        {
            if (_count == _samples.Length)
            {
                FlightState[] larger = Pool.Rent(2 * _samples.Length);
                Array.Copy(_samples, larger, _count);
                Pool.Return(_samples);
                _samples = larger;
            }

            _samples[_count++] = state;
        }

        public void OnStep(IDenseOutput step)
        {
            while (true)
            {
                double t = startTimeS + _next * stepS;
                if (t > step.EndTimeS)
                {
                    return;
                }

                step.Interpolate(t, _buffer);
                Record(FlightState.From(t, _buffer));
                _next++;
            }
        }

        /// <summary>The samples so far and the index of the next, for a prefix (<see cref="RunPrefix"/>); the buffer goes back to the pool.</summary>
        public (FlightState[] Samples, long Next) Snapshot()
        {
            long next = _next;
            return (Take(), next);
        }

        /// <summary>Takes up a prefix's samples, after the initial state was recorded (it is the prefix's first).</summary>
        public void Restore(IReadOnlyList<FlightState> samples, long next)
        {
            _count = 0;
            foreach (FlightState s in samples)
            {
                Record(s);
            }

            _next = next;
        }

        public void RecordFinal(FlightState final)
        {
            if (_count == 0 || _samples[_count - 1].TimeS < final.TimeS)
            {
                Record(final);
            }
        }

        /// <summary>The samples, as an array of their number; the buffer goes back to the pool (call once).</summary>
        public FlightState[] Take()
        {
            FlightState[] samples = _samples.AsSpan(0, _count).ToArray();
            Pool.Return(_samples);
            _samples = [];
            _count = 0;
            return samples;
        }
    }
}

/// <summary>
/// The first phases of a flight, flown once (<see cref="Propagator.RunPrefix"/>) for every plan that shares them: the
/// options they were flown with, where they end, the events and samples so far, and the work they took.
/// </summary>
/// <param name="Options">the propagation options it was flown with (a run with others refuses it)</param>
/// <param name="Phases">the phases flown</param>
/// <param name="State">the state where they end</param>
/// <param name="ApogeeFound">whether the apogee was found within them</param>
/// <param name="Events">the events so far</param>
/// <param name="Samples">the samples so far (none without an output step)</param>
/// <param name="NextSample">the index of the next sample time (start + k·step)</param>
/// <param name="Evaluations">right-hand-side evaluations they took</param>
/// <param name="Steps">accepted steps</param>
/// <param name="Rejected">rejected steps</param>
public sealed record PropagationPrefix(PropagationOptions Options, int Phases, FlightState State, bool ApogeeFound, IReadOnlyList<FlightEvent> Events,
    IReadOnlyList<FlightState> Samples, long NextSample, int Evaluations, int Steps, int Rejected);
