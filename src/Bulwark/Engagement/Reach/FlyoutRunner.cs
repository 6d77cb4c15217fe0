using Bulwark.Flight;
using Bulwark.Flight.Propagation;
using Bulwark.Integration;

namespace Bulwark.Engagement.Reach;

/// <summary>Why a fly-out ended.</summary>
internal enum FlyoutEnd
{
    /// <summary>Reached the maximum flight time.</summary>
    Time,

    /// <summary>Descended through the floor altitude.</summary>
    Floor,

    /// <summary>Hit the ground (it never rose above the floor to come down through it).</summary>
    Ground,

    /// <summary>Its ballistic apogee was below the floor: it will never reach the altitude band.</summary>
    ApogeeBelowFloor,

    /// <summary>The caller's extra stop event fired.</summary>
    Extra,
}

/// <summary>
/// Flies a fly-out plan phase by phase (as <see cref="Propagator"/> does) and samples its ECI state at every multiple of
/// a fixed step after the plan's start, stopping at the maximum flight time, when it descends through the floor, when
/// it hits the ground, when its ballistic apogee is below the floor, or at a caller's event. The stops the propagator
/// cannot express (more than one altitude, an apogee test) are why this exists. One instance per thread; it reuses its
/// buffers.
/// </summary>
internal sealed class FlyoutRunner
{
    private readonly FlightEnvironment _environment;
    private readonly DormandPrince54 _integrator;
    private readonly double[] _y = new double[FlightState.Dimension];
    private readonly double[] _yEnd = new double[FlightState.Dimension];
    private readonly IEventFunction[] _stops;
    private readonly IEventFunction[] _stopsWithApogee;
    private readonly IEventFunction[] _stopsWithExtra;
    private readonly IEventFunction[] _stopsWithExtraAndApogee;
    private readonly int _floorIndex;
    private readonly int _groundIndex;
    private readonly int _bandIndex;
    private readonly SmoothBandEvent _band;
    private readonly ExtraEvent _extra = new();
    private readonly Sampler _sampler;

    /// <param name="environment">the world</param>
    /// <param name="integrator">error control</param>
    /// <param name="floorM">the floor altitude, m (0 = stop at the ground only)</param>
    /// <param name="sampleStepS">the sampling step, s (0 = no samples)</param>
    /// <param name="maxFlightTimeS">the longest flight after the plan's start, s</param>
    public FlyoutRunner(FlightEnvironment environment, IntegratorOptions integrator, double floorM, double sampleStepS, double maxFlightTimeS)
    {
        _environment = environment;
        _integrator = new DormandPrince54(FlightState.Dimension, integrator);
        FloorM = floorM;
        MaxFlightTimeS = maxFlightTimeS;
        var stops = new List<IEventFunction>();
        var heights = new HeightProbe(environment); // the floor, the ground and the band share one height a state
        _floorIndex = -1;
        if (floorM > 0)
        {
            _floorIndex = stops.Count;
            stops.Add(new AltitudeCrossingEvent(environment, floorM, CrossingDirection.Decreasing, heights));
        }

        _groundIndex = stops.Count;
        stops.Add(new AltitudeCrossingEvent(environment, 0, CrossingDirection.Decreasing, heights));
        _band = new SmoothBandEvent(environment, heights);
        _bandIndex = stops.Count;
        stops.Add(_band);
        var apogee = new ApogeeEvent(environment);
        _stops = [.. stops];
        _stopsWithApogee = [.. stops, apogee];
        _stopsWithExtra = [.. stops, _extra];
        _stopsWithExtraAndApogee = [.. stops, _extra, apogee];
        // Room for every sample of the longest flight (and one over), so that the buffer never grows and, at 2 s over
        // 1,800 s, stays below the large-object threshold (a runner is made for each bin a thread builds).
        _sampler = new Sampler(sampleStepS, sampleStepS > 0 ? (int)Math.Min(Math.Ceiling(maxFlightTimeS / sampleStepS) + 2, 1 << 20) : 0);
    }

    public double FloorM { get; }

    public double MaxFlightTimeS { get; }

