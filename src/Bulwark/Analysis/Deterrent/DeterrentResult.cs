using Bulwark.Catalog;
using Bulwark.Engagement;
using Bulwark.Catalog.Studies;

namespace Bulwark.Analysis.Deterrent;

/// <summary>The threshold burnout speed for one launch delay.</summary>
/// <param name="DelayS">the interceptor is launched no earlier than this after the ICBM's launch, s</param>
/// <param name="SpeedMPerS">the lowest burnout speed (on the search grid) at which an intercept exists; null: none up to the search's maximum</param>
/// <param name="AtOrBelowMinimum">true when an intercept exists already at the search's minimum speed (the threshold is at most that)</param>
public readonly record struct ThresholdSpeed(double DelayS, double? SpeedMPerS, bool AtOrBelowMinimum);

/// <summary>One battery against one ICBM track.</summary>
/// <param name="BatteryId">the battery</param>
/// <param name="InterceptorId">its interceptor</param>
/// <param name="PlaceId">its site</param>
/// <param name="CatalogSpeedMPerS">the interceptor's catalog burnout speed, m/s</param>
/// <param name="RealSensors">the engagement with the architecture's sensors and network (EngagementPicture)</param>
/// <param name="IdealSensors">the engagement with ideal sensors: a fire-control track at the ICBM's launch, guidance everywhere (the worst case for Russia)</param>
/// <param name="Threshold">the threshold speed at the ideal-sensor launch delay (the interceptor's reaction time); null when not searched</param>
/// <param name="Curve">the threshold speed at each of the options' delays (empty when not searched)</param>
public sealed record DeterrentBattery(
    string BatteryId,
    string InterceptorId,
    string PlaceId,
    double CatalogSpeedMPerS,
    BatteryEngagement RealSensors,
    BatteryEngagement IdealSensors,
    ThresholdSpeed? Threshold,
    IReadOnlyList<ThresholdSpeed> Curve)
{
    /// <summary>Whether the battery can intercept with the sensors it really has.</summary>
    public bool CanIntercept => RealSensors.First is not null;

    /// <summary>The earliest intercept with the real sensors, s after the ICBM's launch (null: none).</summary>
    public double? EarliestInterceptS => RealSensors.First?.InterceptS;

    /// <summary>Whether the battery could intercept with ideal sensors.</summary>
    public bool CanInterceptIdeal => IdealSensors.First is not null;
}

/// <summary>One ICBM track: its flight, what the radars see of it, and every battery against it.</summary>
public sealed record DeterrentTrack(FlownThreat Flight, ThreatPicture Sensors, IReadOnlyList<DeterrentBattery> Batteries)
{
    public string BaseId => Flight.Threat.FromId;

    public string TargetId => Flight.Threat.ToId;

    public string MissileId => Flight.Threat.MissileId;

    /// <summary>Whether any battery can intercept with the real sensors.</summary>
    public bool Engageable => Batteries.Any(b => b.CanIntercept);

    /// <summary>Whether any battery could with ideal sensors.</summary>
    public bool EngageableIdeal => Batteries.Any(b => b.CanInterceptIdeal);
}

/// <summary>The deterrent question for one architecture.</summary>
/// <param name="Architecture">the architecture</param>
/// <param name="Tracks">every ICBM track, in the options' order</param>
/// <param name="Options">how it was run</param>
public sealed record DeterrentResult(Architecture Architecture, IReadOnlyList<DeterrentTrack> Tracks, DeterrentOptions Options)
{
    /// <summary>Tracks some battery can intercept with the real sensors.</summary>
    public int EngageableTracks => Tracks.Count(t => t.Engageable);

    /// <summary>Tracks some battery could intercept with ideal sensors.</summary>
    public int EngageableTracksIdeal => Tracks.Count(t => t.EngageableIdeal);
}
