using Bulwark.Integration;

namespace Bulwark.Tests.Integration;

public class DormandPrince54Tests
{
    private static readonly IEventFunction[] NoEvents = [];

    private static IntegratorOptions Tolerance(double tol, double maxStepS = 60) => new(tol, tol, maxStepS, 0, 1_000_000);

    // ---- closed-form problems ----

    [Fact]
    public void ExponentialDecayMatchesClosedForm()
    {
        var integrator = new DormandPrince54(1, new IntegratorOptions(1e-12, 1e-14, 60, 0, 1_000_000));
        Span<double> y = stackalloc double[1];
        SegmentResult result = integrator.Integrate(new Decay(), 0, [1.0], 10.0, y, NoEvents);

        Assert.Equal(10.0, result.EndTimeS);
        Assert.False(result.StoppedOnEvent);
        Assert.Equal(-1, result.EventIndex);
        Assert.Equal(Math.Exp(-10.0), y[0], Math.Exp(-10.0) * 1e-9);
    }

    [Theory]
    [InlineData(1e-6)]
    [InlineData(1e-8)]
    [InlineData(1e-10)]
    public void HarmonicOscillatorOverManyPeriodsStaysWithinAToleranceScaledBound(double tol)
    {
        const int periods = 20;
        double tEnd = periods * 2 * Math.PI;
        var integrator = new DormandPrince54(2, Tolerance(tol));
        Span<double> y = stackalloc double[2];
        integrator.Integrate(new Oscillator(), 0, [1.0, 0.0], tEnd, y, NoEvents);

        double error = Math.Max(Math.Abs(y[0] - Math.Cos(tEnd)), Math.Abs(y[1] + Math.Sin(tEnd)));
        // Global error grows roughly linearly with the number of periods: allow 10·tol per period.
        Assert.True(error < 10 * tol * periods, $"error {error:G3} at tol {tol:G3}");
    }

    [Fact]
    public void CircularKeplerOrbitReturnsToItsStartAfterOnePeriod()
    {
        var integrator = new DormandPrince54(4, Tolerance(1e-12));
        Span<double> y = stackalloc double[4];
        SegmentResult result = integrator.Integrate(new Kepler(), 0, [1.0, 0.0, 0.0, 1.0], 2 * Math.PI, y, NoEvents);

        Assert.Equal(2 * Math.PI, result.EndTimeS);
        Assert.Equal(1.0, y[0], 1e-9);
        Assert.Equal(0.0, y[1], 1e-9);
        Assert.Equal(0.0, y[2], 1e-9);
        Assert.Equal(1.0, y[3], 1e-9);
    }

    [Fact]
    public void ErrorDecreasesAsTheToleranceTightens()
    {
        double Error(double tol)
        {
            var integrator = new DormandPrince54(4, Tolerance(tol));
            Span<double> y = stackalloc double[4];
            integrator.Integrate(new Kepler(), 0, [1.0, 0.0, 0.0, 1.0], 4 * Math.PI, y, NoEvents);
            return Math.Sqrt(Math.Pow(y[0] - 1, 2) + y[1] * y[1] + y[2] * y[2] + Math.Pow(y[3] - 1, 2));
        }

        double e6 = Error(1e-6), e8 = Error(1e-8), e10 = Error(1e-10);
        Assert.True(e8 < e6 && e10 < e8, $"errors {e6:G3}, {e8:G3}, {e10:G3}");
        Assert.True(e10 < e6 * 1e-2, $"errors {e6:G3}, {e10:G3}");
    }

