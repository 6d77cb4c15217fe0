using Bulwark.Analysis.Footprint;
using Bulwark.Flight;
using Bulwark.Flight.Targeting;
using Bulwark.Geography;

namespace Bulwark.Tests.Analysis.Footprint;

/// <summary>
/// An adaptive grid starts each refined block's corrections from the block it was split from (TrajectoryFan.Seed). The
/// seed moves only where the corrections start: every block must end in the same threat state and on the same
/// refined trajectory, to the precision ThreatGridTests asks of the fan against the targeter, as without it.
/// </summary>
public class ThreatGridSeedTests
{
    // ThreatGridTests' tolerances (twice the refinement's precision on each side): the seeded and the unseeded solve are
    // two refinements of one aim point from different starts, as the fan's and the targeter's are.
    private const double ElevationTolRad = 5e-6, AzimuthTolRad = 1e-6, EnergyTol = 1e-6, FlightTimeTolS = 0.02;

    [Fact]
    public void ASeededBlockEndsOnTheSameTrajectoryAsAnUnseededOne()
    {
        // The Sejjil-2 from Tabriz at 0.5° over the Balkans: the range edge, defended and undefended cells inside.
        var box = new GeoBox(38, 16, 46, 28);
        (ThreatGrid seeded, FootprintResult a) = Footprint(seed: true);
        (ThreatGrid unseeded, FootprintResult b) = Footprint(seed: false);

        Assert.Equal(a.Leaves!.Select(l => l.Cell.Index), b.Leaves!.Select(l => l.Cell.Index));
        Assert.Equal(a.Cells.Select(c => (c.State, c.ShotsPossible)), b.Cells.Select(c => (c.State, c.ShotsPossible)));
        var (dEl, dAz, dE, dT) = (0.0, 0.0, 0.0, 0.0);
        int solved = 0;
        foreach (CellBlock block in AdaptiveBlocks(seeded))
        {
            Assert.Equal(unseeded.State(0, block), seeded.State(0, block));
            if (unseeded.Threat(0, block) is not { Solution: var u })
            {
                continue;
            }

            TargetingSolution s = seeded.Threat(0, block)!.Solution;
            Assert.True(s.MissDistanceM <= MinimumEnergyRefinement.MissM, $"block {block}: miss {s.MissDistanceM:F2} m");
            dEl = Math.Max(dEl, Math.Abs(s.Controls.ElevationRad - u.Controls.ElevationRad));
            dAz = Math.Max(dAz, Math.Abs(Math.IEEERemainder(s.AzimuthRad - u.AzimuthRad, 2 * Math.PI)));
            dE = Math.Max(dE, Math.Abs(s.Controls.EnergyFraction - u.Controls.EnergyFraction));
            dT = Math.Max(dT, Math.Abs(s.FlightTimeS - u.FlightTimeS));
            solved++;
        }

        TestContext.Current.TestOutputHelper?.WriteLine(FormattableString.Invariant(
            $"{seeded.AimPoints} aim points, {solved} solved; max |seeded − unseeded|: elevation {dEl:E1} rad, azimuth {dAz:E1} rad, energy {dE:E1}, flight time {dT:F4} s; flights seeded {seeded.Flights}, unseeded {unseeded.Flights} (fan {seeded.FanFlights})"));
        Assert.True(solved >= 50, $"{solved} solved blocks");
        Assert.True(dEl <= ElevationTolRad, $"elevation differs by up to {dEl:E2} rad");
        Assert.True(dAz <= AzimuthTolRad, $"azimuth differs by up to {dAz:E2} rad");
        Assert.True(dE <= EnergyTol, $"energy fraction differs by up to {dE:E2}");
        Assert.True(dT <= FlightTimeTolS, $"flight time differs by up to {dT:F3} s");
        Assert.True(seeded.Flights < unseeded.Flights, $"seeded {seeded.Flights} flights, unseeded {unseeded.Flights}");

        (ThreatGrid, FootprintResult) Footprint(bool seed)
        {
            ThreatGrid grid = ThreatGrid.Prepare(TestData.Context(), "sejjil-2", ["tabriz"], box, 0.5);
            grid.SeedFromParents = seed;
            return (grid, Footprints.Evaluate("epaa-phase-3-2018", grid));
        }
    }

    private static IEnumerable<CellBlock> AdaptiveBlocks(ThreatGrid grid) => grid.FlownBlocks;
}
