using Bulwark.Analysis.Deterrent;
using Bulwark.Analysis.Footprint;

namespace Bulwark.Analysis.Comparison;

/// <summary>The figures the report and summary.json quote, computed once from a footprint or a deterrent result.</summary>
public static class ComparisonFigures
{
    /// <summary>The people living in the defended cells of the NATO members in the footprint's region.</summary>
    public static double MemberPopulationDefended(FootprintResult f) =>
        f.Countries.Where(c => c.Member).Sum(c => c.PopulationCount * c.PopulationDefendedPct / 100);

    /// <summary>The people living in the threatened cells of the NATO members in the footprint's region.</summary>
    public static double MemberPopulationThreatened(FootprintResult f) =>
        f.Countries.Where(c => c.Member).Sum(c => c.PopulationCount * c.PopulationThreatenedPct / 100);

    /// <summary>How many NATO members the footprint covers fully, partly, not at all (threatened ones only).</summary>
    public static (int Full, int Partial, int None) MemberCounts(FootprintResult f)
    {
        var covers = f.Countries.Where(c => c.Member).Select(ComparisonResult.Classify).ToList();
        return (covers.Count(c => c == MemberCover.Full), covers.Count(c => c == MemberCover.Partial), covers.Count(c => c == MemberCover.None));
    }

    /// <summary>The share of the threatened area that is defended, %.</summary>
    public static double DefendedShareOfThreatenedPct(FootprintResult f) =>
        f.ThreatenedAreaKm2 > 0 ? 100 * f.DefendedAreaKm2 / f.ThreatenedAreaKm2 : 0;

    /// <summary>
    /// For each battery of a deterrent result: the catalog speed, the lowest threshold speed over the tracks (what it
    /// would need to catch at least one) and the highest (to catch every track; null if some track is never caught within
    /// the search's speeds), at the ideal-sensor launch delay.
    /// </summary>
    public static IReadOnlyList<(string BatteryId, string InterceptorId, string PlaceId, double CatalogSpeedMPerS, double? LowestThresholdMPerS, double? HighestThresholdMPerS, int TracksCaught, int TracksCaughtIdeal)>
        BatteryThresholds(DeterrentResult d)
    {
        var batteries = d.Tracks.SelectMany(t => t.Batteries).GroupBy(b => b.BatteryId, StringComparer.Ordinal);
        return [.. batteries.Select(g =>
        {
            var first = g.First();
            var speeds = g.Select(b => b.Threshold?.SpeedMPerS).ToList();
            double? lowest = speeds.Min(); // nulls (no threshold) ignored; null when every track has none
            double? highest = speeds.Any(s => s is null) ? null : speeds.Max();
            return (first.BatteryId, first.InterceptorId, first.PlaceId, first.CatalogSpeedMPerS, lowest, highest,
                g.Count(b => b.CanIntercept), g.Count(b => b.CanInterceptIdeal));
        })];
    }
}
