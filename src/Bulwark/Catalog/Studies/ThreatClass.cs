using Bulwark.Flight.Targeting;
using Bulwark.Geography;

namespace Bulwark.Catalog.Studies;

/// <summary>
/// A class of threat the comparison measures each architecture against: a missile flown from its launch places to every
/// cell of a region (a cell is defended only if defended against every launch place that reaches it).
/// </summary>
/// <param name="Id">short id used in file names and JSON ("mrbm", "irbm", "icbm-us")</param>
/// <param name="Label">for people</param>
/// <param name="MissileId">the catalog missile that represents the class</param>
/// <param name="LaunchPlaceIds">catalog launch places</param>
/// <param name="Region">the aim points' region</param>
/// <param name="RegionName">the region's name for people and for the reproducing command (<c>nato-europe</c> or the box)</param>
public sealed record ThreatClass(string Id, string Label, string MissileId, IReadOnlyList<string> LaunchPlaceIds, GeoBox Region, string RegionName)
{
    /// <summary>
    /// The trajectory every missile of the class flies: minimum energy (the default, the longest reach), or at full
    /// energy lofted (higher, steeper, slower) or depressed (lower, flatter, faster). A cell is threatened only if the
    /// shape reaches it (docs/footprint.md, "Trajectory shapes").
    /// </summary>
    public TrajectoryShape Shape { get; init; } = TrajectoryShape.MinimumEnergy;
}
