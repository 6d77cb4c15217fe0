using Bulwark.Atmosphere;
using Bulwark.Earth;
using Bulwark.Flight;
using Bulwark.Flight.Forces;
using Bulwark.Flight.Propagation;
using Bulwark.Flight.Vehicles;
using Bulwark.Numerics;

namespace Bulwark.Tests.Flight.Propagation;

public class PropagatorTests
{
    private static readonly FlightEnvironment Vacuum = new(Planet.Wgs84, NoAtmosphere.Instance);
    private static readonly FlightEnvironment Air = FlightEnvironment.Default;
    private static readonly PointMassBody Body = new(100, 0.05, DragCoefficient.Constant(0.3));

    /// <summary>A shell fired at 2 km/s and 60° from 1 km up at 45° N, starting at t0 = 37.25 s.</summary>
    private static FlightPlan Shell(FlightEnvironment env, double t0 = 37.25) =>
        Body.FreeFlight(env, env.StateAt(t0, Geodetic.FromDegrees(45, 10, 1000), new Vec3(700, 700, -1732), Body.MassKg));

    private static PropagationOptions Options(double? stopTimeS, double? stopAltitudeM, double stepS = 0, bool apogee = false) =>
        new(stopTimeS, stopAltitudeM, stepS, apogee, PropagationOptions.DefaultIntegrator);

    [Fact]
    public void ADescentIntegratorFliesOnlyTheDescentBelowItsHeight()
    {
        // A Sejjil-2 from Tabriz at 1e-12 (the refinement's integrator), its descent below 86 km at 1e-10 or not.
        var missile = Bulwark.Catalog.BulwarkCatalog.BuiltIn.Missile("sejjil-2");
        Geodetic tabriz = Bulwark.Catalog.BulwarkCatalog.BuiltIn.Place("tabriz").Position with { HeightM = 0 };
        FlightPlan plan = missile.Plan(Air, tabriz, 0, -75 * Math.PI / 180, new ShapeControls(0.975, 45 * Math.PI / 180));
        var tight = PropagationOptions.ToImpact(10) with { Integrator = new Bulwark.Integration.IntegratorOptions(1e-12, 1e-8, 60, 0, 1_000_000) };
        Trajectory all = new Propagator(Air, tight).Run(plan);
        Trajectory same = new Propagator(Air, tight with { DescentIntegrator = tight.Integrator }).Run(plan);
        Trajectory loose = new Propagator(Air, tight with { DescentIntegrator = PropagationOptions.DefaultIntegrator }).Run(plan);

        Assert.Equal(all.Final, same.Final);
        Assert.Equal(all.Evaluations, same.Evaluations);

        // Up to the first sample below 86 km after the apogee, the same flight to the bit; then fewer evaluations, and an
        // impact within a millimetre (measured: 1.1 µm; the descent's errors move it directly, without the boost's
        // amplification over the flight).
        FlightState apogee = all.Find("apogee")!.Value.State;
        Assert.Equal(apogee, loose.Find("apogee")!.Value.State);
        int k = all.Samples.ToList().FindIndex(s => s.TimeS > apogee.TimeS && Air.GeodeticPosition(s).HeightM < 86_000);
        Assert.True(k > 0);
        Assert.True(all.Samples.Take(k).SequenceEqual(loose.Samples.Take(k)));
        Assert.True(loose.Evaluations < 0.9 * all.Evaluations, $"{loose.Evaluations} evaluations against {all.Evaluations}");
        double moved = (loose.Final.PositionEciM - all.Final.PositionEciM).Norm;
        Assert.True(moved < 1e-3, $"the impact moved {moved} m");
    }

    [Fact]
    public void SamplesBeyondThePooledBufferAreTheSameWhateverFlightsItServedBefore()
    {
        // The sampler gathers in a pooled buffer (1,024 samples, grown by renting a larger one) and hands out an array of
        // exactly the samples: a 0.25 s step over a 735 s Sejjil-2 flight takes three buffers; flown first, then again
        // after a flight that filled and returned the pool's buffers with other states, the samples are the same.
        var missile = Bulwark.Catalog.BulwarkCatalog.BuiltIn.Missile("sejjil-2");
        Geodetic tabriz = Bulwark.Catalog.BulwarkCatalog.BuiltIn.Place("tabriz").Position with { HeightM = 0 };
        FlightPlan Plan(double elevationDeg) => missile.Plan(Air, tabriz, 0, -75 * Math.PI / 180, new ShapeControls(0.975, elevationDeg * Math.PI / 180));
        var propagator = new Propagator(Air, PropagationOptions.ToImpact(0.25));
        Trajectory first = propagator.Run(Plan(45));
        _ = propagator.Run(Plan(60));
        Trajectory again = propagator.Run(Plan(45));

        Assert.True(first.Samples.Count > 2048, $"{first.Samples.Count} samples");
        Assert.IsType<FlightState[]>(first.Samples);
        Assert.Equal(first.Samples, again.Samples);
        Assert.Equal(first.Final, first.Samples[^1]);
        Assert.Equal(0.25, first.Samples[2048].TimeS - first.Samples[2047].TimeS, 12);
    }

