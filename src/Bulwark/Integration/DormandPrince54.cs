using System.Runtime.CompilerServices;

namespace Bulwark.Integration;

/// <summary>Adaptive Dormand–Prince 5(4) with 4th-order dense output and event location. One instance per thread.</summary>
/// <remarks>
/// <para>
/// The method is DOPRI5 as in Hairer, Nørsett &amp; Wanner, "Solving Ordinary Differential Equations I" (2nd ed.),
/// §II.5 (Dormand &amp; Prince 1980 coefficients, local extrapolation: the 5th-order solution is propagated, the embedded
/// 4th-order one only estimates the error) and §II.6 (the 4th-order continuous extension used for dense output).
/// The last stage is evaluated at the new point, so it is reused as the first stage of the next step (FSAL):
/// 6 derivative evaluations per step.
/// </para>
/// <para>
/// Step-size control: the error norm is the RMS over components of err_i / (atol + rtol·max(|y_i|, |y_new_i|)); a step is
/// accepted when it is ≤ 1. The next step comes from Hairer's PI controller (β = 0.04, safety 0.9, the step changing by a
/// factor between 0.2 and 10), never grows right after a rejection, never exceeds <see cref="IntegratorOptions.MaxStepS"/>
/// and never oversteps the segment end: the last step is stretched or shortened (by at most 1 %) to land exactly on it.
/// Unless the caller gives one, the first step is tried at the bound of Hairer's first guess (<see cref="InitialStep"/>).
/// </para>
/// <para>
/// <b>Discontinuities.</b> The right-hand side must be smooth within a segment. The caller must never let a
/// discontinuity of f (staging, burnout, a change of guidance mode, a table edge that is not smooth) fall inside a
/// segment: end the segment there (by its end time or by an event) and start a new one. Crossing a discontinuity inside a
/// step breaks the error estimate, wastes steps in rejections, and silently degrades the accuracy.
/// </para>
/// <para>
/// <b>Events.</b> At the segment's start and after every accepted step each event function is checked at the point: its
/// certain sign where it knows one cheaply (<see cref="IEventFunction.CertainSign"/>) and that sign cannot trigger it, else
/// its value (the start's value is taken later, only if the first step's crossing needs it). A sign change that matches
/// its <see cref="IEventFunction.Direction"/> (Decreasing: g(prev) &gt; 0 and g(new) ≤ 0; Increasing: g(prev) &lt; 0 and
/// g(new) ≥ 0; Any: either) triggers it; a value exactly 0 at the segment's start never counts as "prev" on either side, so a
/// zero at t0 never triggers. Only sign changes between step ends are seen: a double crossing inside one step is missed,
/// which <see cref="IntegratorOptions.MaxStepS"/> bounds. Roots are located by Brent's method on the dense output to a
/// time tolerance of 1e-10·max(1, |t|) s; the earliest root of all triggered events wins (on a tie, the lower index). The
/// located time is the end of the final bracket on the "after" side of the crossing.
/// </para>
/// <para>
/// <b>A rejected step that crosses an event</b> is retried up to the crossing: the events are evaluated at the rejected
/// trial's end and, where one triggers, its root on the trial's continuous extension (accurate to far better than a
/// step) sets the next step: <see cref="CrossingOvershoot"/> of it past the root, no longer than the last accepted step
/// (a retry that fails in turn shrinks by the error as usual), so that the event is then found and located as after
/// any accepted step. A caller that ends its segments at the kinks of f with events (<c>SmoothBandEvent</c>) thus
/// steps onto each kink instead of shrinking a step across it, whose error is of the order of the kink, several times
/// (counted on a small footprint's flights, docs/performance.md: rejections 4,439 → 1,382 at the refinement's 1e−12,
/// 103,873 → 38,759 at the searches' 1e−10). A step that fails for its length while an event happens to lie inside it
/// takes the same retry: it ends at the event, which is where the accepted step would have stopped.
/// </para>
/// <para>
/// <b>The state at an event</b> is re-stepped: one Dormand–Prince step of exactly t_root − t_prev is taken from the
/// accepted step's start, so yEnd has the full 5th-order accuracy rather than the interpolant's 4th. The re-stepped state
/// differs from the interpolated one by about the local tolerance, so the triggering event function evaluated at it could
/// land a hair on the wrong side of zero, and a next segment started from it with the same event would fire again at once.
/// The re-stepped state is therefore kept only when the triggering event's g at it is on the "after" side (or zero);
/// otherwise yEnd falls back to the interpolated state at t_root, where that sign holds by construction. Either way
/// g(yEnd) is zero or on the "after" side, and the observer's last step ends exactly at t_root with the interpolant that
/// produced yEnd.
/// </para>
/// <para>
/// <b>Allocation.</b> All work arrays are allocated in the constructor (the per-event buffers grow, once, when a call passes
/// more events than ever before); <see cref="Integrate{TSystem}"/> allocates nothing otherwise, and nothing per step.
/// A struct system passed to <see cref="Integrate{TSystem}"/> is called without boxing (the method is generic over it).
/// </para>
/// </remarks>
public sealed class DormandPrince54
{
    // Butcher tableau (Hairer, Nørsett & Wanner, Table II.5.2; DOPRI5).
    private const double C2 = 1.0 / 5.0, C3 = 3.0 / 10.0, C4 = 4.0 / 5.0, C5 = 8.0 / 9.0;
    private const double A21 = 1.0 / 5.0;
    private const double A31 = 3.0 / 40.0, A32 = 9.0 / 40.0;
    private const double A41 = 44.0 / 45.0, A42 = -56.0 / 15.0, A43 = 32.0 / 9.0;
    private const double A51 = 19372.0 / 6561.0, A52 = -25360.0 / 2187.0, A53 = 64448.0 / 6561.0, A54 = -212.0 / 729.0;
    private const double A61 = 9017.0 / 3168.0, A62 = -355.0 / 33.0, A63 = 46732.0 / 5247.0, A64 = 49.0 / 176.0, A65 = -5103.0 / 18656.0;
    private const double A71 = 35.0 / 384.0, A73 = 500.0 / 1113.0, A74 = 125.0 / 192.0, A75 = -2187.0 / 6784.0, A76 = 11.0 / 84.0;

