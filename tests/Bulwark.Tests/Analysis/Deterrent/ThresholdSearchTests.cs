using Bulwark.Analysis;
using Bulwark.Analysis.Deterrent;
using Bulwark.Catalog;
using Bulwark.Earth;
using Bulwark.Engagement;
using Bulwark.Engagement.Reach;
using Bulwark.Flight;
using Bulwark.Flight.Targeting;
using Bulwark.Sensing;
using Bulwark.Catalog.Studies;

namespace Bulwark.Tests.Analysis.Deterrent;

/// <summary>
/// The threshold search's answer is the least speed on its 0.1 km/s grid that intercepts: the reported speed does, the
/// one a step below does not. Before, the interpolation on the 0.5 km/s coarse grid could report a speed that falls short
/// (0.1 km/s too low in 12 of 79 thresholds measured in docs/deterrent.md; the GBI at Redzikowo against Teykovo → Boston
/// at 300 s: 6.3 km/s reported, whose latest launch is 293 s).
/// </summary>
public class ThresholdSearchTests
{
    [Fact]
    public void TheThresholdInterceptsAndAStepBelowDoesNot()
    {
        BulwarkCatalog catalog = BulwarkCatalog.BuiltIn;
        ThreatTrack track = ThreatFlights.Fly(TestData.Context(catalog), new Threat("topol-m-teykovo-boston", "topol-m", "teykovo", "boston", TrajectoryShape.MinimumEnergy)).Track;
        Interceptor gbi = catalog.Interceptor("gbi-2-stage-mda");
        Geodetic redzikowo = catalog.Place("redzikowo").Position;
        // A narrower speed range than the default (3–10 km/s) keeps the tables built few; the coarse step is the default's.
        var options = DeterrentOptions.Default with { MinSpeedMPerS = 5000, MaxSpeedMPerS = 9000 };
        var search = new ThresholdSearch(gbi, redzikowo, [track], options);
        foreach (double delayS in new[] { 250.0, 300, 400, 500 })
        {
            ThresholdSpeed threshold = search.Threshold(0, delayS);
            Assert.NotNull(threshold.SpeedMPerS);
            int level = (int)Math.Round((threshold.SpeedMPerS.Value - options.MinSpeedMPerS) / options.SpeedQuantumMPerS);
            Assert.True(search.LatestLaunchS(0, level) >= delayS, $"at {delayS} s: the threshold {threshold.SpeedMPerS / 1000:F1} km/s does not intercept");
            if (level > 0)
            {
                Assert.True(search.LatestLaunchS(0, level - 1) < delayS, $"at {delayS} s: {(threshold.SpeedMPerS - options.SpeedQuantumMPerS) / 1000:F1} km/s already intercepts");
            }
        }
    }
}
