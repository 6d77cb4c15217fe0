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
public class ThresholdSearchTests(ITestOutputHelper output)
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

    /// <summary>
    /// Issue 14 item 6: a battery that intercepts a track at its catalog speed with ideal sensors has a threshold at the
    /// ideal-sensor launch delay (its reaction time) at or below that speed (within one step of the 0.1 km/s grid: the
    /// search's tables are coarser than the engagement's). On the old gravity-turn fly-outs the Redzikowo SM-3 IIA caught
    /// tracks at 4.5 km/s for which the search reported no threshold up to 10 km/s. Every architecture of the Lisbon study
    /// that reaches a Russian track with ideal sensors: in every run the Redzikowo batteries of phase 3 and the third site,
    /// every track (printed); every battery of phases 3 and 4 in the explicit test below (5 and 12 pairs, 20 s and 25 s in
    /// Release).
    /// </summary>
    [Theory]
    [InlineData("epaa-phase-3-2018", "redzikowo-sm3")]
    [InlineData("third-site-2007", "redzikowo-gbi")]
    public void ABatteryThatInterceptsAtItsCatalogSpeedHasAThresholdAtOrBelowIt(string architecture, string? battery)
    {
        BulwarkCatalog catalog = BulwarkCatalog.BuiltIn;
        DeterrentOptions options = DeterrentOptions.Default with { DelaysS = [] };
        Architecture a = catalog.Architecture(architecture);
        // The battery the issue names (the others of the architecture in the explicit test below), to keep the run short.
        a = battery is null ? a : a with { Batteries = [.. a.Batteries.Where(b => b.Id == battery)] };
        DeterrentResult r = DeterrentAnalysis.Run(TestData.Context(catalog), a, options);
        int checkedPairs = 0;
        foreach (DeterrentTrack t in r.Tracks)
        {
            foreach (DeterrentBattery b in t.Batteries.Where(b => b.CanInterceptIdeal))
            {
                checkedPairs++;
                ThresholdSpeed threshold = b.Threshold!.Value;
                output.WriteLine($"{t.Flight.Threat.Id} / {b.BatteryId}: catalog {b.CatalogSpeedMPerS / 1000:F2} km/s, threshold {(threshold.AtOrBelowMinimum ? "<= " : "")}{threshold.SpeedMPerS / 1000:F1} km/s");
                Assert.True(threshold.AtOrBelowMinimum || threshold.SpeedMPerS <= b.CatalogSpeedMPerS + options.SpeedQuantumMPerS,
                    $"{t.Flight.Threat.Id} / {b.BatteryId}: caught at {b.CatalogSpeedMPerS / 1000:F2} km/s with ideal sensors, threshold {threshold.SpeedMPerS / 1000:F1} km/s");
            }
        }

        output.WriteLine($"{checkedPairs} battery-track pairs caught with ideal sensors");
    }

    /// <summary>The same for every battery of EPAA phases 3 and 4 (the SM-3 IIB at Redzikowo, the ships, Deveselu); explicit to keep the regular run short.</summary>
    [Theory(Explicit = true)]
    [InlineData("epaa-phase-3-2018")]
    [InlineData("epaa-phase-4-2020")]
    public void EveryBatteryOfPhases3And4HasAThresholdAtOrBelowItsCatalogSpeed(string architecture) => ABatteryThatInterceptsAtItsCatalogSpeedHasAThresholdAtOrBelowIt(architecture, null);
}