    [Fact]
    public void SamplesFallAtExactMultiplesOfTheStepThenOneRowAtTheExactStop()
    {
        // Sampler: t0 + k·step for integer k (no accumulated drift), the initial state first, the final state last.
        const double t0 = 37.25, step = 0.7, stop = 37.25 + 10.2;
        Trajectory t = new Propagator(Vacuum, Options(stop, null, step)).Run(Shell(Vacuum, t0));
        Assert.Equal(FlightEnd.Time, t.End);
        Assert.Equal(stop, t.Final.TimeS);
        Assert.Equal(16, t.Samples.Count); // k = 0 … 14 (t0 + 9.8 s), then the stop at t0 + 10.2 s
        for (int k = 0; k < 15; k++)
        {
            Assert.Equal(t0 + k * step, t.Samples[k].TimeS);
        }

        Assert.Equal(t.Final, t.Samples[^1]);
        Assert.Equal(Shell(Vacuum, t0).Initial, t.Samples[0]);
    }

    [Fact]
    public void AStopOnAStepIsNotRecordedTwice()
    {
        Trajectory t = new Propagator(Vacuum, Options(10, null, 0.5)).Run(Shell(Vacuum, 0));
        Assert.Equal(21, t.Samples.Count);
        Assert.Equal(10, t.Samples[^1].TimeS);
        Assert.Equal(t.Samples.Select(s => s.TimeS).Distinct().Count(), t.Samples.Count);
    }

    [Fact]
    public void ASampleIsTheStateThatAFlightStoppedThereReaches()
    {
        // Dense output (4th-order interpolant) agrees with a flight integrated to that time to well under a metre.
        var sampled = new Propagator(Air, Options(60, null, 4)).Run(Shell(Air, 0));
        foreach (double time in new[] { 12.0, 36.0, 56.0 })
        {
            FlightState direct = new Propagator(Air, Options(time, null)).Run(Shell(Air, 0)).Final;
            FlightState sample = sampled.Samples.Single(s => s.TimeS == time);
            Assert.True((sample.PositionEciM - direct.PositionEciM).Norm < 1e-2, $"{time} s: {(sample.PositionEciM - direct.PositionEciM).Norm} m");
            Assert.True((sample.VelocityEciMPerS - direct.VelocityEciMPerS).Norm < 1e-4);
        }
    }

    [Fact]
    public void NoOutputStepMeansNoSamples()
    {
        Trajectory t = new Propagator(Vacuum, Options(5, null)).Run(Shell(Vacuum));
        Assert.Empty(t.Samples);
    }

    [Fact]
    public void WhicheverStopComesFirstEndsTheFlight()
    {
        // The shell comes down after ≈ 350 s; a 100 s stop time ends it in the air, a 10,000 s one at the ground.
        var early = new Propagator(Vacuum, Options(137.25, 0)).Run(Shell(Vacuum));
        Assert.Equal(FlightEnd.Time, early.End);
        Assert.Equal(137.25, early.Final.TimeS);
        Assert.Equal("stop", early.Events[^1].Name);
        Assert.True(Vacuum.GeodeticPosition(early.Final).HeightM > 50_000);

        var late = new Propagator(Vacuum, Options(10_000, 0)).Run(Shell(Vacuum));
        Assert.Equal(FlightEnd.Altitude, late.End);
        Assert.Equal("impact", late.Events[^1].Name);
        Assert.Equal(late.Final, late.Events[^1].State);
        Assert.Equal(0, Vacuum.GeodeticPosition(late.Final).HeightM, 1e-3);
        Assert.InRange(late.Final.TimeS, 137.25, 10_000);

        // The stop time passed to Run overrides the options'.
        var overridden = new Propagator(Vacuum, Options(10_000, 0)).Run(Shell(Vacuum), 50);
        Assert.Equal(FlightEnd.Time, overridden.End);
        Assert.Equal(50, overridden.Final.TimeS);
    }

    [Fact]
    public void TheStopAltitudeCountsOnlyOnTheWayDown()
    {
        // Fired from 1 km through 20 km on the way up, the shell stops when it comes back down through 20 km.
        var t = new Propagator(Vacuum, Options(null, 20_000, apogee: true)).Run(Shell(Vacuum));
        Assert.Equal(FlightEnd.Altitude, t.End);
        Assert.Equal(20_000, Vacuum.GeodeticPosition(t.Final).HeightM, 1e-3);
        Assert.True(Vacuum.NedVelocity(t.Final).Z > 1000, "descending at the stop");
        Assert.True(t.Final.TimeS > t.Find("apogee")!.Value.State.TimeS);
    }