    [Fact]
    public void ResultCountsAreConsistentAndTheLastStepLandsOnTheEnd()
    {
        var integrator = new DormandPrince54(2, Tolerance(1e-9, maxStepS: 0.5));
        var recorder = new StepRecorder();
        Span<double> y = stackalloc double[2];
        SegmentResult result = integrator.Integrate(new Oscillator(), 0, [1.0, 0.0], 7.3, y, NoEvents, recorder);

        Assert.Equal(result.AcceptedSteps, recorder.Steps.Count);
        Assert.Equal(7.3, recorder.Steps[^1].End);
        Assert.Equal(0.0, recorder.Steps[0].Start);
        for (int i = 1; i < recorder.Steps.Count; i++)
        {
            Assert.Equal(recorder.Steps[i - 1].End, recorder.Steps[i].Start);
        }

        Assert.All(recorder.Steps, s => Assert.True(s.End - s.Start <= 0.5 + 1e-15, $"step {s.End - s.Start}"));
        // One evaluation at t0, none for the automatic initial step, six per attempted step (FSAL).
        Assert.Equal(1 + 6 * (result.AcceptedSteps + result.RejectedSteps), result.Evaluations);
        // The interpolant at the end of the last step is the returned state.
        Assert.Equal(y[0], recorder.Ends[^1][0], 1e-15);
        Assert.Equal(y[1], recorder.Ends[^1][1], 1e-15);
    }

    [Theory]
    [InlineData(60.0, 10.0, 1.0)]  // Hairer's bound 100·h0, h0 = 0.01·‖y0‖/‖f0‖ = 0.01 s for y' = −y from y = 1
    [InlineData(0.5, 10.0, 0.5)]   // the largest step
    [InlineData(60.0, 0.3, 0.3)]   // the segment
    public void TheAutomaticFirstStepIsHairersBoundOnHisFirstGuessWithinTheLargestStepAndTheSegment(
        double maxStepS, double tEndS, double expectedFirstStepS)
    {
        var integrator = new DormandPrince54(1, new IntegratorOptions(1e-9, 1e-9, maxStepS, 0, 1_000_000));
        var decay = new TimedDecay();
        Span<double> y = stackalloc double[1];
        SegmentResult result = integrator.Integrate(decay, 0, [1.0], tEndS, y, NoEvents);

        // The first trial step's second stage is at t0 + h/5; no evaluation is spent on choosing h.
        Assert.Equal(0.0, decay.Times[0]);
        Assert.Equal(expectedFirstStepS / 5, decay.Times[1], 1e-15);
        Assert.Equal(1 + 6 * (result.AcceptedSteps + result.RejectedSteps), result.Evaluations);
        Assert.Equal(Math.Exp(-tEndS), y[0], 1e-8);
    }

    [Fact]
    public void ARejectedAutomaticFirstStepShrinksByItsErrorNotByAtMostFive()
    {
        // y' = cos(10 t) beside a large constant: the first guess (Hairer's bound, 1 s here) is far too long for the
        // oscillation, and its error's own model shrinks it in one go (to 0.032 s) where the controller's fivefold limit
        // would take three rejections.
        var integrator = new DormandPrince54(2, new IntegratorOptions(1e-9, 1e-9, 60, 0, 1_000_000));
        var system = new TimedOscillation();
        Span<double> y = stackalloc double[2];
        SegmentResult result = integrator.Integrate(system, 0, [0.0, 1e6], 2.0, y, NoEvents);

        double firstTrial = 5 * system.Times[1], secondTrial = 5 * system.Times[7];
        Assert.Equal(1.0, firstTrial, 1e-5); // 100·h0, h0 = 0.01·‖y0‖/‖f0‖ = 0.01·(1e6 / (1e−3 + 1e−9)) / (1 / 1e−9)
        Assert.True(secondTrial < 0.2 * firstTrial && secondTrial >= 1e-3 * firstTrial, $"second trial {secondTrial} s after {firstTrial} s");
        Assert.True(result.RejectedSteps >= 1);
        Assert.Equal(Math.Sin(20) / 10, y[0], 1e-7);
    }

    private sealed class TimedOscillation : IOdeSystem
    {
        public List<double> Times { get; } = [];

        public int Dimension => 2;

        public void Derivative(double t, ReadOnlySpan<double> y, Span<double> dydt)
        {
            Times.Add(t);
            dydt[0] = Math.Cos(10 * t);
            dydt[1] = 0;
        }
    }

    private sealed class TimedDecay : IOdeSystem
    {
        public List<double> Times { get; } = [];

        public int Dimension => 1;

        public void Derivative(double t, ReadOnlySpan<double> y, Span<double> dydt)
        {
            Times.Add(t);
            dydt[0] = -y[0];
        }
    }