    /// <summary>Samples of the last run: <see cref="SampleCount"/> ECI states of <see cref="FlightState.Dimension"/> doubles each, the k-th at start + k·step.</summary>
    public ReadOnlySpan<double> Samples => _sampler.Buffer.AsSpan(0, _sampler.Count * FlightState.Dimension);

    public int SampleCount => _sampler.Count;

    /// <summary>The state where the last run ended.</summary>
    public FlightState Final { get; private set; }

    /// <summary>Flies <paramref name="plan"/>; <paramref name="extraStop"/>, when given, also ends the flight when it fires.</summary>
    public FlyoutEnd Run(FlightPlan plan, IEventFunction? extraStop = null) => Run(plan, null, extraStop);

    /// <summary>
    /// Flies the first <paramref name="phases"/> phases of <paramref name="plan"/> and keeps where they end and their
    /// samples, for <see cref="Run(FlightPlan, FlyoutPrefix?, IEventFunction?)"/> to go on from in every plan that shares
    /// them; null when a stop ends the flight within them (the plans are then flown whole).
    /// </summary>
    public FlyoutPrefix? RunPrefix(FlightPlan plan, int phases)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(phases);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(phases, plan.Phases.Count);
        _extra.Inner = null;
        FlightState state = plan.Initial;
        _sampler.Start(state);
        bool apogeeChecked = FloorM <= 0;
        for (int p = 0; p < phases; p++)
        {
            if (FlyPhase(plan.Phases[p], ref state, plan.Initial.TimeS + MaxFlightTimeS, null, ref apogeeChecked) is not null)
            {
                return null;
            }
        }

