using Bulwark.Analysis.Footprint;
using Bulwark.Catalog;
using Bulwark.Flight;
using Bulwark.Flight.Targeting;
using Bulwark.Geography;

namespace Bulwark.Tests.Analysis.Footprint;

/// <summary>
/// Threat grids of lofted and depressed trajectories (a study's <c>shape:</c>, the <c>threats.shape</c> variant): every
/// aim point goes to the targeter with the shape, and the tracks are what the shapes mean physically against the
/// minimum-energy grid's: to the same cell, a lofted trajectory climbs higher and flies longer, a depressed one lower and
/// shorter, each landing on the cell centre.
/// </summary>
public class ThreatGridShapeTests
{
    private static readonly BulwarkCatalog Catalog = BulwarkCatalog.BuiltIn;

    [Fact]
    public void LoftedClimbsHigherAndDepressedFliesLowerAndFasterToEveryCell()
    {
        // Sejjil-2 (about 2,200 km) from Tabriz over eastern Turkey and the Black Sea, 2° cells: 1,000-2,000 km away.
        var box = new GeoBox(38, 32, 44, 40);
        ThreatGrid minimum = ThreatGrid.Fly(TestData.Context(Catalog), "sejjil-2", ["tabriz"], box, 2);
        ThreatGrid lofted = ThreatGrid.Fly(TestData.Context(Catalog), "sejjil-2", ["tabriz"], box, 2, shape: TrajectoryShape.Lofted);
        ThreatGrid depressed = ThreatGrid.Fly(TestData.Context(Catalog), "sejjil-2", ["tabriz"], box, 2, shape: TrajectoryShape.Depressed);
        Assert.Equal((TrajectoryShape.Lofted, 0), (lofted.Shape, lofted.FanFlights));
        var env = FlightEnvironment.Default;
        double Apogee(TargetingSolution s) => env.GeodeticPosition(s.Apogee!.Value).HeightM;
        int compared = 0;
        for (int i = 0; i < minimum.Grid.Cells.Count; i++)
        {
            if (minimum.Threat(0, i) is not { Solution: var m })
            {
                continue;
            }

            // Full energy reaches every cell minimum energy does in this box (none is too close for either shape).
            TargetingSolution l = lofted.Threat(0, i)!.Solution, d = depressed.Threat(0, i)!.Solution;
            Assert.Equal(TrajectoryShape.Lofted, lofted.Threat(0, i)!.Threat.Shape);
            Assert.True(l.MissDistanceM <= l.Request.MissToleranceM && d.MissDistanceM <= d.Request.MissToleranceM, $"cell {i}: misses {l.MissDistanceM:F0} m, {d.MissDistanceM:F0} m");
            Assert.True(Apogee(l) > Apogee(m) && Apogee(m) > Apogee(d), $"cell {i}: apogees {Apogee(l) / 1000:F0}, {Apogee(m) / 1000:F0}, {Apogee(d) / 1000:F0} km");
            Assert.True(l.FlightTimeS > m.FlightTimeS && m.FlightTimeS > d.FlightTimeS, $"cell {i}: flight times {l.FlightTimeS:F0}, {m.FlightTimeS:F0}, {d.FlightTimeS:F0} s");
            compared++;
        }

        Assert.InRange(compared, 6, minimum.Grid.Cells.Count);
    }
}