    [Fact]
    public void GivenInitialStepIsUsed()
    {
        var integrator = new DormandPrince54(2, new IntegratorOptions(1e-9, 1e-9, 60, 1e-3, 1_000_000));
        var recorder = new StepRecorder();
        Span<double> y = stackalloc double[2];
        SegmentResult result = integrator.Integrate(new Oscillator(), 0, [1.0, 0.0], 1.0, y, NoEvents, recorder);

        Assert.Equal(1e-3, recorder.Steps[0].End, 1e-18);
        Assert.Equal(1 + 6 * (result.AcceptedSteps + result.RejectedSteps), result.Evaluations);
    }

    [Fact]
    public void AGivenFirstStepOverridesTheOptionsAndTheLastStepIsReported()
    {
        var integrator = new DormandPrince54(2, new IntegratorOptions(1e-9, 1e-9, 60, 1e-3, 1_000_000));
        var recorder = new StepRecorder();
        Span<double> y = stackalloc double[2];
        SegmentResult result = integrator.Integrate(new Oscillator(), 0, [1.0, 0.0], 1.0, y, NoEvents, recorder, initialStepS: 2e-3);

        Assert.Equal(2e-3, recorder.Steps[0].End, 1e-18);
        (double start, double end) = recorder.Steps[^1];
        Assert.Equal(end - start, result.LastStepS, 1e-15);
    }

    // ---- a kink of f at an event ----

    [Fact]
    public void AStepAcrossAKinkAtAnEventIsRetriedUpToIt()
    {
        // Kinked: f's slope jumps at y = 1 (t = 1). A segment that ends there by an event, and a next one from it, is how
        // the propagator crosses an atmosphere layer's base (SmoothBandEvent). The first trial step across the kink fails
        // (its error is of the order of the kink, not of the tolerance); the retry steps onto the kink, so that segment
        // has at most that one rejection, and the whole is as accurate as the tolerance.
        var options = new IntegratorOptions(1e-10, 1e-10, 0.5, 0, 1_000_000);
        var integrator = new DormandPrince54(1, options);
        IEventFunction[] kink = [new LevelEvent(0, Kinked.KinkY, CrossingDirection.Increasing)];
        double[] y = new double[1];
        SegmentResult toKink = integrator.Integrate(new Kinked(), 0, [0.0], 3.0, y, kink);
        Assert.Equal(0, toKink.EventIndex);
        Assert.Equal(1.0, toKink.EndTimeS, 1e-9);
        Assert.True(toKink.RejectedSteps <= 1, $"{toKink.RejectedSteps} rejected steps up to the kink");

        SegmentResult after = integrator.Integrate(new Kinked(), toKink.EndTimeS, [.. y], 3.0, y, NoEvents, initialStepS: toKink.LastStepS);
        double exact = Kinked.Exact(3.0);
        Assert.Equal(exact, y[0], exact * 1e-8);

        // The same in one segment, the kink inside it: the step across it is rejected until it is small.
        SegmentResult through = integrator.Integrate(new Kinked(), 0, [0.0], 3.0, y, NoEvents);
        Assert.Equal(exact, y[0], exact * 1e-8);
        Assert.True(through.RejectedSteps >= toKink.RejectedSteps + after.RejectedSteps + 3,
            $"across the kink: {through.RejectedSteps} rejections; ending a segment there: {toKink.RejectedSteps} + {after.RejectedSteps}");
    }

    // ---- dense output and observer ----

    [Fact]
    public void DenseOutputAtMidStepMatchesTheExactSolution()
    {
        const double tol = 1e-9;
        var integrator = new DormandPrince54(2, Tolerance(tol));
        var recorder = new StepRecorder();
        Span<double> y = stackalloc double[2];
        integrator.Integrate(new Oscillator(), 0, [1.0, 0.0], 10.0, y, NoEvents, recorder);

        Assert.True(recorder.Midpoints.Count > 5);
        foreach ((double t, double[] yMid) in recorder.Midpoints)
        {
            Assert.True(Math.Abs(yMid[0] - Math.Cos(t)) < 100 * tol, $"x error {yMid[0] - Math.Cos(t):G3} at t = {t}");
            Assert.True(Math.Abs(yMid[1] + Math.Sin(t)) < 100 * tol, $"v error {yMid[1] + Math.Sin(t):G3} at t = {t}");
        }
    }

