using Bulwark.Analysis.Footprint;
using Bulwark.Geography;

namespace Bulwark.Tests.Analysis.Footprint;

/// <summary>
/// The adaptive footprint over central and south-eastern Europe where the Sejjil-2 from Tabriz meets EPAA phase 3
/// (threatened and not, defended and not, 1 to 4 shots): 2° cells from 4° blocks, against every 2° cell flown and evaluated. The explicit comparison at
/// 0.5° over NATO Europe is AdaptiveFootprintValidationTests.
/// </summary>
public class AdaptiveFootprintTests
{
    private static readonly GeoBox Box = new(34, 10, 56, 46);   // 11 × 18 = 198 cells of 2° (FootprintShortcutValidationTests' box)
    private static readonly Lazy<FootprintResult> Uniform = new(() =>
        Footprints.Evaluate("epaa-phase-3-2018", ThreatGrid.Fly(TestData.Context(), "sejjil-2", ["tabriz"], Box, 2)));

    private static readonly Lazy<FootprintResult> OneThread = new(() => Adaptive(1)), TwoThreads = new(() => Adaptive(2));

    private static FootprintResult Adaptive(int threads) =>
        Footprints.Evaluate("epaa-phase-3-2018", ThreatGrid.Prepare(TestData.Context(), "sejjil-2", ["tabriz"], Box, 2, coarseSize: 2, maxDegreeOfParallelism: threads));

    [Fact]
    public void TheAdaptiveFootprintGivesTheUniformOneFromFewerCells()
    {
        FootprintResult u = Uniform.Value, a = TwoThreads.Value;
        Assert.True(a.Adaptive);
        Assert.False(u.Adaptive);
        Assert.Equal(u.Cells.Count, a.Cells.Count);

        // The box holds every kind of boundary, so the check means something.
        Assert.Contains(u.Cells, c => c.State == CellDefence.NotThreatened);
        Assert.Contains(u.Cells, c => c.State == CellDefence.Undefended);
        Assert.True(u.Cells.Select(c => c.ShotsPossible).Distinct().Count() >= 3, "several shot counts");

        // A cell refined to 2° was flown and evaluated exactly as the uniform grid does it (same fans, same centre);
        // a cell inside a coarser block takes the block's state, and every block next to a change was refined.
        var differ = Enumerable.Range(0, u.Cells.Count).Where(i => u.Cells[i].State != a.Cells[i].State || u.Cells[i].ShotsPossible != a.Cells[i].ShotsPossible).ToList();
        Assert.True(differ.Count == 0, $"cells that differ: {string.Join(", ", differ.Select(i => $"{u.Cells[i].Cell.CentreLatDeg}°N {u.Cells[i].Cell.CentreLonDeg}°E"))}");
        Assert.Equal(u.DefendedAreaKm2, a.DefendedAreaKm2, 1e-6);
        Assert.Equal(u.ThreatenedAreaKm2, a.ThreatenedAreaKm2, 1e-6);
        foreach (var (cu, ca) in u.Countries.Zip(a.Countries))
        {
            Assert.Equal((cu.Iso3, cu.AreaDefendedPct, cu.PopulationDefendedPct), (ca.Iso3, ca.AreaDefendedPct, ca.PopulationDefendedPct));
        }

        // The box is chosen for its boundaries, so the saving is small here (the synthetic case is AdaptiveGridTests).
        Assert.True(a.EvaluatedCells < u.Cells.Count, $"{a.EvaluatedCells} blocks evaluated, {u.Cells.Count} cells");
        Assert.Equal(a.Leaves!.Sum(l => l.Cell.AreaM2), a.Cells.Sum(c => c.Cell.AreaM2), 1e-3 * a.Cells.Count);
    }

    [Fact]
    public void TheAdaptiveFootprintIsTheSameOnOneThreadAsOnTwo()
    {
        FootprintResult one = OneThread.Value, two = TwoThreads.Value;
        Assert.Equal(one.EvaluatedCells, two.EvaluatedCells);
        Assert.Equal(one.Leaves!.Select(l => l.Cell), two.Leaves!.Select(l => l.Cell));
        for (int i = 0; i < one.Cells.Count; i++)
        {
            var (x, y) = (one.Cells[i], two.Cells[i]);
            Assert.Equal((x.State, x.ShotsPossible, x.PKill), (y.State, y.ShotsPossible, y.PKill));
            Assert.Equal(x.Batteries, y.Batteries);
        }

        Assert.Equal(one.Threat.Flights, two.Threat.Flights);
    }

    [Fact]
    public void ABlockIsFlownOnceForEveryArchitecture()
    {
        FootprintResult first = TwoThreads.Value;
        ThreatGrid grid = first.Threat;
        int aims = grid.AimPoints, flights = grid.Flights;
        FootprintResult again = Footprints.Evaluate("epaa-phase-3-2018", grid);
        Assert.Equal((aims, flights), (grid.AimPoints, grid.Flights));
        Assert.Equal(first.Cells.Select(c => c.State), again.Cells.Select(c => c.State));
        Assert.Equal(first.EvaluatedCells, aims);
    }
}