        return new FlyoutPrefix(phases, state, apogeeChecked, _sampler.Buffer.AsSpan(0, _sampler.Count * FlightState.Dimension).ToArray(), _sampler.Count);
    }

    /// <summary>
    /// Flies <paramref name="plan"/>, going on from <paramref name="prefix"/> (its first phases, flown by
    /// <see cref="RunPrefix"/> on a plan that shares them) when given: the same flight and samples, bit for bit, as flying it
    /// whole, since each phase starts afresh from the state the last one ended in.
    /// </summary>
    public FlyoutEnd Run(FlightPlan plan, FlyoutPrefix? prefix, IEventFunction? extraStop = null)
    {
        _extra.Inner = extraStop;
        FlightState state = plan.Initial;
        double stopTime = plan.Initial.TimeS + MaxFlightTimeS;
        _sampler.Start(state);
        bool apogeeChecked = FloorM <= 0;
        int first = 0;
        if (prefix is not null)
        {
            (first, state, apogeeChecked) = (prefix.Phases, prefix.State, prefix.ApogeeChecked);
            _sampler.Restore(prefix.Samples, prefix.SampleCount);
        }

        for (int p = first; p < plan.Phases.Count; p++)
        {
            if (FlyPhase(plan.Phases[p], ref state, stopTime, extraStop, ref apogeeChecked) is { } end)
            {
                Final = state;
                return end;
            }
        }

        Final = state;
        return FlyoutEnd.Time;
    }

    /// <summary>Flies one phase from <paramref name="state"/>; how the flight ended within it, or null when it goes on.</summary>
    private FlyoutEnd? FlyPhase(FlightPhase phase, ref FlightState state, double stopTime, IEventFunction? extraStop, ref bool apogeeChecked)
    {
        if (phase.StartMassKg is { } m)
        {
            state = state with { MassKg = m };
        }

        bool openEnded = double.IsPositiveInfinity(phase.DurationS);
        if (openEnded && !apogeeChecked && IsBelowFloorAndFalling(state))
        {
            return FlyoutEnd.ApogeeBelowFloor;
        }

        var dynamics = new EquationsOfMotion(_environment, phase.Forces);
        double phaseEnd = state.TimeS + phase.DurationS;
        double firstStepS = 0; // the integrator's own choice at a phase's start; the step reached across a band's edge
        while (true)
        {
            double segmentEnd = Math.Min(phaseEnd, stopTime);
            if (!(segmentEnd > state.TimeS))
            {
                break;
            }

            bool withApogee = openEnded && !apogeeChecked;
            IEventFunction[] events = extraStop is null
                ? (withApogee ? _stopsWithApogee : _stops)
                : (withApogee ? _stopsWithExtraAndApogee : _stopsWithExtra);
            state.CopyTo(_y);
            _band.Reset(state, phase.Forces);
            SegmentResult result = _integrator.Integrate(dynamics.AsDirect(), state.TimeS, _y, segmentEnd, _yEnd, events, _sampler, firstStepS);
            state = FlightState.From(result.EndTimeS, _yEnd);
            if (!result.StoppedOnEvent)
            {
                break;
            }

            if (result.EventIndex == _bandIndex)
            {
                firstStepS = result.LastStepS; // a kink of the forces: go on from it in a new segment
                continue;
            }

            int e = result.EventIndex;
            if (e == _floorIndex)
            {
                return FlyoutEnd.Floor;
            }

            if (e == _groundIndex)
            {
                return FlyoutEnd.Ground;
            }

            if (extraStop is not null && e == _bandIndex + 1)
            {
                return FlyoutEnd.Extra;
            }

            // The apogee of the ballistic flight: below the floor, it never reaches the band.
            apogeeChecked = true;
            if (_environment.HeightOf(state) < FloorM)
            {
                return FlyoutEnd.ApogeeBelowFloor;
            }
        }

        if (state.TimeS >= stopTime)
        {
            return FlyoutEnd.Time;
        }

        return null;
    }

    private bool IsBelowFloorAndFalling(in FlightState state)
    {
        var g = _environment.GeodeticPosition(state);
        if (g.HeightM >= FloorM)
        {
            return false;
        }

        var enu = Earth.LocalFrame.EcefToEnu(_environment.EcefVelocity(state), g.LatitudeRad, g.LongitudeRad);
        return enu.Z <= 0;
    }

    /// <summary>A slot for the caller's event, so the event arrays are built once.</summary>
    private sealed class ExtraEvent : IEventFunction
    {
        public IEventFunction? Inner { get; set; }

        public CrossingDirection Direction => Inner?.Direction ?? CrossingDirection.Any;

        public double Value(double t, ReadOnlySpan<double> y) => Inner?.Value(t, y) ?? 1;

        public int CertainSign(double t, ReadOnlySpan<double> y) => Inner?.CertainSign(t, y) ?? 1;
    }

    /// <summary>Samples the dense output at start + k·step into a growing flat buffer.</summary>
    private sealed class Sampler(double stepS, int capacity) : IStepObserver
    {
        private readonly double[] _state = new double[FlightState.Dimension];
        private double _startS;

        public double[] Buffer { get; private set; } = new double[Math.Max(capacity, 1) * FlightState.Dimension];

        public int Count { get; private set; }

        /// <summary>Takes up the samples of a prefix (<see cref="RunPrefix"/>) after <see cref="Start"/> with the same initial state.</summary>
        public void Restore(double[] samples, int count)
        {
            if (samples.Length > Buffer.Length)
            {
                Buffer = new double[samples.Length];
            }

            samples.CopyTo(Buffer, 0);
            Count = count;
        }

        public void Start(in FlightState initial)
        {
            Count = 0;
            _startS = initial.TimeS;
            if (stepS > 0)
            {
                initial.CopyTo(_state);
                Add(_state);
            }
        }

        public void OnStep(IDenseOutput step)
        {
            if (stepS <= 0)
            {
                return;
            }

            while (true)
            {
                double t = _startS + Count * stepS;
                if (t > step.EndTimeS)
                {
                    return;
                }

                step.Interpolate(t, _state);
                Add(_state);
            }
        }

        private void Add(double[] y)
        {
            int n = FlightState.Dimension;
            if ((Count + 1) * n > Buffer.Length)
            {
                var bigger = new double[Buffer.Length * 2];
                Buffer.AsSpan().CopyTo(bigger);
                Buffer = bigger;
            }

            y.AsSpan().CopyTo(Buffer.AsSpan(Count * n, n));
            Count++;
        }
    }
}

/// <summary>
/// The first phases of a fly-out, flown once (<see cref="FlyoutRunner.RunPrefix"/>) for every plan that shares them: where
/// they end, whether the apogee test was made, and their samples.
/// </summary>
internal sealed record FlyoutPrefix(int Phases, FlightState State, bool ApogeeChecked, double[] Samples, int SampleCount);