    [Fact]
    public void ObserverSamplingAtFixedTimesReproducesTheExactSolution()
    {
        const double tol = 1e-10;
        var integrator = new DormandPrince54(4, Tolerance(tol));
        var sampler = new FixedTimeSampler(0, 0.1, 63, 4);
        Span<double> y = stackalloc double[4];
        integrator.Integrate(new Kepler(), 0, [1.0, 0.0, 0.0, 1.0], 2 * Math.PI, y, NoEvents, sampler);

        Assert.Equal(63, sampler.Samples.Count);
        foreach ((double t, double[] s) in sampler.Samples)
        {
            Assert.Equal(Math.Cos(t), s[0], 1e-8);
            Assert.Equal(Math.Sin(t), s[1], 1e-8);
            Assert.Equal(-Math.Sin(t), s[2], 1e-8);
            Assert.Equal(Math.Cos(t), s[3], 1e-8);
        }
    }

    // ---- events ----

    private static readonly double ImpactTime = Math.Sqrt(200 / Ballistic.G);

    [Fact]
    public void FallingBodyHitsTheGroundAtTheClosedFormTime()
    {
        var integrator = new DormandPrince54(2, IntegratorOptions.Default);
        var recorder = new StepRecorder();
        Span<double> y = stackalloc double[2];
        IEventFunction[] events = [new LevelEvent(0, 0, CrossingDirection.Decreasing)];
        SegmentResult result = integrator.Integrate(new Ballistic(), 0, [100.0, 0.0], 100.0, y, events, recorder);

        Assert.True(result.StoppedOnEvent);
        Assert.Equal(0, result.EventIndex);
        Assert.Equal(ImpactTime, result.EndTimeS, 1e-9);
        Assert.Equal(0.0, y[0], 44 * 1e-9); // |dh/dt| ≈ 44 m/s times the 1e-9 s time tolerance
        Assert.True(y[0] <= 0, $"height at the event {y[0]:G3} is on the 'after' side");
        Assert.Equal(-Ballistic.G * ImpactTime, y[1], 1e-8);
        // The observer's last step ends at the event, with the state returned.
        Assert.Equal(result.EndTimeS, recorder.Steps[^1].End);
        Assert.Equal(y[0], recorder.Ends[^1][0], 1e-12);
        Assert.Equal(y[1], recorder.Ends[^1][1], 1e-12);
    }

    [Fact]
    public void EventStateOnACurvedSolutionIsReSteppedAndAccurate()
    {
        // x = cos t crosses 0 downwards at π/2 (and 5π/2, ...); large steps make the interpolant the weak link.
        const double tol = 1e-9;
        var integrator = new DormandPrince54(2, Tolerance(tol));
        var recorder = new StepRecorder();
        Span<double> y = stackalloc double[2];
        IEventFunction[] events = [new LevelEvent(0, 0, CrossingDirection.Decreasing)];
        SegmentResult first = integrator.Integrate(new Oscillator(), 0, [1.0, 0.0], 100.0, y, events, recorder);

        Assert.Equal(0, first.EventIndex);
        Assert.Equal(Math.PI / 2, first.EndTimeS, 1e-8);
        Assert.Equal(-1.0, y[1], 1e-8);
        Assert.True(y[0] <= 0);
        // Whichever state was kept, the observer's last interpolant reproduces it at the event time.
        Assert.Equal(y[0], recorder.Ends[^1][0], 1e-15);
        Assert.Equal(y[1], recorder.Ends[^1][1], 1e-15);

        // Over many crossings, the re-stepped state is the usual outcome.
        int restepped = 0;
        double t = first.EndTimeS;
        double[] state = y.ToArray();
        IEventFunction[] any = [new LevelEvent(0, 0, CrossingDirection.Any)];
        for (int k = 0; k < 20; k++)
        {
            SegmentResult r = integrator.Integrate(new Oscillator(), t, state, t + 10, state, any);
            Assert.Equal(0, r.EventIndex);
            Assert.Equal(Math.PI / 2 + (k + 1) * Math.PI, r.EndTimeS, 1e-7);
            Assert.True(r.EndTimeS - t > 3.0, "each crossing is a half period after the previous, never at once");
            restepped += integrator.LastEventRestepped ? 1 : 0;
            t = r.EndTimeS;
        }

        Assert.True(restepped >= 5, $"re-stepped {restepped} of 20");
    }

