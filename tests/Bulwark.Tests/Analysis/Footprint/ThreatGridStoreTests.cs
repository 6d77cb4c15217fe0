using Bulwark.Analysis;
using Bulwark.Analysis.Footprint;
using Bulwark.Caching;
using Bulwark.Catalog;
using Bulwark.Flight.Targeting;
using Bulwark.Geography;

namespace Bulwark.Tests.Analysis.Footprint;

/// <summary>
/// Threat grids in the persistent store (docs/cache.md): a grid opened on a store that holds its solutions flies only
/// the tracks (one trajectory an aim point and launch place, no fan) and answers exactly as the grid that was flown:
/// the same states, solutions and track samples, so the same footprint.
/// </summary>
public class ThreatGridStoreTests
{
    // The Sejjil-2 from Tabriz and Semnan at 1° over the Balkans, adaptive from 2° blocks: the range edge, defended and
    // undefended cells, aim points the targeter solves.
    private static readonly GeoBox Box = new(38, 16, 46, 28);

    private static string TempDir() => Path.Combine(Path.GetTempPath(), "bulwark-tests", Guid.NewGuid().ToString("N"));

    private static AnalysisContext WithStore(DiskStore store) => new(BulwarkCatalog.BuiltIn, reach: TestData.Reach, store: store);

    private static ThreatGrid Prepare(AnalysisContext context) => ThreatGrid.Prepare(context, "sejjil-2", ["tabriz", "semnan"], Box, 1, coarseSize: 2);

    [Fact]
    public void AStoredGridAnswersExactlyAsTheFlownOne()
    {
        var store = new DiskStore(TempDir());
        ThreatGrid flown = Prepare(WithStore(store));
        FootprintResult a = Footprints.Evaluate("epaa-phase-3-2018", flown);
        Assert.Equal(0, flown.StoredAimPoints);
        Assert.True(store.Writes >= 1);

        ThreatGrid read = Prepare(WithStore(new DiskStore(store.Directory)));
        FootprintResult b = Footprints.Evaluate("epaa-phase-3-2018", read);
        Assert.Equal(flown.AimPoints, read.StoredAimPoints);
        Assert.Equal(0, read.FanFlights);
        int tracks = 0;
        foreach (CellBlock block in flown.FlownBlocks)
        {
            for (int p = 0; p < flown.Launches.Count; p++)
            {
                Assert.Equal(flown.State(p, block), read.State(p, block));
                if (flown.Threat(p, block) is not { } f)
                {
                    Assert.Null(read.Threat(p, block));
                    continue;
                }

                tracks++;
                FlownThreat r = read.Threat(p, block)!;
                TargetingSolution fs = f.Solution, rs = r.Solution;
                Assert.Equal((fs.AzimuthRad, fs.Controls, fs.Impact, fs.MissDistanceM, fs.GroundRangeM, fs.Flights, fs.Refined),
                    (rs.AzimuthRad, rs.Controls, rs.Impact, rs.MissDistanceM, rs.GroundRangeM, rs.Flights, rs.Refined));
                Assert.Equal(fs.Trajectory.Final, rs.Trajectory.Final);
                Assert.Equal(fs.Trajectory.Events, rs.Trajectory.Events);
                Assert.Equal(f.Track.Points, r.Track.Points);
                Assert.Equal(f.Threat, r.Threat);
            }
        }

        Assert.True(tracks >= 20, $"{tracks} tracks");
        Assert.Equal(tracks, read.Flights);                        // one flight a track: no fan, no search
        Assert.Equal(a.Cells.Select(c => (c.State, c.ShotsPossible, c.PKill)), b.Cells.Select(c => (c.State, c.ShotsPossible, c.PKill)));
        Assert.Equal(a.DefendedAreaKm2, b.DefendedAreaKm2);
    }

    [Fact]
    public void AGridOfAnotherMissileOrResolutionDoesNotReadIt()
    {
        var store = new DiskStore(TempDir());
        _ = Footprints.Evaluate("epaa-phase-3-2018", Prepare(WithStore(store)));
        ThreatGrid other = ThreatGrid.Prepare(WithStore(store), "sejjil-3", ["tabriz", "semnan"], Box, 1, coarseSize: 2);
        ThreatGrid finer = ThreatGrid.Prepare(WithStore(store), "sejjil-2", ["tabriz", "semnan"], Box, 0.5, coarseSize: 4);
        other.FlyTo([new CellBlock(0, 0, 2)]);
        finer.FlyTo([new CellBlock(0, 0, 4)]);
        Assert.Equal(0, other.StoredAimPoints);
        Assert.Equal(0, finer.StoredAimPoints);
    }

    [Fact]
    public void TwoRunsAskingForDifferentBlocksLeaveBothInTheStore()
    {
        // Both open the store before either writes (as two processes started together do); the second writer keeps the first's blocks.
        var store = new DiskStore(TempDir());
        ThreatGrid a = ThreatGrid.Prepare(WithStore(store), "sejjil-2", ["tabriz"], Box, 2, coarseSize: 2);
        ThreatGrid b = ThreatGrid.Prepare(WithStore(new DiskStore(store.Directory)), "sejjil-2", ["tabriz"], Box, 2, coarseSize: 2);
        a.FlyTo([new CellBlock(0, 0, 2)]);
        b.FlyTo([new CellBlock(0, 2, 2)]);
        ThreatGrid c = ThreatGrid.Prepare(WithStore(new DiskStore(store.Directory)), "sejjil-2", ["tabriz"], Box, 2, coarseSize: 2);
        c.FlyTo([new CellBlock(0, 0, 2), new CellBlock(0, 2, 2)]);
        Assert.Equal(2, c.StoredAimPoints);
    }

    [Fact]
    public void ReleasedTracksAreGoneAndTheCountsStay()
    {
        ThreatGrid grid = ThreatGrid.Prepare(TestData.Context(), "sejjil-2", ["tabriz"], Box, 2, coarseSize: 2);
        grid.FlyTo([new CellBlock(0, 0, 2), new CellBlock(0, 2, 2)]);
        int flights = grid.Flights;
        grid.Release();
        Assert.Equal(2, grid.AimPoints);
        Assert.Equal(flights, grid.Flights);
        Assert.Contains("released", Assert.Throws<InvalidOperationException>(() => grid.State(0, new CellBlock(0, 0, 2))).Message, StringComparison.Ordinal);

        // Flying to a block afterwards is an error too, not a silent flight of a new track.
        Assert.Throws<InvalidOperationException>(() => grid.FlyTo([new CellBlock(0, 0, 2)]));
        Assert.Equal(flights, grid.Flights);
    }
}
