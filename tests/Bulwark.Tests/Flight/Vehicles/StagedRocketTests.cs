using Bulwark.Atmosphere;
using Bulwark.Earth;
using Bulwark.Flight;
using Bulwark.Flight.Forces;
using Bulwark.Flight.Propagation;
using Bulwark.Flight.Vehicles;
using Bulwark.Numerics;

namespace Bulwark.Tests.Flight.Vehicles;

public class StagedRocketTests
{
    private const double G0 = ThrustForce.StandardGravityMPerS2;
    private const double Deg = Math.PI / 180;

    // Stage 1: 20 t, 17 t of propellant, 60 s (283.3 kg/s), then a 5 s coast; stage 2: 6 t, 5 t, 50 s (100 kg/s); payload 800 kg.
    private static readonly RocketStage Stage1 = new(20_000, 17_000, 250, 60, NozzleExitAreaM2: 0.4, CoastAfterS: 5);
    private static readonly RocketStage Stage2 = new(6_000, 5_000, 290, 50);
    private static readonly ReentryVehicle Rv = new(500, 0.3, DragCoefficient.Constant(0.2));

    private static readonly StagedRocket Rocket = new("test", [Stage1, Stage2], 800, Rv, 1.5, DragCoefficient.Constant(0.3),
        VerticalRiseS: 8, PitchOverS: 12, MinElevationRad: 10 * Deg, MaxElevationRad: 80 * Deg);

    private static readonly FlightEnvironment Earth = FlightEnvironment.Default;

    /// <summary>No gravity, no air, no rotation: only thrust acts, so the rocket equation holds exactly.</summary>
    private static readonly FlightEnvironment Space = new(Planet.Sphere(6_400_000, muM3PerS2: 0), NoAtmosphere.Instance);

    private static readonly Geodetic Launch = Geodetic.FromDegrees(40, -100, 300);

    private static FlightPlan Plan(double energy, double elevationDeg = 45, FlightEnvironment? env = null) =>
        Rocket.Plan(env ?? Earth, Launch, 1000, 0.5, new ShapeControls(energy, elevationDeg * Deg));

    private static string Describe(FlightPlan p) => string.Join("; ", p.Phases.Select(f => $"{f.Name} {f.DurationS} s m0={f.StartMassKg} end={f.EndEvent}"));

    [Fact]
    public void FullBurnPlanHasEveryPhaseWithItsDurationMassAndEvent()
    {
        // Stage 1 splits at the end of the vertical rise (8 s) and of the pitch-over (8 + 12 s); staging drops the spent
        // stage, so each stage starts with itself, the stages above and the payload: 20 + 6 + 0.8 t, then 6 + 0.8 t.
        FlightPlan plan = Plan(1);
        var expected = new (string Name, double DurationS, double? StartMassKg, string? EndEvent)[]
        {
            ("stage-1 vertical rise", 8, 26_800, null),
            ("stage-1 pitch-over", 12, null, null),
            ("stage-1 gravity turn", 40, null, "stage-1 burnout"),
            ("coast after stage 1", 5, 6_800, null),
            ("stage-2 gravity turn", 50, 6_800, "burnout"),
            ("ballistic", double.PositiveInfinity, 500, null),
        };
        Assert.Equal(expected, plan.Phases.Select(p => (p.Name, p.DurationS, p.StartMassKg, p.EndEvent)).ToArray());
        Assert.Equal(Rocket.TotalBurnTimeS, plan.Phases.Where(p => p.Forces.OfType<ThrustForce>().Any()).Sum(p => p.DurationS));
        Assert.Equal(26_800, Rocket.LaunchMassKg);
    }

    [Fact]
    public void PoweredPhasesBurnTheirStageAndTheCoastAndBallisticPhasesDoNot()
    {
        FlightPlan plan = Plan(1);
        double[] massFlow = [.. plan.Phases.Select(p => p.Forces.OfType<ThrustForce>().Sum(t => t.MassFlowKgPerS))];
        Assert.Equal([17_000 / 60.0, 17_000 / 60.0, 17_000 / 60.0, 0, 100, 0], massFlow);
        Assert.All(plan.Phases.Take(3).SelectMany(p => p.Forces.OfType<ThrustForce>()), t => Assert.Equal(0.4, t.NozzleExitAreaM2));

        // The boost phases carry the stack's drag; the ballistic phase the re-entry vehicle's alone.
        Assert.All(plan.Phases.Take(5), p => Assert.Equal(1.5, Assert.Single(p.Forces.OfType<DragForce>()).ReferenceAreaM2));
        Assert.Equal(0.3, Assert.Single(plan.Phases[^1].Forces.OfType<DragForce>()).ReferenceAreaM2);
        Assert.All(plan.Phases, p => Assert.Single(p.Forces.OfType<GravityForce>()));
    }