    [Fact]
    public void ApogeeIsWhereTheHeightStopsRising()
    {
        // Apogee event: the root of dh/dt (the Earth-relative velocity along the ellipsoid normal). Its height must be the
        // top of a fine (0.05 s) sampling, and its time that of the highest sample to within half a step.
        var t = new Propagator(Air, Options(null, 0, 0.05, apogee: true)).Run(Shell(Air));
        FlightState apogee = t.Find("apogee")!.Value.State;
        double hApogee = Air.GeodeticPosition(apogee).HeightM;
        FlightState highest = t.Samples.MaxBy(s => Air.GeodeticPosition(s).HeightM);
        double hHighest = Air.GeodeticPosition(highest).HeightM;
        Assert.InRange(hApogee - hHighest, -1e-6, 0.05 * 0.05 * 10 / 8 + 1e-6); // ≤ ½·g·(Δt/2)² above the best sample
        Assert.InRange(apogee.TimeS - highest.TimeS, -0.025 - 1e-9, 0.025 + 1e-9);
        Assert.True(Math.Abs(Air.NedVelocity(apogee).Z) < 1e-6, $"dh/dt at apogee = {-Air.NedVelocity(apogee).Z} m/s");
    }

    [Fact]
    public void EventsAreRecordedInTimeOrder()
    {
        var rocket = new StagedRocket("r",
            [new RocketStage(14_000, 12_300, 265, 50, 0.3, CoastAfterS: 3), new RocketStage(6_800, 5_900, 275, 50)],
            750, ReentryVehicle.FromBallisticCoefficient(650, 5000), Math.PI * 1.25 * 1.25 / 4, DragCoefficient.Constant(0.3),
            8, 10, 0.2, 1.5);
        FlightPlan plan = rocket.Plan(Air, Geodetic.FromDegrees(30, 50), 0, 0.3, new ShapeControls(1, 40 * Math.PI / 180));
        Trajectory t = new Propagator(Air, PropagationOptions.ToImpact()).Run(plan);
        Assert.Equal(["stage-1 burnout", "burnout", "apogee", "impact"], t.Events.Select(e => e.Name));
        Assert.Equal([50.0, 103.0], t.Events.Take(2).Select(e => Math.Round(e.State.TimeS, 9)));
        for (int i = 1; i < t.Events.Count; i++)
        {
            Assert.True(t.Events[i].State.TimeS > t.Events[i - 1].State.TimeS);
        }

        Assert.Equal(t.Final, t.Events[^1].State);
    }

    [Fact]
    public void AZeroDurationPhaseRecordsItsEndEventWithItsStartMass()
    {
        // A phase of no duration integrates nothing, but its mass change and its end event still happen, at that moment.
        FlightState start = Shell(Vacuum, 0).Initial;
        var plan = new FlightPlan(start, [
            new FlightPhase("coast", 10, Body.Forces(Vacuum), null, "first"),
            new FlightPhase("separation", 0, [], 40, "separated"),
            new FlightPhase("after", double.PositiveInfinity, Body.Forces(Vacuum)),
        ]);
        Trajectory t = new Propagator(Vacuum, Options(20, null)).Run(plan);
        Assert.Equal(["first", "separated", "stop"], t.Events.Select(e => e.Name));
        Assert.Equal(10, t.Events[1].State.TimeS);
        Assert.Equal(40, t.Events[1].State.MassKg);
        Assert.Equal(t.Events[0].State.PositionEciM, t.Events[1].State.PositionEciM);
        Assert.Equal(100, t.Events[0].State.MassKg);
        Assert.Equal(40, t.Final.MassKg);
    }

    [Fact]
    public void AnOpenEndedPhaseWithNoStopConditionIsRejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new Propagator(Vacuum, Options(null, null)).Run(Shell(Vacuum)));
        Assert.Contains("free flight", e.Message);
        Assert.Contains("never ends", e.Message);
    }

    [Fact]
    public void APlanThatEndsBeforeAnyStopIsAnError()
    {
        // Finite phases only and a stop time beyond them: the flight runs out of plan, which is reported, not hidden.
        var plan = new FlightPlan(Shell(Vacuum, 0).Initial, [new FlightPhase("short", 5, Body.Forces(Vacuum))]);
        Assert.Throws<ArgumentException>(() => new Propagator(Vacuum, Options(100, null)).Run(plan));
    }
}