    [Fact]
    public void IncreasingEventIsNotTriggeredOnTheWayDown()
    {
        var integrator = new DormandPrince54(2, IntegratorOptions.Default);
        Span<double> y = stackalloc double[2];
        IEventFunction[] events =
        [
            new LevelEvent(0, 50, CrossingDirection.Increasing),
            new LevelEvent(0, 0, CrossingDirection.Decreasing),
        ];
        SegmentResult result = integrator.Integrate(new Ballistic(), 0, [100.0, 0.0], 100.0, y, events);

        Assert.Equal(1, result.EventIndex);
        Assert.Equal(ImpactTime, result.EndTimeS, 1e-9);
    }

    [Fact]
    public void IncreasingEventOnlyWithoutCrossingRunsToTheEnd()
    {
        var integrator = new DormandPrince54(2, IntegratorOptions.Default);
        Span<double> y = stackalloc double[2];
        IEventFunction[] events = [new LevelEvent(0, 50, CrossingDirection.Increasing)];
        SegmentResult result = integrator.Integrate(new Ballistic(), 0, [100.0, 0.0], 4.0, y, events);

        Assert.False(result.StoppedOnEvent);
        Assert.Equal(4.0, result.EndTimeS);
        Assert.Equal(100.0 - 0.5 * Ballistic.G * 16.0, y[0], 1e-9);
    }

    [Fact]
    public void ApogeeOfAThrownBallIsAtV0OverG()
    {
        const double v0 = 30.0;
        var integrator = new DormandPrince54(2, IntegratorOptions.Default);
        Span<double> y = stackalloc double[2];
        IEventFunction[] events = [new LevelEvent(1, 0, CrossingDirection.Decreasing)];
        SegmentResult result = integrator.Integrate(new Ballistic(), 0, [0.0, v0], 100.0, y, events);

        Assert.Equal(0, result.EventIndex);
        Assert.Equal(v0 / Ballistic.G, result.EndTimeS, 1e-9);
        Assert.Equal(v0 * v0 / (2 * Ballistic.G), y[0], 1e-8);
        Assert.Equal(0.0, y[1], 1e-8);
    }

    [Theory]
    [InlineData(CrossingDirection.Any)]
    [InlineData(CrossingDirection.Decreasing)]
    [InlineData(CrossingDirection.Increasing)]
    public void ZeroAtTheStartDoesNotTrigger(CrossingDirection direction)
    {
        // Thrown up from the ground: the height is 0 at t0, positive until landing at 2·v0/g ≈ 4.08 s.
        var integrator = new DormandPrince54(2, IntegratorOptions.Default);
        Span<double> y = stackalloc double[2];
        IEventFunction[] events = [new LevelEvent(0, 0, direction)];
        SegmentResult result = integrator.Integrate(new Ballistic(), 0, [0.0, 20.0], 3.0, y, events);

        Assert.False(result.StoppedOnEvent);
        Assert.Equal(3.0, result.EndTimeS);
    }

    [Fact]
    public void ZeroAtTheStartStillAllowsTheLaterCrossing()
    {
        const double v0 = 20.0;
        var integrator = new DormandPrince54(2, IntegratorOptions.Default);
        Span<double> y = stackalloc double[2];
        IEventFunction[] events = [new LevelEvent(0, 0, CrossingDirection.Decreasing)];
        SegmentResult result = integrator.Integrate(new Ballistic(), 0, [0.0, v0], 100.0, y, events);

        Assert.Equal(0, result.EventIndex);
        Assert.Equal(2 * v0 / Ballistic.G, result.EndTimeS, 1e-9);
    }