    // Error estimate: b (5th order) − b̂ (embedded 4th order).
    private const double E1 = 71.0 / 57600.0, E3 = -71.0 / 16695.0, E4 = 71.0 / 1920.0, E5 = -17253.0 / 339200.0, E6 = 22.0 / 525.0, E7 = -1.0 / 40.0;

    // Continuous extension (Hairer's dense output coefficients for DOPRI5, §II.6).
    private const double D1 = -12715105075.0 / 11282082432.0, D3 = 87487479700.0 / 32700410799.0, D4 = -10690763975.0 / 1880347072.0,
        D5 = 701980252875.0 / 199316789632.0, D6 = -1453857185.0 / 822651844.0, D7 = 69997945.0 / 29380423.0;

    // Step-size control (Hairer's DOPRI5 defaults).
    private const double Safety = 0.9;
    private const double MinFactor = 0.2;   // the step shrinks by at most 5×
    private const double MaxFactor = 10.0;  // and grows by at most 10×
    /// <summary>A rejected automatic first step (<see cref="InitialStep"/>, a guess rather than a step the controller
    /// chose) shrinks by at most this factor.</summary>
    private const double FirstStepMinFactor = 1e-3;
    private const double ErrorExponent = 0.2; // 1/5: the embedded estimate of a step h's error goes as h⁵
    private const double Beta = 0.04;       // PI stabilisation
    private const double Expo1 = ErrorExponent - Beta * 0.75;
    private static readonly double LogErrorFloor = Math.Log(1e-4); // the previous error norm, for the PI controller, is at least 1e-4

    /// <summary>A step smaller than this fraction of max(|t|, |tEnd|) is a step-size underflow.</summary>
    private const double MinRelativeStep = 1e-12;

    private const double MachineEpsilon = 2.2204460492503131e-16;

    /// <summary>Root-finding tolerance on the event time: this times max(1, |t|) seconds.</summary>
    private const double EventTimeTolerance = 1e-10;

    /// <summary>A rejected step retried up to an event's crossing ends this fraction of its length past it.</summary>
    private const double CrossingOvershoot = 1e-6;

    private readonly double _inverseDimension; // 1 / n, for the error norm's mean
    private readonly double[] _y, _yNew, _yStage, _yEvent, _yRestep;
    private readonly double[] _k1, _k2, _k3, _k4, _k5, _k6, _k7;
    private readonly double[] _dense, _denseRestep; // 5 blocks of n: the continuous extension of the step (and of the re-step)
    private readonly DenseOutput _output;
    private double[] _gPrev, _gNew;
    private IEventFunction[] _events;          // this call's events and their directions, read from arrays in every step
    private CrossingDirection[] _directions;   // (not through the caller's list); they stay until the next call
    private bool[] _gPrevExact, _gNewExact; // false: the g above is only its certain sign (±1, IEventFunction.CertainSign)
    private bool _denseBuilt;               // _dense holds the continuous extension of the step being checked

