using Bulwark.Analysis.Footprint;
using Bulwark.Catalog;
using Bulwark.Geography;

namespace Bulwark.Tests.Analysis.Footprint;

public class ThreatGridTests
{
    private static readonly BulwarkCatalog Catalog = BulwarkCatalog.BuiltIn;

    [Fact]
    public void TheFanAgreesWithTheTargeterCellByCell()
    {
        // Sejjil-2 (2,200 km) from Tabriz over Bulgaria and Serbia, 1° cells: the range edge crosses the box. (The
        // targeter's ~400 flights a cell make this the costly test; the larger comparisons are FootprintShortcutValidation.)
        var box = new GeoBox(40, 20, 44, 28);
        ThreatGrid fan = ThreatGrid.Fly(Catalog, "sejjil-2", ["tabriz"], box, 1);
        ThreatGrid direct = ThreatGrid.Fly(Catalog, "sejjil-2", ["tabriz"], box, 1, ThreatGridMethod.Direct);
        int n = fan.Grid.Cells.Count;
        Assert.Equal(32, n);
        var threatened = Enumerable.Range(0, n).Where(i => direct.Threat(0, i) is not null).ToList();
        Assert.InRange(threatened.Count, 5, n - 5);                   // both in-range and out-of-range cells
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(direct.State(0, i), fan.State(0, i));
            if (direct.Threat(0, i) is { } d)
            {
                var f = fan.Threat(0, i)!;
                // Both hit the cell centre (miss under 100 m), so the tracks differ only by the trajectory shape: the fan's
                // elevation is interpolated, not re-maximised. The energy differs by little; the flight time by seconds.
                Assert.True(f.Solution.MissDistanceM <= 100, $"cell {i}: fan miss {f.Solution.MissDistanceM:F0} m");
                Assert.Equal(d.Solution.Controls.EnergyFraction, f.Solution.Controls.EnergyFraction, 0.01);
                Assert.Equal(d.Solution.FlightTimeS, f.Solution.FlightTimeS, 0.01 * d.Solution.FlightTimeS);
            }
        }

        // On so small a grid the fan's fixed cost (built once per launch place) is most of its flights; per cell it is
        // the few corrections plus the targeter near the range edge. The savings on real grids: docs/performance.md.
        Assert.True(fan.Flights < direct.Flights, $"fan {fan.Flights} flights ({fan.FanFlights} for the fan), direct {direct.Flights}");
        TestContext.Current.TestOutputHelper?.WriteLine($"fan {fan.Flights} flights ({fan.FanFlights} for the fan, {fan.TargeterCells} cells via the targeter), direct {direct.Flights}");

        // The acceptance of issue 6: the defended area within 1% of the direct computation.
        FootprintResult a = Footprints.Evaluate("epaa-phase-3-2018", fan);
        FootprintResult b = Footprints.Evaluate("epaa-phase-3-2018", direct);
        Assert.True(b.DefendedCells > 0, "the check needs some defended cells");
        Assert.True(Math.Abs(a.DefendedAreaKm2 - b.DefendedAreaKm2) <= 0.01 * b.DefendedAreaKm2,
            $"fan {a.DefendedAreaKm2:F0} km², direct {b.DefendedAreaKm2:F0} km²; cells differing: {Enumerable.Range(0, n).Count(i => a.Cells[i].State != b.Cells[i].State)}");
    }

    [Fact]
    public void ACellIsDefendedOnlyIfDefendedAgainstEveryLaunchPlaceThatReachesIt()
    {
        var box = new GeoBox(40, 22, 44, 30);
        ThreatGrid both = ThreatGrid.Fly(Catalog, "sejjil-2", ["tabriz", "semnan"], box, 2);
        ThreatGrid tabriz = ThreatGrid.Fly(Catalog, "sejjil-2", ["tabriz"], box, 2);
        ThreatGrid semnan = ThreatGrid.Fly(Catalog, "sejjil-2", ["semnan"], box, 2);
        var r = Footprints.Evaluate("epaa-phase-3-2018", both);
        var t = Footprints.Evaluate("epaa-phase-3-2018", tabriz);
        var s = Footprints.Evaluate("epaa-phase-3-2018", semnan);
        for (int i = 0; i < r.Cells.Count; i++)
        {
            var (ct, cs) = (t.Cells[i].State, s.Cells[i].State);
            var expected = ct == CellDefence.NotThreatened && cs == CellDefence.NotThreatened ? CellDefence.NotThreatened
                : ct != CellDefence.Undefended && cs != CellDefence.Undefended ? CellDefence.Defended : CellDefence.Undefended;
            Assert.Equal(expected, r.Cells[i].State);
            if (expected == CellDefence.Defended && ct == CellDefence.Defended && cs == CellDefence.Defended)
            {
                Assert.Equal(Math.Min(t.Cells[i].ShotsPossible, s.Cells[i].ShotsPossible), r.Cells[i].ShotsPossible);
            }
        }
    }
}
