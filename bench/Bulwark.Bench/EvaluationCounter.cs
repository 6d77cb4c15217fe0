using Bulwark.Earth;
using Bulwark.Flight;
using Bulwark.Flight.Forces;
using Bulwark.Flight.Propagation;
using Bulwark.Flight.Vehicles;
using Bulwark.Numerics;

namespace Bulwark.Bench;

/// <summary>
/// Counts derivative evaluations of the flights a missile's plans make, by phase and by altitude band, for the work
/// columns and the breakdown printed in GlobalSetup. Used only outside the measured code: it wraps the first force of every
/// phase in a counting force (EquationsOfMotion calls each force once per evaluation), which changes no number.
/// </summary>
internal sealed class EvaluationCounter
{
    public long Total { get; private set; }

    /// <summary>Evaluations by phase name.</summary>
    public Dictionary<string, long> ByPhase { get; } = [];

    /// <summary>Evaluations by the air model's regime (only for phases whose forces need the air).</summary>
    public Dictionary<string, long> ByAltitudeBand { get; } = [];

    /// <summary>The azimuth and shape controls of every plan made through <see cref="Wrap(IGuidedMissile)"/>, in order.</summary>
    public List<(double AzimuthRad, ShapeControls Controls)> Plans { get; } = [];

    public IGuidedMissile Wrap(IGuidedMissile missile) => new CountingMissile(missile, this);

    public FlightPlan Wrap(FlightPlan plan) => plan with { Phases = [.. plan.Phases.Select(Wrap)] };

    public void Reset()
    {
        Total = 0;
        ByPhase.Clear();
        ByAltitudeBand.Clear();
        Plans.Clear();
    }

    private FlightPhase Wrap(FlightPhase phase)
    {
        if (phase.Forces.Count == 0)
        {
            return phase;
        }

        IForce[] forces = [.. phase.Forces];
        forces[0] = new CountingForce(forces[0], this, phase.Name, phase.Forces.Any(f => f.NeedsAir));
        return phase with { Forces = forces };
    }

    private void Count(string phase, bool withAir, double heightM)
    {
        Total++;
        ByPhase[phase] = ByPhase.GetValueOrDefault(phase) + 1;
        if (withAir)
        {
            string band = heightM < 86_000 ? "below 86 km (closed-form layers)"
                : heightM <= 1_000_000 ? "86-1000 km (table)"
                : "above 1000 km (extrapolated)";
            ByAltitudeBand[band] = ByAltitudeBand.GetValueOrDefault(band) + 1;
        }
    }

    private sealed class CountingForce(IForce inner, EvaluationCounter counter, string phase, bool withAir) : IForce
    {
        public bool NeedsAir => inner.NeedsAir;

        public Vec3 AccelerationEci(in FlightContext context)
        {
            counter.Count(phase, withAir, context.HeightM);
            return inner.AccelerationEci(context);
        }

        public double MassRateKgPerS(in FlightContext context) => inner.MassRateKgPerS(context);
    }

    private sealed class CountingMissile(IGuidedMissile inner, EvaluationCounter counter) : IGuidedMissile
    {
        public string Name => inner.Name;

        public (double MinRad, double MaxRad) ElevationRange => inner.ElevationRange;

        public FlightPlan Plan(FlightEnvironment environment, Geodetic launch, double launchTimeS, double azimuthRad, ShapeControls controls)
        {
            counter.Plans.Add((azimuthRad, controls));
            return counter.Wrap(inner.Plan(environment, launch, launchTimeS, azimuthRad, controls));
        }
    }
}
