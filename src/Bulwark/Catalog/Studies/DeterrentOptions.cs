using Bulwark.Catalog;
using Bulwark.Engagement.Reach;
using Bulwark.Flight.Targeting;
using Bulwark.Numerics;

namespace Bulwark.Catalog.Studies;

/// <summary>How <c>DeterrentAnalysis</c> runs: which tracks, which launch delays, and the threshold-speed search.</summary>
public sealed record DeterrentOptions
{
    /// <summary>The defaults: the catalog's <c>russia-to-us</c> tracks, delays 0–600 s every 60 s, speeds 3–10 km/s to 0.1 km/s.</summary>
    public static readonly DeterrentOptions Default = new();

    /// <summary>The threat set flown when <see cref="Threats"/> is null.</summary>
    public const string DefaultThreatSet = "russia-to-us";

    /// <summary>The tracks; null = the catalog's <see cref="DefaultThreatSet"/> (see <c>DeterrentAnalysis.Tracks</c>).</summary>
    public IReadOnlyList<Threat>? Threats { get; init; }

    /// <summary>Interceptor launch delays after the ICBM's launch at which the threshold speed is found, s.</summary>
    public IReadOnlyList<double> DelaysS { get; init; } = [.. Enumerable.Range(0, 11).Select(i => 60.0 * i)];

    /// <summary>
    /// When the ideal sensors give a fire-control track, s after the ICBM's launch: 0 (the default) is the kinematic upper
    /// bound, a track at launch; a few minutes models a radar-cued launch after boost (REFERENCES.md V9d's reading, docs/deterrent.md).
    /// The ideal-sensor battery launches its interceptor's reaction time after it.
    /// </summary>
    public double IdealFireControlS { get; init; }

    /// <summary>Whether to search threshold speeds at all (the costly part: reach tables at many speeds).</summary>
    public bool Thresholds { get; init; } = true;

    /// <summary>The slowest burnout speed searched, m/s: a threshold at or below it is reported as this speed, flagged.</summary>
    public double MinSpeedMPerS { get; init; } = 3000;

    /// <summary>The fastest burnout speed searched, m/s: no intercept at it = no threshold (null).</summary>
    public double MaxSpeedMPerS { get; init; } = 10000;

    /// <summary>The speed grid of the search, m/s: thresholds are the grid speed at or just above the true one.</summary>
    public double SpeedQuantumMPerS { get; init; } = 100;

    /// <summary>
    /// The coarse grid of the search, m/s: brackets are found on it and interpolated (docs/deterrent.md measures the error
    /// against bisection on the fine grid); set it to <see cref="SpeedQuantumMPerS"/> for bisection throughout.
    /// </summary>
    public double CoarseStepMPerS { get; init; } = 500;

    /// <summary>
    /// The reach tables of the speed-scaled interceptors: 12 azimuth bins (every 30°) and a 2° elevation fan, a quarter of
    /// the default's fly-outs. docs/reach-tables.md measured 12 bins at 1.1 s largest error (against 0.75 s for 24) and the
    /// 2° fan changing arrivals by under 0.1 s; a 0.1 km/s step in burnout speed moves a 1,000 s arrival by about 15 s.
    /// </summary>
    public ReachTableOptions ThresholdTables { get; init; } = ReachTableOptions.Default with { AzimuthBins = 12, ElevationStepRad = Angle.DegToRad(2) };
}
