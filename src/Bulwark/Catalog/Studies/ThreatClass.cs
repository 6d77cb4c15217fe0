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
    /// <summary>The contiguous United States (the Iranian ICBM's targets in the catalog are on the East Coast).</summary>
    public static readonly GeoBox ContiguousUnitedStates = new(24, -125, 50, -66);

    /// <summary>
    /// The Lisbon-2010 threat classes (DESIGN §5, issue "Analyses"): Iranian MRBMs (the Sejjil-2, the Garwin–Postol
    /// missile) and IRBMs (the notional Sejjil-3) at NATO Europe, and the notional Iranian ICBM at the United States. Launch
    /// places: Tabriz (north-west Iran, the closest to Europe) and Semnan (the space and missile centre, REFERENCES.md §3.1).
    /// </summary>
    public static readonly IReadOnlyList<ThreatClass> Lisbon2010 =
    [
        new("mrbm", "Iranian MRBM (Sejjil-2) at NATO Europe", "sejjil-2", ["tabriz", "semnan"], GeoBox.NatoEurope, "nato-europe"),
        new("irbm", "Iranian IRBM (Sejjil-3) at NATO Europe", "sejjil-3", ["tabriz", "semnan"], GeoBox.NatoEurope, "nato-europe"),
        new("icbm-us", "Iranian ICBM at the United States", "iran-icbm", ["semnan"], ContiguousUnitedStates, "24,-125,50,-66"),
    ];
}
