using Bulwark.Earth;
using Bulwark.Flight.Forces;
using Bulwark.Flight.Guidance;
using Bulwark.Flight.Propagation;
using Bulwark.Numerics;

namespace Bulwark.Flight.Vehicles;

/// <summary>
/// A multi-stage rocket with a payload whose re-entry vehicle separates at the end of powered flight. Guidance: a vertical
/// rise, a pitch-over at a constant rate toward the launch azimuth, then a gravity turn (thrust along the air-relative
/// velocity) through every later stage. Early thrust termination (energy fraction &lt; 1) cuts the burn short on the
/// burn clock (the sum of the stages' burn times, coasts excluded).
/// </summary>
/// <param name="Name">display name</param>
/// <param name="Stages">stages in firing order</param>
/// <param name="PayloadMassKg">everything above the last stage (bus and RV), kg; at least the RV's mass</param>
/// <param name="Rv">the re-entry vehicle that flies on after powered flight</param>
/// <param name="BodyReferenceAreaM2">reference area of the stack for drag during boost, m²</param>
/// <param name="BodyCd">drag coefficient of the stack during boost</param>
/// <param name="VerticalRiseS">duration of the vertical rise, s</param>
/// <param name="PitchOverS">duration of the pitch-over, s</param>
/// <param name="MinElevationRad">the lowest thrust elevation the guidance accepts at the end of the pitch-over (for <see cref="SteeringLaw.Shaped"/>: the lowest commanded elevation of the upper stages, which may be negative), rad</param>
/// <param name="MaxElevationRad">the highest, rad</param>
/// <param name="Law">after the pitch-over: a gravity turn (missiles), holding the pitch-over attitude, or the shaped interceptor ascent (<see cref="SteeringLaw.Shaped"/>)</param>
/// <param name="ClimbElevationRad">for <see cref="SteeringLaw.Shaped"/>: the lowest elevation the first stage's pitch-over aims at, rad, so that it climbs out of the dense air before the upper stages steer flat</param>
public sealed record StagedRocket(
    string Name,
    IReadOnlyList<RocketStage> Stages,
    double PayloadMassKg,
    ReentryVehicle Rv,
    double BodyReferenceAreaM2,
    DragCoefficient BodyCd,
    double VerticalRiseS,
    double PitchOverS,
    double MinElevationRad,
    double MaxElevationRad,
    SteeringLaw Law = SteeringLaw.GravityTurn,
    double ClimbElevationRad = 0) : IGuidedMissile
{
    private readonly ValueList<RocketStage> _stages = ValueList<RocketStage>.From(Stages);

    /// <summary>Stages in firing order (compared by their numbers, so equal rockets are equal records).</summary>
    public IReadOnlyList<RocketStage> Stages
    {
        get => _stages;
        init => _stages = ValueList<RocketStage>.From(value);
    }

    public (double MinRad, double MaxRad) ElevationRange => (MinElevationRad, MaxElevationRad);

    public double LaunchMassKg => Stages.Sum(s => s.GrossMassKg) + PayloadMassKg;

    /// <summary>The first stage's sea-level thrust (vacuum thrust less p₀·A_e, p₀ = 101,325 Pa), N.</summary>
    public double LiftoffThrustN => Stages[0].VacuumThrustN - 101325 * Stages[0].NozzleExitAreaM2;

    /// <summary>Whether the first stage's sea-level thrust exceeds the launch weight (m₀·g₀): whether it can leave the pad.</summary>
    public bool LiftsOff => LiftoffThrustN > LaunchMassKg * ThrustForce.StandardGravityMPerS2;

    /// <summary>Sum of the stages' burn times, s.</summary>
    public double TotalBurnTimeS => Stages.Sum(s => s.BurnTimeS);

    public FlightPlan Plan(FlightEnvironment environment, Geodetic launch, double launchTimeS, double azimuthRad, ShapeControls controls) =>
        Plan(environment, launch, launchTimeS, azimuthRad, controls, out _);

    /// <summary>
    /// How many leading phases of <see cref="Plan(FlightEnvironment, Geodetic, double, double, ShapeControls)"/> depend
    /// neither on the launch azimuth nor on the elevation: the vertical rise (1) where it is flown whole at
    /// <paramref name="controls"/>' energy (the first stage and the cutoff both burn past it), else none (0). Every plan from
    /// the same place and time with such controls flies it the same, bit for bit (a threat grid flies it once:
    /// docs/footprint.md, "The vertical rise flown once").
    /// </summary>
    public int AimIndependentPhases(ShapeControls controls) =>
        VerticalRiseS > 0 && Stages[0].BurnTimeS > VerticalRiseS && Math.Clamp(controls.EnergyFraction, 0, 1) * TotalBurnTimeS > VerticalRiseS ? 1 : 0;

    /// <summary>
    /// The elevation the first stage's pitch-over aims at for a commanded elevation, rad: on the shaped ascent the steeper
    /// of the command and <see cref="ClimbElevationRad"/>, under the other laws the command itself.
    /// </summary>
    public double PitchOverElevationRad(double elevationRad) => Law == SteeringLaw.Shaped ? Math.Max(elevationRad, ClimbElevationRad) : elevationRad;

    /// <summary>
    /// The plan, and how many of its leading phases fly the first stage (the vertical rise, the pitch-over and the turn or
    /// hold after it, and the coast after the stage): those depend on <paramref name="controls"/> only through the energy
    /// fraction and <see cref="PitchOverElevationRad"/>, so two plans from the same place, time and azimuth with equal
    /// energy fractions and equal pitch-over elevations fly them the same, bit for bit (the reach tables' fans fly them
    /// once for all such programs: docs/reach-tables.md, "The first stage flown once").
    /// </summary>
    public FlightPlan Plan(FlightEnvironment environment, Geodetic launch, double launchTimeS, double azimuthRad, ShapeControls controls,
        out int firstStagePhases)
    {
        firstStagePhases = 0;
        FlightState initial = environment.StateAt(launchTimeS, launch with { HeightM = launch.HeightM }, Numerics.Vec3.Zero, LaunchMassKg);
        var gravity = new GravityForce(environment.Planet);
        var bodyDrag = new DragForce(BodyReferenceAreaM2, BodyCd);
        var phases = new List<FlightPhase>();
        double cutoffS = Math.Clamp(controls.EnergyFraction, 0, 1) * TotalBurnTimeS;
        double burnUsedS = 0;
        bool shaped = Law == SteeringLaw.Shaped;
        double kickElevationRad = PitchOverElevationRad(controls.ElevationRad);
        var pitchOver = new PitchOverSteering(azimuthRad, launchTimeS + VerticalRiseS, PitchOverS, Math.PI / 2 - kickElevationRad);
        ISteering? Hold = Law == SteeringLaw.FixedAttitude ? pitchOver : null;
        string AfterPitchOver = Law == SteeringLaw.FixedAttitude ? "held attitude" : "gravity turn";
        ISteering upper = shaped ? new HeldElevationSteering(azimuthRad, controls.ElevationRad) : Hold ?? GravityTurnSteering.Instance;
        string upperName = shaped ? "commanded attitude" : AfterPitchOver;

        for (int i = 0; i < Stages.Count && burnUsedS < cutoffS; i++)
        {
            RocketStage stage = Stages[i];
            double burnS = Math.Min(stage.BurnTimeS, cutoffS - burnUsedS);
            bool cut = burnS < stage.BurnTimeS;
            bool last = cut || i == Stages.Count - 1 || burnUsedS + burnS >= cutoffS;
            double stackMassKg = Stages.Skip(i).Sum(s => s.GrossMassKg) + PayloadMassKg;
            string endEvent = last ? "burnout" : $"stage-{i + 1} burnout";
            var segments = new List<(string Name, double DurationS, ISteering Steering)>();
            if (i == 0)
            {
                double rise = Math.Min(VerticalRiseS, burnS);
                double pitch = Math.Min(PitchOverS, burnS - rise);
                segments.Add(("stage-1 vertical rise", rise, VerticalSteering.Instance));
                segments.Add(("stage-1 pitch-over", pitch, pitchOver));
                segments.Add(("stage-1 " + AfterPitchOver, burnS - rise - pitch, Hold ?? GravityTurnSteering.Instance));
            }
            else
            {
                segments.Add(($"stage-{i + 1} " + upperName, burnS, upper));
            }

            segments.RemoveAll(s => s.DurationS <= 0);
            for (int k = 0; k < segments.Count; k++)
            {
                var thrust = new ThrustForce(stage.MassFlowKgPerS, stage.VacuumIspS, stage.NozzleExitAreaM2, segments[k].Steering);
                phases.Add(new FlightPhase(
                    segments[k].Name,
                    segments[k].DurationS,
                    [gravity, bodyDrag, thrust],
                    k == 0 ? stackMassKg : null,
                    k == segments.Count - 1 ? endEvent : null));
            }

            burnUsedS += burnS;
            if (!last && stage.CoastAfterS > 0)
            {
                double upperMassKg = Stages.Skip(i + 1).Sum(s => s.GrossMassKg) + PayloadMassKg;
                phases.Add(new FlightPhase($"coast after stage {i + 1}", stage.CoastAfterS, [gravity, bodyDrag], upperMassKg));
            }

            if (i == 0)
            {
                firstStagePhases = phases.Count;
            }
        }

        phases.Add(new FlightPhase("ballistic", double.PositiveInfinity, Rv.Body.Forces(environment), Rv.MassKg));
        return new FlightPlan(initial, phases);
    }
}