    [Fact]
    public void RestartingFromAnEventWithTheSameEventDoesNotFireAgainAtOnce()
    {
        // Apogee, then continue from the apogee state with the same event: the velocity stays ≤ 0, so no new event.
        var integrator = new DormandPrince54(2, IntegratorOptions.Default);
        Span<double> y = stackalloc double[2];
        IEventFunction[] events = [new LevelEvent(1, 0, CrossingDirection.Any)];
        SegmentResult first = integrator.Integrate(new Ballistic(), 0, [0.0, 30.0], 100.0, y, events);
        Assert.Equal(0, first.EventIndex);

        double[] apogee = y.ToArray();
        SegmentResult second = integrator.Integrate(new Ballistic(), first.EndTimeS, apogee, first.EndTimeS + 5, y, events);
        Assert.False(second.StoppedOnEvent);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void EarliestOfTwoEventsInOneStepWins(bool reversed)
    {
        // A 10 s first step (exact for this quadratic motion) contains both the 50 m and the 0 m crossings.
        var integrator = new DormandPrince54(2, new IntegratorOptions(1e-10, 1e-6, 60, 10, 1_000_000));
        var recorder = new StepRecorder();
        Span<double> y = stackalloc double[2];
        IEventFunction ground = new LevelEvent(0, 0, CrossingDirection.Decreasing);
        IEventFunction half = new LevelEvent(0, 50, CrossingDirection.Decreasing);
        IEventFunction[] events = reversed ? [half, ground] : [ground, half];
        SegmentResult result = integrator.Integrate(new Ballistic(), 0, [100.0, 0.0], 100.0, y, events, recorder);

        Assert.Single(recorder.Steps);
        Assert.Equal(reversed ? 0 : 1, result.EventIndex);
        Assert.Equal(Math.Sqrt(100 / Ballistic.G), result.EndTimeS, 1e-9);
        Assert.Equal(50.0, y[0], 32 * 1e-9); // |dh/dt| ≈ 31 m/s times the 1e-9 s time tolerance
        Assert.Equal(result.EndTimeS, recorder.Steps[0].End);
    }

    // ---- guards ----

    [Fact]
    public void StepLimitThrowsWithTheLimitInTheMessage()
    {
        var integrator = new DormandPrince54(2, new IntegratorOptions(1e-10, 1e-10, 60, 0, 10));
        var y = new double[2];
        var ex = Assert.Throws<IntegrationException>(
            () => integrator.Integrate(new Oscillator(), 0, [1.0, 0.0], 1000.0, y, NoEvents));
        Assert.Contains("MaxSteps = 10", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NaNDerivativeThrows()
    {
        var integrator = new DormandPrince54(1, IntegratorOptions.Default);
        var y = new double[1];
        var ex = Assert.Throws<IntegrationException>(
            () => integrator.Integrate(new NaNAfter(-1), 0, [1.0], 10.0, y, NoEvents));
        Assert.Contains("t = 0", ex.Message, StringComparison.Ordinal);

        var later = Assert.Throws<IntegrationException>(
            () => integrator.Integrate(new NaNAfter(2.5), 0, [1.0], 10.0, y, NoEvents));
        Assert.Contains("non-finite", later.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultOptionsStructIsRejected()
        => Assert.Throws<ArgumentOutOfRangeException>(() => new DormandPrince54(2, default));

    // ---- allocation ----

    [Fact]
    public void SecondCallAllocatesNothing()
    {
        var integrator = new DormandPrince54(2, Tolerance(1e-10, maxStepS: 0.1));
        double[] y0 = [1.0, 0.0];
        var yEnd = new double[2];

        // Warm-up: the first calls JIT-compile the generic instantiation (and tiered compilation may recompile it);
        // JIT work can be charged to this thread, so only a later call is measured.
        for (int i = 0; i < 3; i++)
        {
            integrator.Integrate(new Oscillator(), 0, y0, 20.0, yEnd, NoEvents);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        SegmentResult result = integrator.Integrate(new Oscillator(), 0, y0, 20.0, yEnd, NoEvents);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(result.AcceptedSteps >= 200);
        Assert.Equal(0, allocated);
    }
}
