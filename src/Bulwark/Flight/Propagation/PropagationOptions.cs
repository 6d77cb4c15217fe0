using Bulwark.Integration;

namespace Bulwark.Flight.Propagation;

/// <summary>When to stop and what to record.</summary>
/// <param name="StopTimeS">stop at this time (s since epoch), or null</param>
/// <param name="StopAltitudeM">stop when descending through this geodetic height (m), or null; 0 = ground impact</param>
/// <param name="OutputStepS">sample every this many seconds from the start (0 = no samples)</param>
/// <param name="LocateApogee">record the apogee as an event</param>
/// <param name="Integrator">error control of the Dormand–Prince integrator</param>
public sealed record PropagationOptions(
    double? StopTimeS,
    double? StopAltitudeM,
    double OutputStepS,
    bool LocateApogee,
    IntegratorOptions Integrator)
{
    /// <summary>
    /// Relative tolerance 1e−10, absolute 1e−6 (m, m/s, kg): sub-metre over an ICBM flight (the Topol-M's 7,890 km to
    /// Washington lands 0.29 m from a run 1,000 times tighter; tests/…/DefaultToleranceTests).
    /// </summary>
    public static readonly IntegratorOptions DefaultIntegrator = new(1e-10, 1e-6, 60, 0, 1_000_000);

    /// <summary>
    /// Error control of the segments that start below <see cref="DescentBelowM"/> after the apogee (so only when
    /// <see cref="LocateApogee"/>); null: <see cref="Integrator"/> throughout. The refinement's flights use it for the
    /// re-entry (docs/targeting.md, "The descent at 1e−10").
    /// </summary>
    public IntegratorOptions? DescentIntegrator { get; init; }

    /// <summary>
    /// The height below which a descent is flown with <see cref="DescentIntegrator"/>, m: 87 km, so that the segment that
    /// starts where the descent crosses 86 km (a kink of the 1976 atmosphere, where <see cref="SmoothBandEvent"/> ends a
    /// segment) counts whichever side of 86 km its located crossing fell, and no flight's choice of integrator turns on
    /// a root's last digits.
    /// </summary>
    public double DescentBelowM { get; init; } = 87_000;

    /// <summary>To ground impact, recording apogee, no samples.</summary>
    public static PropagationOptions ToImpact(double outputStepS = 0) => new(null, 0, outputStepS, true, DefaultIntegrator);
}