    [Fact]
    public void TheInitialStateIsAtRestOnThePadWithTheLaunchMass()
    {
        FlightPlan plan = Plan(1);
        Assert.Equal(1000, plan.Initial.TimeS);
        Assert.Equal(26_800, plan.Initial.MassKg);
        Geodetic g = Earth.GeodeticPosition(plan.Initial);
        Assert.Equal(Launch.LatitudeRad, g.LatitudeRad, 1e-14);
        Assert.Equal(Launch.LongitudeRad, g.LongitudeRad, 1e-14);
        Assert.Equal(300, g.HeightM, 1e-7);
        Assert.True(Earth.NedVelocity(plan.Initial).Norm < 1e-9);
    }

    public static TheoryData<double, string> Cutoffs => new()
    {
        // energy fraction → the plan's (name, duration, end event) through the last powered phase; burn clock = f·110 s
        { 0.8, "stage-1 vertical rise 8 -; stage-1 pitch-over 12 -; stage-1 gravity turn 40 stage-1 burnout; coast after stage 1 5 -; stage-2 gravity turn 28 burnout" },
        { 0.3, "stage-1 vertical rise 8 -; stage-1 pitch-over 12 -; stage-1 gravity turn 13 burnout" },
        { 0.1, "stage-1 vertical rise 8 -; stage-1 pitch-over 3 burnout" },
        { 0.05, "stage-1 vertical rise 5.5 burnout" },
        { 1.7, "stage-1 vertical rise 8 -; stage-1 pitch-over 12 -; stage-1 gravity turn 40 stage-1 burnout; coast after stage 1 5 -; stage-2 gravity turn 50 burnout" },
    };

    [Theory]
    [MemberData(nameof(Cutoffs))]
    public void EarlyCutoffTruncatesTheBurnClockAndEndsWithBurnout(double energy, string expected)
    {
        // Class summary: early thrust termination cuts the burn at f × (sum of burn times), coasts excluded; energy
        // fractions above 1 are the full burn. The re-entry vehicle then flies on alone.
        FlightPlan plan = Plan(energy);
        Assert.Equal("ballistic", plan.Phases[^1].Name);
        Assert.Equal(500, plan.Phases[^1].StartMassKg);
        string actual = string.Join("; ", plan.Phases.SkipLast(1).Select(p =>
            FormattableString.Invariant($"{p.Name} {Math.Round(p.DurationS, 9)} {p.EndEvent ?? "-"}")));
        Assert.Equal(expected, actual);
        Assert.Equal(Math.Min(energy, 1) * 110, plan.Phases.Where(p => p.Forces.OfType<ThrustForce>().Any()).Sum(p => p.DurationS), 1e-9);
    }

    [Fact]
    public void ACutoffExactlyAtStagingStillEndsPoweredFlightWithBurnout()
    {
        // Two 50 s stages at energy fraction 0.5: the burn clock stops exactly at stage-1 burnout. Powered flight is over
        // there, so that phase must end with "burnout" (TargetingSolution.Burnout and the fly report look for that event),
        // as it does for any fraction a hair above or below 0.5.
        var equal = Rocket with { Stages = [Stage1 with { BurnTimeS = 50 }, Stage2] };
        foreach (double energy in new[] { 0.4999, 0.5, 0.5001 })
        {
            FlightPlan plan = equal.Plan(Earth, Launch, 0, 0.5, new ShapeControls(energy, 45 * Deg));
            Assert.True(plan.Phases.Count(p => p.EndEvent == "burnout") == 1, $"energy {energy}: {Describe(plan)}");
            Assert.True(plan.Phases[^2].EndEvent == "burnout", $"energy {energy}: powered flight should end the plan before the RV flies alone: {Describe(plan)}");
        }
    }

    [Fact]
    public void ThePitchOverEndsAtTheRequestedElevationTowardTheAzimuth()
    {
        // Tilt from vertical = 90° − elevation, reached at the end of the pitch-over, leaning toward the launch azimuth.
        FlightPlan plan = Rocket.Plan(Earth, Launch, 1000, 0.5, new ShapeControls(1, 30 * Deg));
        ThrustForce pitch = Assert.Single(plan.Phases[1].Forces.OfType<ThrustForce>());
        FlightState s = Earth.StateAt(1000 + 8 + 12, Launch with { HeightM = 5000 }, new Vec3(0, 0, -300), 20_000);
        var c = new FlightContext(Earth, s.TimeS, s.PositionEciM, s.VelocityEciMPerS, s.MassKg, needsAir: true);
        Vec3 d = EarthRotation.EciToEcef(pitch.Steering.ThrustDirectionEci(c), s.TimeS, Earth.Planet.RotationRateRadPerS);
        Vec3 ned = LocalFrame.EcefToNed(d, c.Geodetic.LatitudeRad, c.Geodetic.LongitudeRad);
        Assert.Equal(30, Math.Asin(-ned.Z) / Deg, 1e-9);
        Assert.Equal(0.5, Math.Atan2(ned.Y, ned.X), 1e-12);
    }

