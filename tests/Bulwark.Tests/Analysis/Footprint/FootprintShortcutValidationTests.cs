using System.Diagnostics;
using Bulwark.Analysis.Footprint;
using Bulwark.Catalog;
using Bulwark.Geography;
using Bulwark.Tests.Validation;

namespace Bulwark.Tests.Analysis.Footprint;

/// <summary>
/// Issue 6's acceptance for the footprint shortcut: a footprint computed with the trajectory fans agrees with the
/// cell-by-cell targeter at the same resolution within 1% of defended area, on three architecture–threat pairs. The
/// targeter flies ~400 trajectories a cell, so this runs only on demand (<c>-explicit only</c>); the results are in
/// docs/footprint.md. The CI check is ThreatGridTests.TheFanAgreesWithTheTargeterCellByCell (32 cells).
/// </summary>
public class FootprintShortcutValidationTests
{
    // South-eastern and central Europe, 2° cells (11 × 18 = 198): where the Iranian threats and the EPAA batteries meet.
    private static readonly GeoBox Box = new(34, 10, 56, 46);

    [Theory(Explicit = true)]
    [Trait("Category", "Validation")]
    [ValidationCase(ValidationArea.Analyses, "Footprint shortcut (trajectory fans) against the cell-by-cell targeter: defended area (3 architecture–threat pairs, 198 cells at 2°)",
        Source = "the direct computation: Targeter.Solve from scratch for every cell and launch place (golden-section elevation inside the energy root inside the azimuth iteration, then the minimum-energy refinement), same grid, same sensors and engagement",
        Tolerance = "defended area and threatened area within 1% of the direct computation's, on each pair",
        Why = "issue 6's acceptance (\"within 1% of defended area, on at least three architecture–threat pairs\"); at 2° one cell is 1–3% of these defended areas, so this also asks that no edge cell flips",
        Note = "before the minimum-energy refinement (both methods searching the elevation only to their 2e-4 rad brackets) epaa-phase-4-2020 vs sejjil-3 failed by one knife-edge cell (39° N 27° E, −2.45%); that cell is now also checked in every run (ThreatGridTests)")]
    [InlineData("epaa-phase-3-2018", "sejjil-2", "tabriz")]         // MRBM class
    [InlineData("nato-russia-sectoral", "sejjil-2", "tabriz,semnan")] // MRBM, two launch places (the Shahab-3 against phase 2 defended no cell: it tested nothing)
    [InlineData("epaa-phase-4-2020", "sejjil-3", "semnan")]         // IRBM class
    public void TheFanFootprintAgreesWithTheDirectOneWithinOnePercent(string architecture, string missile, string from)
    {
        var launches = from.Split(',');
        var clock = Stopwatch.StartNew();
        ThreatGrid fan = ThreatGrid.Fly(TestData.Context(BulwarkCatalog.BuiltIn), missile, launches, Box, 2);
        double fanS = clock.Elapsed.TotalSeconds;
        clock.Restart();
        ThreatGrid direct = ThreatGrid.Fly(TestData.Context(BulwarkCatalog.BuiltIn), missile, launches, Box, 2, ThreatGridMethod.Direct);
        double directS = clock.Elapsed.TotalSeconds;
        FootprintResult a = Footprints.Evaluate(architecture, fan), b = Footprints.Evaluate(architecture, direct);
        int differ = Enumerable.Range(0, a.Cells.Count).Count(i => a.Cells[i].State != b.Cells[i].State);
        int threatDiffer = Enumerable.Range(0, a.Cells.Count).Count(i => (a.Cells[i].State == CellDefence.NotThreatened) != (b.Cells[i].State == CellDefence.NotThreatened));
        int unrefined = new[] { fan, direct }.Sum(g => Enumerable.Range(0, g.Launches.Count).Sum(p => Enumerable.Range(0, g.Grid.Cells.Count)
            .Count(i => g.Threat(p, i) is { Solution.MissDistanceM: > Bulwark.Flight.Targeting.MinimumEnergyRefinement.MissM })));
        double defendedPct = 100 * (a.DefendedAreaKm2 - b.DefendedAreaKm2) / Math.Max(b.DefendedAreaKm2, 1);
        ValidationLog.Measured(Inv($"{architecture} vs {missile} from {from}: {a.Cells.Count} cells; defended fan {a.DefendedCells} cells {a.DefendedAreaKm2:F0} km², ") +
            Inv($"direct {b.DefendedCells} cells {b.DefendedAreaKm2:F0} km² ({defendedPct:+0.00;-0.00;0.00}%); threatened fan {a.ThreatenedAreaKm2:F0}, direct {b.ThreatenedAreaKm2:F0} km²; ") +
            Inv($"cells in a different state {differ} (threatened or not: {threatDiffer}); flights fan {fan.Flights} ({fan.FanFlights} for the fans, {fan.TargeterCells} cells via the targeter; {fanS:F0} s), direct {direct.Flights} ({directS:F0} s); tracks left unrefined {unrefined}"));
        Assert.True(Math.Abs(a.DefendedAreaKm2 - b.DefendedAreaKm2) <= 0.01 * Math.Max(b.DefendedAreaKm2, 1),
            $"fan {a.DefendedAreaKm2:F0} km², direct {b.DefendedAreaKm2:F0} km²");
        Assert.True(Math.Abs(a.ThreatenedAreaKm2 - b.ThreatenedAreaKm2) <= 0.01 * b.ThreatenedAreaKm2);
    }

    private static string Inv(FormattableString s) => FormattableString.Invariant(s);
}
