using Bulwark.Analysis.Deterrent;
using Bulwark.Analysis.Footprint;
using Bulwark.Catalog;
using Bulwark.Engagement;
using Bulwark.Catalog.Studies;
using Bulwark.Flight;

namespace Bulwark.Analysis.Comparison;

/// <summary>How much of a member's territory a footprint defends.</summary>
public enum MemberCover
{
    /// <summary>The member lies outside the threat class's region.</summary>
    OutsideRegion,

    /// <summary>No launch place's missile reaches it.</summary>
    NotThreatened,

    /// <summary>At least 99.5% of its area defended.</summary>
    Full,

    /// <summary>Some, but less than 99.5%, defended.</summary>
    Partial,

    /// <summary>Threatened, and under 0.5% of its area defended.</summary>
    None,
}

/// <summary>One architecture in the comparison.</summary>
/// <param name="Architecture">the architecture</param>
/// <param name="Footprints">its footprint against each threat class, in the options' order</param>
/// <param name="Deterrent">the Russian ICBM tracks against it (null when not run)</param>
/// <param name="Engagements">its engagement of the shot-counting threat set's threats</param>
public sealed record ArchitectureComparison(Architecture Architecture, IReadOnlyList<FootprintResult> Footprints, DeterrentResult? Deterrent,
    IReadOnlyList<ThreatEngagement> Engagements)
{
    /// <summary>Shots the doctrine fires across the threat set (each threat engaged alone).</summary>
    public int ShotOpportunities => Engagements.Sum(e => e.ShotsPossible);
}

/// <summary>The comparison: every architecture against every threat class, the deterrent question and the inputs.</summary>
public sealed record ComparisonResult(
    ComparisonOptions Options,
    IReadOnlyList<ThreatGrid> Grids,
    IReadOnlyList<ArchitectureComparison> Architectures,
    IReadOnlyList<Assumption> Assumptions)
{
    /// <summary>The threshold below which a member counts as fully covered, and above which as not covered, %.</summary>
    public const double CoverMarginPct = 0.5;

    /// <summary>
    /// The threats of the shot-counting set that their missiles cannot reach (none with the catalog's missiles; a sweep's
    /// run may shorten a range): left out of the shot opportunities.
    /// </summary>
    public IReadOnlyList<string> ShotThreatsOutOfReach { get; init; } = [];

    /// <summary>The world the comparison flew in (<see cref="AnalysisContext.Environment"/>).</summary>
    public FlightEnvironment Environment { get; init; } = FlightEnvironment.Default;

    public static MemberCover Classify(CountryCoverage c) =>
        c.AreaInRegionPct <= 0 ? MemberCover.OutsideRegion
        : c.AreaThreatenedPct <= 0 ? MemberCover.NotThreatened
        : c.AreaDefendedPct >= 100 - CoverMarginPct ? MemberCover.Full
        : c.AreaDefendedPct > CoverMarginPct ? MemberCover.Partial
        : MemberCover.None;

    public ArchitectureComparison? Find(string architectureId) => Architectures.FirstOrDefault(a => a.Architecture.Id == architectureId);
}
