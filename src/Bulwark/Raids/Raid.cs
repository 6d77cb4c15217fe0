using Bulwark.Engagement;
using Bulwark.Flight.Targeting;

namespace Bulwark.Raids;

/// <summary>A raid target: a place and the weight with which a missile of its group is aimed there.</summary>
public sealed record RaidTarget(string PlaceId, double Weight);

/// <summary>A group of identical raid missiles from one launch place at one target or a weighted set of targets.</summary>
public sealed record RaidGroup(string MissileId, string FromId, TrajectoryShape Shape, int Count, IReadOnlyList<RaidTarget> Targets);

/// <summary>One raid missile: its group and its nominal launch time, s since the raid's epoch.</summary>
public sealed record RaidLaunch(int Group, double LaunchS);

/// <summary>
/// A raid (the scenario's <c>raid:</c> section, docs/raids.md): groups of missiles, when each is launched, what each
/// target is worth, how the batteries fire, and the uncertainty drawn per trial: a launch time uniform within
/// ±<see cref="LaunchTimeUncertaintyS"/> of its nominal time, and a sensor delay uniform in [0, <see cref="SensorDelayMaxS"/>]
/// added to every battery's fire-control time for that missile.
/// </summary>
public sealed record Raid(
    IReadOnlyList<RaidGroup> Groups,
    IReadOnlyList<RaidLaunch> Launches,
    IReadOnlyDictionary<string, double> TargetValues,
    FiringMode Firing,
    double LaunchTimeUncertaintyS,
    double SensorDelayMaxS)
{
    /// <summary>The value of a target place (1 unless the raid says otherwise).</summary>
    public double ValueOf(string placeId) => TargetValues.TryGetValue(placeId, out double v) ? v : 1;

    /// <summary>The most missiles a raid may hold (the exhaustive checks and the per-trial work grow with it).</summary>
    public const int MaxMissiles = 1000;

    /// <summary>The latest a raid missile may be launched, s after the raid starts (one day; a raid's window is minutes).</summary>
    public const double MaxLaunchTimeS = 86_400;
}
