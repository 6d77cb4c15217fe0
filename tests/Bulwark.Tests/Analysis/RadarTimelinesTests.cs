using Bulwark.Analysis;
using Bulwark.Analysis.Footprint;
using Bulwark.Catalog;
using Bulwark.Flight.Targeting;
using Bulwark.Geography;
using Bulwark.Sensing;

namespace Bulwark.Tests.Analysis;

/// <summary>
/// Radar timelines shared across the architectures of one context (<see cref="RadarTimelines"/>): the same radar looking
/// at the same track is computed once, each architecture gets it under its own sensor id, and what it gets is exactly
/// the direct computation's; footprints evaluated with the sharing equal those evaluated in fresh contexts.
/// </summary>
public class RadarTimelinesTests
{
    private static readonly BulwarkCatalog Catalog = BulwarkCatalog.BuiltIn;

    [Fact]
    public void AnEqualRadarIsComputedOnceAndNamedByEachDeployment()
    {
        AnalysisContext context = TestData.Context(Catalog);
        FlownThreat threat = context.Fly([new Threat("t", "sejjil-2", "tabriz", "bucharest", TrajectoryShape.MinimumEnergy)])[0];
        var spec = (RadarSpec)Catalog.Sensor("an-tpy-2");
        var site = Catalog.Place("kurecik").Position;
        var first = new DeployedRadar("tpy2-a", spec, site, 1.5);
        var second = new DeployedRadar("tpy2-b", spec, site, 1.5);
        var elsewhere = new DeployedRadar("tpy2-c", spec, site, 0.5);

        var cache = new RadarTimelines();
        SensorTimeline a = cache.Of(first, threat.Track), b = cache.Of(second, threat.Track), c = cache.Of(elsewhere, threat.Track);
        Assert.Equal(2, cache.Computed); // first and second share; another boresight is another radar
        Assert.Equal(Timelines.Radar(first, threat.Track), a);
        Assert.Equal(Timelines.Radar(second, threat.Track), b);
        Assert.Equal(Timelines.Radar(elsewhere, threat.Track), c);
        Assert.Equal("tpy2-b", b.SensorId);
    }

    [Fact]
    public void FootprintsWithSharedTimelinesEqualThoseOfFreshContexts()
    {
        // EPAA phases 2 and 3 share the AN/TPY-2 at Kürecik: evaluated one after the other on one grid, against each
        // evaluated on its own grid in its own context.
        var box = new GeoBox(38, 22, 46, 32);
        AnalysisContext shared = TestData.Context(Catalog);
        ThreatGrid grid = ThreatGrid.Fly(shared, "sejjil-2", ["tabriz"], box, 2);
        foreach (string id in new[] { "epaa-phase-2-2015", "epaa-phase-3-2018" })
        {
            FootprintResult withSharing = Footprints.Evaluate(Catalog.Architecture(id), grid);
            FootprintResult alone = Footprints.Evaluate(Catalog.Architecture(id), ThreatGrid.Fly(TestData.Context(Catalog), "sejjil-2", ["tabriz"], box, 2));
            Assert.Equal(alone.Cells.Select(c => (c.State, c.ShotsPossible, c.PKill)), withSharing.Cells.Select(c => (c.State, c.ShotsPossible, c.PKill)));
            Assert.Equal(alone.DefendedAreaKm2, withSharing.DefendedAreaKm2);
        }

        Assert.True(shared.RadarTimelines.Computed > 0);
    }
}