    /// <summary>Creates an integrator for systems of <paramref name="dimension"/> components, allocating all its work arrays.</summary>
    /// <exception cref="ArgumentOutOfRangeException">dimension ≤ 0, or options that cannot work (negative or all-zero tolerances,
    /// MaxStepS ≤ 0, InitialStepS &lt; 0, MaxSteps ≤ 0). Note that <c>default(IntegratorOptions)</c> is all zeros and is rejected:
    /// use <see cref="IntegratorOptions.Default"/>.</exception>
    public DormandPrince54(int dimension, IntegratorOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        if (!(options.RelativeTolerance >= 0) || !(options.AbsoluteTolerance >= 0)
            || options.RelativeTolerance + options.AbsoluteTolerance <= 0
            || double.IsInfinity(options.RelativeTolerance) || double.IsInfinity(options.AbsoluteTolerance))
        {
            throw new ArgumentOutOfRangeException(nameof(options),
                $"Tolerances must be finite, non-negative and not both zero (rtol {options.RelativeTolerance}, atol {options.AbsoluteTolerance}).");
        }

        if (!(options.MaxStepS > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"MaxStepS must be > 0 (got {options.MaxStepS}).");
        }

        if (!(options.InitialStepS >= 0) || double.IsInfinity(options.InitialStepS))
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"InitialStepS must be finite and ≥ 0 (got {options.InitialStepS}).");
        }

        if (options.MaxSteps <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"MaxSteps must be > 0 (got {options.MaxSteps}).");
        }

        Dimension = dimension;
        Options = options;
        int n = dimension;
        _inverseDimension = 1.0 / n;
        _y = new double[n];
        _yNew = new double[n];
        _yStage = new double[n];
        _yEvent = new double[n];
        _yRestep = new double[n];
        _k1 = new double[n];
        _k2 = new double[n];
        _k3 = new double[n];
        _k4 = new double[n];
        _k5 = new double[n];
        _k6 = new double[n];
        _k7 = new double[n];
        _dense = new double[5 * n];
        _denseRestep = new double[5 * n];
        _output = new DenseOutput(n);
        _gPrev = new double[4];
        _gNew = new double[4];
        _events = new IEventFunction[4];
        _directions = new CrossingDirection[4];
        _gPrevExact = new bool[4];
        _gNewExact = new bool[4];
    }

    /// <summary>Whether the last call that stopped on an event returned the re-stepped state (true) or fell back to the
    /// interpolated one (false). For tests and diagnostics.</summary>
    internal bool LastEventRestepped { get; private set; }

    /// <summary>The length of the state vector this instance integrates.</summary>
    public int Dimension { get; }

    /// <summary>Error control and guards.</summary>
    public IntegratorOptions Options { get; }

    /// <summary>
    /// Integrates from (<paramref name="t0S"/>, <paramref name="y0"/>) to <paramref name="tEndS"/> (> t0S) or to the first event,
    /// writing the final state into <paramref name="yEnd"/>. No allocation per step.
    /// </summary>
    /// <remarks>
    /// f must be smooth on the whole segment: a discontinuity (staging, burnout) must be a segment boundary, never inside.
    /// <paramref name="events"/> is indexed, not enumerated. The observer is handed one reusable <see cref="IDenseOutput"/>,
    /// valid only during its <see cref="IStepObserver.OnStep"/> call. <paramref name="y0"/> and <paramref name="yEnd"/> have
    /// exactly <see cref="Dimension"/> components and may overlap. When tEndS equals t0S, y0 is copied and nothing else happens.
    /// </remarks>
    /// <param name="system">the right-hand side</param>
    /// <param name="t0S">the start time, s</param>
    /// <param name="y0">the state at the start</param>
    /// <param name="tEndS">the end time, s (≥ t0S)</param>
    /// <param name="yEnd">receives the state where the segment ends</param>
    /// <param name="events">the event functions checked after every accepted step</param>
    /// <param name="observer">receives every accepted step's dense output, or null</param>
    /// <param name="initialStepS">the first step, s, overriding <see cref="IntegratorOptions.InitialStepS"/> when &gt; 0 (a
    /// segment that continues a flight past an event starts with the step the last one ended with,
    /// <see cref="SegmentResult.LastStepS"/>); 0: the options' choice</param>
    /// <exception cref="IntegrationException">more than MaxSteps steps, step-size underflow, or a non-finite state or derivative.</exception>
    public SegmentResult Integrate<TSystem>(TSystem system, double t0S, ReadOnlySpan<double> y0, double tEndS, Span<double> yEnd,
        IReadOnlyList<IEventFunction> events, IStepObserver? observer = null, double initialStepS = 0)
        where TSystem : IOdeSystem
    {
        int n = Dimension;
        ArgumentNullException.ThrowIfNull(events);
        if (system.Dimension != n)
        {
            throw new ArgumentException($"The system has dimension {system.Dimension}, the integrator {n}.", nameof(system));
        }

        if (y0.Length != n)
        {
            throw new ArgumentException($"y0 has {y0.Length} components, expected {n}.", nameof(y0));
        }

        if (yEnd.Length != n)
        {
            throw new ArgumentException($"yEnd has {yEnd.Length} components, expected {n}.", nameof(yEnd));
        }

        if (!double.IsFinite(t0S) || !double.IsFinite(tEndS) || tEndS < t0S)
        {
            throw new ArgumentOutOfRangeException(nameof(tEndS), $"Need finite t0S ≤ tEndS (got t0S = {t0S}, tEndS = {tEndS}).");
        }

        double[] y = _y, yNew = _yNew;
        y0.CopyTo(y);
        if (!AllFinite(y))
        {
            throw new IntegrationException($"Non-finite initial state at t = {t0S:R} s.");
        }

        if (tEndS == t0S)
        {
            y.CopyTo(yEnd);
            return new SegmentResult(tEndS, -1, 0, 0, 0);
        }

        int evaluations = 0;
        double t = t0S;
        system.Derivative(t, y, _k1);
        evaluations++;
        if (!AllFinite(_k1))
        {
            throw new IntegrationException($"Non-finite derivative at t = {t:R} s (the initial state).");
        }

        int eventCount = events.Count;
        EnsureEventCapacity(eventCount);
        double[] gPrev = _gPrev, gNew = _gNew;
        bool[] prevExact = _gPrevExact, newExact = _gNewExact;
        for (int i = 0; i < eventCount; i++)
        {
            _events[i] = events[i];
            _directions[i] = events[i].Direction;
            // At the start too, a certain sign stands for the value until a crossing needs the value (CheckEvents).
            int sign = events[i].CertainSign(t, y);
            gPrev[i] = sign != 0 ? sign : events[i].Value(t, y);
            prevExact[i] = sign == 0;
        }

        IntegratorOptions opt = Options;
        double rtol = opt.RelativeTolerance, atol = opt.AbsoluteTolerance, hMax = opt.MaxStepS;
        double firstStep = initialStepS > 0 ? initialStepS : opt.InitialStepS;
        double h = firstStep > 0 ? firstStep : InitialStep(t, tEndS);
        h = Math.Min(Math.Min(h, hMax), tEndS - t0S);

        int accepted = 0, rejected = 0;
        double logFacOld = LogErrorFloor; // the logarithm of the previous accepted step's error norm (floored)
        bool lastRejected = false, lastTargeted = false;
        double hAccepted = 0;
        while (true)
        {
            if (accepted + rejected >= opt.MaxSteps)
            {
                throw new IntegrationException(
                    $"DormandPrince54: step limit MaxSteps = {opt.MaxSteps} reached at t = {t:R} s with step h = {h:R} s " +
                    $"(segment {t0S:R} s to {tEndS:R} s; {accepted} accepted, {rejected} rejected steps).");
            }

            // Land exactly on tEndS: stretch the step (by ≤ 1 %, never past MaxStepS) rather than leave a sliver.
            bool last = false;
            if (t + Math.Min(1.01 * h, hMax) >= tEndS)
            {
                h = tEndS - t;
                last = true;
            }

            double tNew = last ? tEndS : t + h;
            Step(ref system, t, h, tNew, y, yNew);
            double errSquared = ErrorNormSquared(y, yNew, h, _k1, _k3, _k4, _k5, _k6, _k7, rtol, atol, _inverseDimension);
            evaluations += 6;
            // A non-finite last stage makes the error norm non-finite (its weight is positive where yNew is finite), so
            // the state and the norm are all there is to check.
            if (!double.IsFinite(errSquared) || !AllFinite(yNew))
            {
                throw new IntegrationException(
                    $"DormandPrince54: non-finite derivative or state in the step from t = {t:R} s (step h = {h:R} s).");
            }

            // The controller's powers of the error norm as exponentials of its logarithm, taken from the mean square (the
            // norm's square root never computed), and the step multiplied by the inverse factor rather than divided by it:
            // the step's size waits for this chain, so it holds one logarithm, one exponential and no division or square
            // root (the step sizes move by rounding only; docs/performance.md, "Against a Python peer").
            double logErr = 0.5 * Math.Log(errSquared);
            if (errSquared > 1.0)
            {
                rejected++;
                lastRejected = true;
                double hFailed = h;
                // Rejected: shrink by at most 1/MinFactor, or an automatic first step by the error's own model (err ∝ h⁵)
                // down to FirstStepMinFactor; never grow.
                h *= accepted == 0 && firstStep <= 0
                    ? Math.Max(FirstStepMinFactor, Safety * Math.Exp(-ErrorExponent * logErr))
                    : Math.Max(MinFactor, Safety * Math.Exp(-Expo1 * logErr));
                if (eventCount > 0 && !lastTargeted)
                {
                    // A step across an event's crossing (where a caller ends a segment at a kink of f) fails for the
                    // kink, not for its length: retry it up to just past the crossing its trial puts there.
                    _denseBuilt = false;
                    if (CheckEvents(eventCount, t, hFailed, tNew, y, yNew, out double tCross) >= 0)
                    {
                        double hCross = (tCross - t) * (1 + CrossingOvershoot);
                        if (hCross < hFailed && hCross > 100 * MinRelativeStep * Math.Max(Math.Abs(t), Math.Abs(tEndS)))
                        {
                            // No longer than the last accepted step, which the smooth part is known to allow.
                            h = hAccepted > 0 ? Math.Min(hCross, hAccepted) : hCross;
                            lastTargeted = true;
                        }
                    }
                }
                else
                {
                    lastTargeted = false;
                }

                if (h < MinRelativeStep * Math.Max(Math.Abs(t), Math.Abs(tEndS)) || t + h == t)
                {
                    throw new IntegrationException(
                        $"DormandPrince54: step size underflow at t = {t:R} s (step h = {h:R} s, error norm {Math.Sqrt(errSquared):G3}).");
                }

                continue;
            }

            accepted++;
            hAccepted = h;
            lastTargeted = false;

            // PI controller: the next step is this one times errOld^Beta / err^Expo1 (times the safety factor, the change
            // kept within [MinFactor, MaxFactor]), no longer after a rejection. Worked out before the events are checked,
            // since the next step waits for it and they do not.
            double hNext = h * Math.Max(MinFactor, Math.Min(MaxFactor, Safety * Math.Exp(Beta * logFacOld - Expo1 * logErr)));
            if (lastRejected)
            {
                hNext = Math.Min(hNext, h);
            }

            hNext = Math.Min(hNext, hMax);
            lastRejected = false;
            logFacOld = Math.Max(logErr, LogErrorFloor);

            // The continuous extension is built when something needs it: an observer, or an event's root finding.
            _denseBuilt = false;
            if (observer is not null)
            {
                EnsureDense(y, yNew, h);
            }

            double tRoot = tNew;
            int eventIndex = eventCount == 0 ? -1 : CheckEvents(eventCount, t, h, tNew, y, yNew, out tRoot);
            if (eventIndex >= 0)
            {
                double[] coefficients = FinishAtEvent(ref system, _events[eventIndex], gPrev[eventIndex], t, h, tRoot, yEnd, ref evaluations);
                if (observer is not null)
                {
                    _output.Set(coefficients, t, coefficients == _dense ? h : tRoot - t, tRoot);
                    observer.OnStep(_output);
                }

                return new SegmentResult(tRoot, eventIndex, accepted, rejected, evaluations, h);
            }

            if (observer is not null)
            {
                _output.Set(_dense, t, h, tNew);
                observer.OnStep(_output);
            }

            // Advance: the new point becomes the step start; the last stage is the next first stage (FSAL).
            // Copied rather than swapped: a swap of the arrays would store references into this object's fields, each
            // through the garbage collector's write barrier. Copied a component at a time: both were just written a
            // component at a time, which a block copy's wider loads would have to wait for.
            Advance(yNew, y, _k7, _k1);
            t = tNew;
            for (int i = 0; i < eventCount; i++)
            {
                gPrev[i] = gNew[i];
                prevExact[i] = newExact[i];
            }

            if (last)
            {
                y.CopyTo(yEnd);
                return new SegmentResult(tEndS, -1, accepted, rejected, evaluations, h);
            }

            h = hNext;
        }
    }

    /// <summary>
    /// One DOPRI5 step of size h from (t, y) with _k1 = f(t, y): writes the 5th-order solution to yNew and the stages to
    /// _k2.._k7 (_k7 = f(tNew, yNew)). Its error is <see cref="ErrorNormSquared"/>'s.
    /// </summary>
    private void Step<TSystem>(ref TSystem system, double t, double h, double tNew, double[] y, double[] yNew)
        where TSystem : IOdeSystem
    {
        double[] k1 = _k1, k2 = _k2, k3 = _k3, k4 = _k4, k5 = _k5, k6 = _k6, k7 = _k7, ys = _yStage;

        Combine(y, h * A21, k1, ys);
        system.Derivative(t + C2 * h, ys, k2);
        Combine(y, h * A31, k1, h * A32, k2, ys);
        system.Derivative(t + C3 * h, ys, k3);
        Combine(y, h * A41, k1, h * A42, k2, h * A43, k3, ys);
        system.Derivative(t + C4 * h, ys, k4);
        Combine(y, h * A51, k1, h * A52, k2, h * A53, k3, h * A54, k4, ys);
        system.Derivative(t + C5 * h, ys, k5);
        Combine(y, h * A61, k1, h * A62, k2, h * A63, k3, h * A64, k4, h * A65, k5, ys);
        system.Derivative(tNew, ys, k6);
        Combine(y, h * A71, k1, h * A73, k3, h * A74, k4, h * A75, k5, h * A76, k6, yNew);
        system.Derivative(tNew, yNew, k7);
    }

    /// <summary>The mean over the components of (err_i / (atol + rtol·max(|y_i|, |yNew_i|)))², err = h·Σ (b_j − b̂_j)·k_j: the
    /// square of the RMS error norm.</summary>
    /// <remarks>Each component's weight is the inverse of its scale, which needs only y and yNew: it is computed while the
    /// last stage's derivative, on which err waits, is still being evaluated, and err is then multiplied by it.</remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double ErrorNormSquared(double[] y, double[] yNew, double h, double[] k1, double[] k3, double[] k4, double[] k5,
        double[] k6, double[] k7, double rtol, double atol, double inverseDimension)
    {
        int n = y.Length;
        ReadOnlySpan<double> c1 = k1.AsSpan(0, n), c3 = k3.AsSpan(0, n), c4 = k4.AsSpan(0, n), c5 = k5.AsSpan(0, n),
            c6 = k6.AsSpan(0, n), c7 = k7.AsSpan(0, n), yn = yNew.AsSpan(0, n);
        double sum = 0;
        for (int i = 0; i < y.Length; i++)
        {
            double weight = 1.0 / (atol + rtol * Math.Max(Math.Abs(y[i]), Math.Abs(yn[i])));
            double r = h * (E1 * c1[i] + E3 * c3[i] + E4 * c4[i] + E5 * c5[i] + E6 * c6[i] + E7 * c7[i]) * weight;
            sum += r * r;
        }

        return sum * inverseDimension;
    }

    // A stage's state y + Σ (h·a_j)·k_j. The stage just evaluated is added last, by one fused multiply-add onto the sum of
    // y and the earlier stages' terms, which the processor works out while that stage is still being evaluated: the next
    // derivative waits for one operation after it, not for the four of y + h·(… + a·k) (a product, the sum, the product
    // with h, the sum with y). The state moves by rounding only: the terms are scaled by h before they are summed, and y
    // is added before the last term, not after (docs/performance.md, "The stages' sums with the last stage added last").
    // Each is a method of its own, not inlined: when the earlier form, y + h·(…), was inlined into Step, between derivative
    // calls (across which no floating-point register survives), the JIT kept h on the stack and stored and loaded it
    // again in every iteration (docs/performance.md, "The equations' gravity computed directly, the stages' sums in
    // methods of their own"); not measured again inlined with the coefficients scaled by h.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Combine(double[] y, double a1, double[] k1, double[] ys)
    {
        int n = y.Length;
        ReadOnlySpan<double> c1 = k1.AsSpan(0, n);
        Span<double> s = ys.AsSpan(0, n);
        for (int i = 0; i < y.Length; i++)
        {
            s[i] = Math.FusedMultiplyAdd(a1, c1[i], y[i]);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Combine(double[] y, double a1, double[] k1, double a2, double[] k2, double[] ys)
    {
        int n = y.Length;
        ReadOnlySpan<double> c1 = k1.AsSpan(0, n), c2 = k2.AsSpan(0, n);
        Span<double> s = ys.AsSpan(0, n);
        for (int i = 0; i < y.Length; i++)
        {
            s[i] = Math.FusedMultiplyAdd(a2, c2[i], y[i] + a1 * c1[i]);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Combine(double[] y, double a1, double[] k1, double a2, double[] k2, double a3, double[] k3, double[] ys)
    {
        int n = y.Length;
        ReadOnlySpan<double> c1 = k1.AsSpan(0, n), c2 = k2.AsSpan(0, n), c3 = k3.AsSpan(0, n);
        Span<double> s = ys.AsSpan(0, n);
        for (int i = 0; i < y.Length; i++)
        {
            s[i] = Math.FusedMultiplyAdd(a3, c3[i], y[i] + (a1 * c1[i] + a2 * c2[i]));
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Combine(double[] y, double a1, double[] k1, double a2, double[] k2, double a3, double[] k3,
        double a4, double[] k4, double[] ys)
    {
        int n = y.Length;
        ReadOnlySpan<double> c1 = k1.AsSpan(0, n), c2 = k2.AsSpan(0, n), c3 = k3.AsSpan(0, n), c4 = k4.AsSpan(0, n);
        Span<double> s = ys.AsSpan(0, n);
        for (int i = 0; i < y.Length; i++)
        {
            s[i] = Math.FusedMultiplyAdd(a4, c4[i], y[i] + (a1 * c1[i] + a2 * c2[i] + a3 * c3[i]));
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Combine(double[] y, double a1, double[] k1, double a2, double[] k2, double a3, double[] k3,
        double a4, double[] k4, double a5, double[] k5, double[] ys)
    {
        int n = y.Length;
        ReadOnlySpan<double> c1 = k1.AsSpan(0, n), c2 = k2.AsSpan(0, n), c3 = k3.AsSpan(0, n), c4 = k4.AsSpan(0, n), c5 = k5.AsSpan(0, n);
        Span<double> s = ys.AsSpan(0, n);
        for (int i = 0; i < y.Length; i++)
        {
            s[i] = Math.FusedMultiplyAdd(a5, c5[i], y[i] + (a1 * c1[i] + a2 * c2[i] + a3 * c3[i] + a4 * c4[i]));
        }
    }

    /// <summary>Copies the new point into the step start and the last stage into the first.</summary>
    private static void Advance(double[] yNew, double[] y, double[] k7, double[] k1)
    {
        int n = y.Length;
        ReadOnlySpan<double> source = yNew.AsSpan(0, n), lastStage = k7.AsSpan(0, n);
        Span<double> firstStage = k1.AsSpan(0, n);
        for (int i = 0; i < y.Length; i++)
        {
            y[i] = source[i];
            firstStage[i] = lastStage[i];
        }
    }

    /// <summary>Builds the continuous extension of the step being checked into _dense, unless it is there already.</summary>
    private void EnsureDense(double[] y, double[] yNew, double h)
    {
        if (!_denseBuilt)
        {
            BuildDense(y, yNew, h, _dense);
            _denseBuilt = true;
        }
    }

    /// <summary>Builds the continuous extension of the step just taken (stages in _k1.._k7) into <paramref name="c"/>.</summary>
    private void BuildDense(double[] y, double[] yNew, double h, double[] c)
    {
        int n = y.Length;
        double[] k1 = _k1, k3 = _k3, k4 = _k4, k5 = _k5, k6 = _k6, k7 = _k7;
        for (int i = 0; i < n; i++)
        {
            double yDiff = yNew[i] - y[i];
            double bSpl = h * k1[i] - yDiff;
            c[i] = y[i];
            c[n + i] = yDiff;
            c[2 * n + i] = bSpl;
            c[3 * n + i] = yDiff - h * k7[i] - bSpl;
            c[4 * n + i] = h * (D1 * k1[i] + D3 * k3[i] + D4 * k4[i] + D5 * k5[i] + D6 * k6[i] + D7 * k7[i]);
        }
    }

    /// <summary>Evaluates the continuous extension with coefficients c, built for a step (t0, h), at time t.</summary>
    private static void Interpolate(double[] c, int n, double t0, double h, double t, Span<double> y)
    {
        double theta = (t - t0) / h;
        double theta1 = 1.0 - theta;
        for (int i = 0; i < n; i++)
        {
            y[i] = c[i] + theta * (c[n + i] + theta1 * (c[2 * n + i] + theta * (c[3 * n + i] + theta1 * c[4 * n + i])));
        }
    }

    /// <summary>
    /// Evaluates every event at the new point (into _gNew), and returns the index of the triggered event with the earliest
    /// root in (t, tNew] (written to <paramref name="tRoot"/>), or −1.
    /// </summary>
    /// <remarks>
    /// An event whose certain sign (<see cref="IEventFunction.CertainSign"/>) cannot trigger it keeps only that sign; the
    /// trigger test needs no more, and a triggered event's values at both ends of the step, which the root finder starts
    /// from, are always exact (the step start's computed again from <paramref name="y"/> where it was kept as a sign), so
    /// the roots are what exact values at every step would give, bit for bit.
    /// </remarks>
    private int CheckEvents(int count, double t, double h, double tNew, double[] y, double[] yNew, out double tRoot)
    {
        IEventFunction[] events = _events;
        CrossingDirection[] directions = _directions;
        double[] gPrev = _gPrev, gNew = _gNew;
        bool[] prevExact = _gPrevExact, newExact = _gNewExact;
        for (int i = 0; i < count; i++)
        {
            IEventFunction ev = events[i];
            int sign = ev.CertainSign(tNew, yNew);
            if (sign != 0 && !Triggers(directions[i], gPrev[i], sign))
            {
                gNew[i] = sign;
                newExact[i] = false;
            }
            else
            {
                gNew[i] = ev.Value(tNew, yNew);
                newExact[i] = true;
            }
        }

        int best = -1;
        tRoot = tNew;
        double tol = EventTimeTolerance * Math.Max(1.0, Math.Min(Math.Abs(t), Math.Abs(tNew))); // |t| near the root, not past it
        for (int i = 0; i < count; i++)
        {
            if (!Triggers(directions[i], gPrev[i], gNew[i]))
            {
                continue;
            }

            if (!prevExact[i])
            {
                gPrev[i] = events[i].Value(t, y);
                prevExact[i] = true;
            }

            EnsureDense(y, yNew, h);

            double tb = tNew, gb = gNew[i];
            if (best >= 0)
            {
                // Does this event cross before the best root so far? If g has not crossed by then, its root is later.
                Interpolate(_dense, yNew.Length, t, h, tRoot, _yEvent);
                gb = events[i].Value(tRoot, _yEvent);
                if (!IsAfter(gPrev[i], gb))
                {
                    continue;
                }

                tb = tRoot;
            }

            double root = LocateRoot(events[i], t, h, t, gPrev[i], tb, gb, tol);
            if (best < 0 || root < tRoot - tol)
            {
                best = i;
                tRoot = root;
            }
        }

        return best;
    }

    private static bool Triggers(CrossingDirection direction, double gPrev, double gNew) => direction switch
    {
        CrossingDirection.Decreasing => gPrev > 0 && gNew <= 0,
        CrossingDirection.Increasing => gPrev < 0 && gNew >= 0,
        _ => (gPrev > 0 && gNew <= 0) || (gPrev < 0 && gNew >= 0),
    };

    /// <summary>Whether g is zero or on the other side of zero from gBefore (which is non-zero).</summary>
    private static bool IsAfter(double gBefore, double g) => gBefore > 0 ? g <= 0 : g >= 0;

    /// <summary>
    /// Brent's method (zeroin) for the event's root on the dense output between ta (g = ga, strictly "before") and tb
    /// (g = gb, zero or "after"). Returns the end of the final bracket on the "after" side, so g there is zero or crossed.
    /// </summary>
    private double LocateRoot(IEventFunction ev, double tStep, double h, double ta, double ga, double tb, double gb, double tol)
    {
        int n = Dimension;
        double a = ta, fa = ga, b = tb, fb = gb, c = tb, fc = gb;
        double d = b - a, e = d;
        for (int iteration = 0; iteration < 200; iteration++)
        {
            if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0))
            {
                c = a;
                fc = fa;
                d = b - a;
                e = d;
            }

            if (Math.Abs(fc) < Math.Abs(fb))
            {
                a = b;
                b = c;
                c = a;
                fa = fb;
                fb = fc;
                fc = fa;
            }

            double tol1 = 2.0 * MachineEpsilon * Math.Abs(b) + 0.5 * tol;
            double xm = 0.5 * (c - b);
            if (Math.Abs(xm) <= tol1 || fb == 0)
            {
                break;
            }

            if (Math.Abs(e) >= tol1 && Math.Abs(fa) > Math.Abs(fb))
            {
                double p, q, s = fb / fa;
                if (a == c)
                {
                    p = 2.0 * xm * s;
                    q = 1.0 - s;
                }
                else
                {
                    double qq = fa / fc, r = fb / fc;
                    p = s * (2.0 * xm * qq * (qq - r) - (b - a) * (r - 1.0));
                    q = (qq - 1.0) * (r - 1.0) * (s - 1.0);
                }

                if (p > 0)
                {
                    q = -q;
                }

                p = Math.Abs(p);
                if (2.0 * p < Math.Min(3.0 * xm * q - Math.Abs(tol1 * q), Math.Abs(e * q)))
                {
                    e = d;
                    d = p / q;
                }
                else
                {
                    d = xm;
                    e = d;
                }
            }
            else
            {
                d = xm;
                e = d;
            }

            a = b;
            fa = fb;
            b += Math.Abs(d) > tol1 ? d : (xm > 0 ? tol1 : -tol1);
            Interpolate(_dense, n, tStep, h, b, _yEvent);
            fb = ev.Value(b, _yEvent);
        }

        // b and c bracket the root (or g(b) = 0): return whichever is on the "after" side.
        double root = IsAfter(ga, fb) ? b : c;
        return Math.Clamp(root, ta, tb);
    }

    /// <summary>
    /// Writes the state at the event time into yEnd (re-stepped when that keeps the event's sign, else interpolated) and
    /// returns the dense coefficients the observer should see for [t, tRoot].
    /// </summary>
    private double[] FinishAtEvent<TSystem>(ref TSystem system, IEventFunction ev, double gBefore, double t, double h, double tRoot,
        Span<double> yEnd, ref int evaluations)
        where TSystem : IOdeSystem
    {
        // _k1 still holds f(t, y): re-take the step with exactly tRoot − t. Its stages overwrite _k2.._k7 (the original
        // step's continuous extension is already in _dense).
        double hr = tRoot - t;
        Step(ref system, t, hr, tRoot, _y, _yRestep);
        evaluations += 6;
        if (AllFinite(_yRestep) && AllFinite(_k7) && IsAfter(gBefore, ev.Value(tRoot, _yRestep)))
        {
            BuildDense(_y, _yRestep, hr, _denseRestep);
            _yRestep.CopyTo(yEnd);
            LastEventRestepped = true;
            return _denseRestep;
        }

        // Fall back to the interpolant, on which the event's sign is right by construction of the root.
        Interpolate(_dense, Dimension, t, h, tRoot, yEnd);
        LastEventRestepped = false;
        return _dense;
    }

    /// <summary>
    /// The automatic first step: Hairer's first guess h0 = 0.01·‖y0‖/‖f0‖ (HNW I, §II.4; both norms weighted as the error
    /// norm is), taken at the bound Hairer puts on his estimate, 100·h0, and never more than the largest step or the
    /// segment. It is a trial: its error estimate shrinks it if it fails (by the error's own model, err ∝ h⁵, up to
    /// <see cref="FirstStepMinFactor"/>). Needs _y and _k1 = f(t0, y0); no evaluation.
    /// </summary>
    /// <remarks>
    /// Hairer's second estimate, h1 = (0.01 / max(‖f0‖, ‖f′‖))^(1/5), is left out. It weighs the derivative's norm as if the
    /// problem were scaled to one: on a flight, metres and metres a second weighted by atol + rtol·|y| give ‖f0‖ of the order
    /// of 10⁷ per second, so h1 was 0.014 s on the ICBM free flight, whose steps are 24 to 40 s, and the controller, which
    /// grows a step at most tenfold, took three steps to climb out of it (0.014, 0.14, 1.4, 14 s: 24 of its 182
    /// evaluations). Tried at once, its first step (60 s) is rejected once and then accepted: 163 evaluations. A boosted
    /// phase's first step (0.5–2 s) is found after one to three rejections, where the climb took several accepted steps: a
    /// solved Sejjil-2 flight takes 1,956 evaluations instead of 2,502. Over 1,000 random free flights
    /// (<c>Bulwark.Bench --accuracy 1000</c>) the evaluations fall by 18.8% in vacuum and 4.7% with drag, and the mean
    /// distance of the impact from the same flight at rtol 1e−13 rises by 7–9% (0.460 → 0.491 mm in vacuum), where a
    /// tolerance loosened to save 13% triples it (docs/performance.md, "The first step at Hairer's bound").
    /// </remarks>
    private double InitialStep(double t0, double tEnd)
    {
        int n = Dimension;
        double rtol = Options.RelativeTolerance, atol = Options.AbsoluteTolerance;
        double hMax = Math.Min(Options.MaxStepS, tEnd - t0);
        double[] y = _y, f0 = _k1;

        double dnf = 0, dny = 0;
        for (int i = 0; i < n; i++)
        {
            double sk = atol + rtol * Math.Abs(y[i]);
            double a = f0[i] / sk, b = y[i] / sk;
            dnf += a * a;
            dny += b * b;
        }

        double h0 = dnf <= 1e-10 || dny <= 1e-10 ? 1e-6 : Math.Sqrt(dny / dnf) * 0.01;
        double h = Math.Min(100 * h0, hMax);
        if (!double.IsFinite(h) || !(h > 0))
        {
            throw new IntegrationException(
                $"DormandPrince54: non-finite derivative while choosing the initial step at t = {t0:R} s.");
        }

        return h;
    }

    private void EnsureEventCapacity(int count)
    {
        if (_gPrev.Length < count)
        {
            int size = Math.Max(count, 2 * _gPrev.Length);
            _gPrev = new double[size];
            _gNew = new double[size];
            _gPrevExact = new bool[size];
            _gNewExact = new bool[size];
            _events = new IEventFunction[size];
            _directions = new CrossingDirection[size];
        }
    }

    private static bool AllFinite(double[] v)
    {
        foreach (double x in v)
        {
            if (!double.IsFinite(x))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The continuous solution over one step, reused for every step; valid during an OnStep call only.</summary>
    private sealed class DenseOutput(int n) : IDenseOutput
    {
        private double[] _c = [];

        /// <summary>The step size the coefficients were built for (the full step even when the output ends early).</summary>
        internal double H { get; private set; }

        public double StartTimeS { get; private set; }

        public double EndTimeS { get; private set; }

        internal void Set(double[] coefficients, double startS, double h, double endS)
        {
            _c = coefficients;
            StartTimeS = startS;
            H = h;
            EndTimeS = endS;
        }

        public void Interpolate(double t, Span<double> y)
        {
            double slack = 64 * MachineEpsilon * Math.Max(Math.Abs(StartTimeS), Math.Abs(EndTimeS));
            if (!(t >= StartTimeS - slack && t <= EndTimeS + slack))
            {
                throw new ArgumentOutOfRangeException(nameof(t), $"t = {t:R} s is outside the step [{StartTimeS:R}, {EndTimeS:R}] s.");
            }

            if (y.Length < n)
            {
                throw new ArgumentException($"y has {y.Length} components, expected {n}.", nameof(y));
            }

            DormandPrince54.Interpolate(_c, n, StartTimeS, H, t, y);
        }
    }
}