    [Fact]
    public void FlownPlanHasTheMassOfEachStageAtEachEvent()
    {
        // ṁ is constant per stage, so at stage-1 burnout m = 26,800 − 17,000 = 9,800 kg; in the coast the stack is
        // 6,800 kg; 35 s into stage 2, 6,800 − 35·100 = 3,300 kg; at burnout 6,800 − 5,000 = 1,800 kg; then the RV's 500 kg.
        var options = new PropagationOptions(1200, null, 1, false, PropagationOptions.DefaultIntegrator);
        Trajectory t = new Propagator(Space, options).Run(Plan(1, env: Space));
        Assert.Equal(["stage-1 burnout", "burnout", "stop"], t.Events.Select(e => e.Name));
        FlightEvent staging = t.Find("stage-1 burnout")!.Value;
        FlightEvent burnout = t.Find("burnout")!.Value;
        Assert.Equal(1060, staging.State.TimeS, 1e-9);
        Assert.Equal(9_800, staging.State.MassKg, 1e-6);
        Assert.Equal(1115, burnout.State.TimeS, 1e-9);
        Assert.Equal(1_800, burnout.State.MassKg, 1e-6);
        Assert.Equal(500, t.Final.MassKg);
        double MassAt(double time) => t.Samples.Single(s => s.TimeS == time).MassKg;
        Assert.Equal(26_800 - 30 * 17_000 / 60.0, MassAt(1030), 1e-6);
        Assert.Equal(6_800, MassAt(1062), 1e-9);
        Assert.Equal(3_300, MassAt(1100), 1e-6);
        Assert.Equal(500, MassAt(1150));
    }

    [Fact]
    public void StraightUpInEmptySpaceTheSpeedIsTheRocketEquationsDeltaV()
    {
        // Tsiolkovsky: Δv = Isp·g₀·ln(m0/mf) per stage, summed. With no gravity, air or rotation, elevation 90° keeps the
        // thrust along one line through every phase (vertical rise, zero tilt, gravity turn along the velocity), so the
        // burnout speed is exactly the sum: 250·g₀·ln(26,800/9,800) + 290·g₀·ln(6,800/1,800).
        var options = new PropagationOptions(1200, null, 0, false, PropagationOptions.DefaultIntegrator);
        Trajectory t = new Propagator(Space, options).Run(Plan(1, elevationDeg: 90, env: Space));
        double ideal = 250 * G0 * Math.Log(26_800 / 9_800.0) + 290 * G0 * Math.Log(6_800 / 1_800.0);
        double speed = t.Find("burnout")!.Value.State.VelocityEciMPerS.Norm;
        Assert.InRange(speed / ideal, 1 - 1e-6, 1 + 1e-6);

        // and it stays radial: the velocity is along the launch point's up
        Vec3 up = Space.Planet.Shape.ToEcef(Launch).Normalized();
        Assert.True((t.Final.VelocityEciMPerS.Normalized() - up).Norm < 1e-9);
        Assert.Equal(speed, t.Final.VelocityEciMPerS.Norm, 1e-6);
    }

    [Theory]
    [InlineData(20.0)]
    [InlineData(45.0)]
    [InlineData(70.0)]
    public void TurningTheThrustCostsSpeedAgainstTheRocketEquation(double elevationDeg)
    {
        // |Δv| = |∫ F/m dt| ≤ ∫ |F|/m dt = the rocket equation's Δv, with equality only if the thrust never turns.
        var options = new PropagationOptions(1200, null, 0, false, PropagationOptions.DefaultIntegrator);
        Trajectory t = new Propagator(Space, options).Run(Plan(1, elevationDeg, Space));
        double ideal = 250 * G0 * Math.Log(26_800 / 9_800.0) + 290 * G0 * Math.Log(6_800 / 1_800.0);
        double speed = t.Find("burnout")!.Value.State.VelocityEciMPerS.Norm;
        Assert.True(speed < ideal * (1 - 1e-4), $"speed {speed} vs ideal {ideal}");
        Assert.True(speed > 0.8 * ideal, $"speed {speed} vs ideal {ideal}");
    }
}
