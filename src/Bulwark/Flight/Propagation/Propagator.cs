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
        _eventsWithApogee = options.LocateApogee ? [.. stop, new ApogeeEvent(environment)] : _eventsWithoutApogee;
    }

    public PropagationOptions Options { get; }

    /// <summary>Flies the plan until the stop altitude or the stop time (<paramref name="stopTimeS"/> overrides the options').</summary>
    public Trajectory Run(FlightPlan plan, double? stopTimeS = null)
    {
        var events = new List<FlightEvent>();
        var sampler = Options.OutputStepS > 0 ? new Sampler(plan.Initial.TimeS, Options.OutputStepS) : null;
        FlightState state = plan.Initial;
        bool apogeeFound = !Options.LocateApogee;
        double stopTime = stopTimeS ?? Options.StopTimeS ?? double.PositiveInfinity;
        int evaluations = 0;
        int steps = 0, rejected = 0;
        sampler?.Record(state);

        foreach (FlightPhase phase in plan.Phases)
        {
            if (phase.StartMassKg is { } m)
            {
                state = state with { MassKg = m };
            }

            double phaseEnd = state.TimeS + phase.DurationS;
            var dynamics = new EquationsOfMotion(_environment, phase.Forces);
            double firstStepS = 0; // the integrator's own choice at a phase's start; the step reached across a band's edge
            while (true)
            {
                double segmentEnd = Math.Min(phaseEnd, stopTime);
                if (!(segmentEnd > state.TimeS))
                {
                    break;
                }

                if (double.IsPositiveInfinity(segmentEnd))
                {
                    if (_stopEventIndex < 0)
                    {
                        throw new ArgumentException($"phase '{phase.Name}' never ends: give a stop time or a stop altitude");
                    }

                    // Open-ended coast to the stop altitude: bounded so a flight that never comes down ends in a clear error.
                    segmentEnd = state.TimeS + OpenEndedPhaseLimitS;
                }

                state.CopyTo(_y);
                _band.Reset(state, phase.Forces);
                IEventFunction[] active = apogeeFound ? _eventsWithoutApogee : _eventsWithApogee;
                DormandPrince54 integrator = apogeeFound && Options.LocateApogee && !ReferenceEquals(_descent, _integrator)
                    && _environment.HeightOf(state) < Options.DescentBelowM ? _descent : _integrator;
                SegmentResult result = integrator.Integrate(dynamics.AsDirect(), state.TimeS, _y, segmentEnd, _yEnd, active, sampler, firstStepS);
                evaluations += result.Evaluations;
                steps += result.AcceptedSteps;
                rejected += result.RejectedSteps;
                state = FlightState.From(result.EndTimeS, _yEnd);
                if (!result.StoppedOnEvent)
                {
                    break;
                }

                if (result.EventIndex == _bandEventIndex)
                {
                    firstStepS = result.LastStepS; // a kink of the forces: go on from it in a new segment
                    continue;
                }

                if (result.EventIndex == _stopEventIndex)
                {
                    events.Add(new FlightEvent("impact", state));
                    return Finish(events, sampler, state, FlightEnd.Altitude, evaluations, steps, rejected);
                }

                events.Add(new FlightEvent(ApogeeName, state));
                apogeeFound = true;
            }

            if (state.TimeS >= stopTime)
            {
                events.Add(new FlightEvent("stop", state));
                return Finish(events, sampler, state, FlightEnd.Time, evaluations, steps, rejected);
            }

            if (phase.EndEvent is { } name)
            {
                events.Add(new FlightEvent(name, state));
            }
        }

        throw new ArgumentException(stopTimeS is null && Options.StopTimeS is null
            ? FormattableString.Invariant($"the flight did not reach the stop altitude within {OpenEndedPhaseLimitS:E0} s of its last phase's start")
            : "the flight plan ran out of phases before the stop time or the stop altitude");
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
