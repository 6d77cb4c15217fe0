using Bulwark.Analysis;
using Bulwark.Analysis.Deterrent;
using Bulwark.Catalog;
using Bulwark.Earth;
using Bulwark.Engagement;
using Bulwark.Engagement.Reach;
using Bulwark.Flight;
using Bulwark.Flight.Targeting;
using Bulwark.Sensing;
using Bulwark.Tests.Validation;
using Bulwark.Catalog.Studies;

namespace Bulwark.Tests.Analysis.Deterrent;

/// <summary>
/// Published findings on the European defence and Russian or Iranian missiles (REFERENCES.md V9 a, b, d, e), reproduced
/// with the catalog's models. Each test states its metric and criterion; the numbers are printed. Where the model
/// disagrees with a source, docs/validation.md says so with the numbers.
/// </summary>
public class PublishedFindingsTests(ITestOutputHelper output)
{
    private static readonly BulwarkCatalog Catalog = BulwarkCatalog.BuiltIn;

    private static readonly ReachTableOptions Tables = DeterrentOptions.Default.ThresholdTables;

    private static Architecture Arch(string id) => Catalog.Architecture(id);

    private static ThreatTrack Fly(string missile, string from, string to) =>
        ThreatFlights.Fly(TestData.Context(Catalog), new Threat($"{missile}-{from}-{to}", missile, from, to, TrajectoryShape.MinimumEnergy)).Track;

    private static Geodetic Site(string place) => Catalog.Place(place).Position;

    private static string S(double latestS) => double.IsFinite(latestS) ? $"{latestS:F0} s" : "never";

    /// <summary>
    /// V9a, GAO-13-382R: for Iranian ICBMs toward the US, an SM-3 IIB battery in Romania is poor, one in Poland works only
    /// if launched during the threat's boost, and the North Sea is the best vantage. Metric: the launch window's end, the
    /// latest launch (s after the ICBM's launch) from which the catalog SM-3 IIB (5.5 km/s) still intercepts, with ideal
    /// sensors (guidance everywhere; fire control is not the question here). Criterion, for each of the three iran-to-us
    /// tracks: Romania &lt; Poland &lt; North Sea ("never" ranks lowest). Not asserted, printed: GAO's "Poland only if launched
    /// during boost" — the model's Polish window closes well after burnout (docs/validation.md, V9a: a disagreement).
    /// </summary>
    [Fact]
    [ValidationCase(ValidationArea.PublishedFindings, "V9a GAO-13-382R: an SM-3 IIB in Romania fares worse than in Poland, the North Sea best",
        Source = "REFERENCES.md V9a (GAO-13-382R, 2013 [PUB]), SM-3 IIB (5.5 km/s) at deveselu, redzikowo, north-sea-station against the three iran-to-us tracks, ideal sensors",
        Tolerance = "metric: the latest launch after the ICBM's from which the battery still intercepts; Romania < Poland < North Sea for each track",
        Why = "a qualitative ranking: pass or fail",
        Note = "GAO's \"Poland works only if launched during threat boost\" is not asserted and disagrees: the model's Polish window closes at 577 s (Semnan → Washington), well after the ICBM's burnout at 239 s; with no sensor limits the IIB in Poland still catches the ICBM in midcourse (on the old gravity-turn fly-outs too: 573 s)")]
    public void V9a_GaoSm3IibRomaniaWorseThanPolandNorthSeaBest()
    {
        Interceptor iib = Catalog.Interceptor("sm-3-iib");
        string[] sites = ["deveselu", "redzikowo", "north-sea-station"];
        var tables = sites.Select(s => ReachTable.Build(iib, Site(s), Tables)).ToList();
        foreach (Threat threat in Catalog.ThreatSet("iran-to-us").Threats)
        {
            ThreatTrack track = Fly(threat.MissileId, threat.FromId, threat.ToId);
            double[] latest = [.. tables.Select(t => ThresholdSearch.LatestLaunchS(track, t, iib))];
            ValidationLog.Measured($"{threat.Id} (burnout {track.BurnoutTimeS:F0} s): latest launch Romania {S(latest[0])}, Poland {S(latest[1])}, North Sea {S(latest[2])}");
            Assert.True(latest[0] < latest[1], $"{threat.Id}: Romania {S(latest[0])} should be worse than Poland {S(latest[1])}");
            Assert.True(latest[1] < latest[2], $"{threat.Id}: Poland {S(latest[1])} should be worse than the North Sea {S(latest[2])}");
        }
    }

    /// <summary>
    /// V9b, Sankaran 2013: without the SM-3 IIB, the EPAA (phase 3: IB at Deveselu, IIA at Redzikowo and at sea) has no
    /// kinematic capability against Russian ICBMs flying to the US, while Iranian MRBMs and IRBMs at Europe remain
    /// reachable. Criteria, at the catalog speeds: no battery intercepts any russia-to-us track with the architecture's
    /// sensors; the MRBM/IRBM tracks of iran-to-europe are kinematically reachable (ideal sensors: fire control at launch,
    /// guidance everywhere) by some battery, all seven (on the old gravity-turn fly-outs the Sejjil-3 from Tabriz at Berlin
    /// was reached by none). Printed, not asserted: the Russian tracks with ideal sensors (the model's SM-3 IIA at
    /// Redzikowo reaches some western-Russian tracks if launched within about 31 s of the ICBM) and the Iranian ones with
    /// the real sensors (docs/validation.md, V9b).
    /// </summary>
    [Fact]
    [ValidationCase(ValidationArea.PublishedFindings, "V9b Sankaran 2013: EPAA phase 3 engages no Russian ICBM track to the US but reaches Iranian MRBMs/IRBMs",
        Source = "REFERENCES.md V9b (Sankaran, Arms Control Today 2013 [PUB]); epaa-phase-3-2018 at catalog speeds against russia-to-us and the MRBM/IRBM threats of iran-to-europe",
        Tolerance = "no russia-to-us track engageable with the architecture's sensors; every MRBM/IRBM kinematically reachable (ideal sensors) by some battery",
        Why = "a qualitative statement: pass or fail",
        Note = "\"no kinematic capability\" disagrees in part: with ideal sensors the SM-3 IIA at Redzikowo reaches 5 of 8 Russian tracks, but only if launched within about 31 s of the ICBM (its reaction time is 30 s; no sensor gives a fire-control track that early). With the real sensors 5 of 7 Iranian threats get a shot (the two aimed at Ankara none)")]
    public void V9b_SankaranPhaseThreeCannotEngageRussianIcbmsButReachesIranianMissilesAtEurope()
    {
        var regional = Catalog.ThreatSet("iran-to-europe").Threats.Where(t => t.MissileId != "iran-icbm").ToList();
        var threats = DeterrentAnalysis.Tracks(Catalog).Concat(regional).ToList();
        DeterrentResult r = DeterrentAnalysis.Run(TestData.Context(Catalog), Arch("epaa-phase-3-2018"), DeterrentOptions.Default with { Thresholds = false, Threats = threats });
        foreach (DeterrentTrack t in r.Tracks)
        {
            output.WriteLine($"{t.Flight.Threat.Id}: " + string.Join(", ", t.Batteries.Select(b =>
                $"{b.BatteryId} real {b.CanIntercept} ideal {b.CanInterceptIdeal}" + (b.IdealSensors.First is { } f ? $" (launch {f.LaunchS:F0} s, intercept {f.InterceptS:F0} s at {f.Point.HeightM / 1000:F0} km; last launch {b.IdealSensors.Last!.LaunchS:F0} s)" : ""))));
        }

        var russian = r.Tracks.Where(t => t.Flight.Threat.MissileId is "topol-m" or "ss-18").ToList();
        var iranian = r.Tracks.Except(russian).ToList();
        ValidationLog.Measured($"Russian tracks engageable: real sensors {russian.Count(t => t.Engageable)} of {russian.Count}, ideal {russian.Count(t => t.EngageableIdeal)}; "
            + $"Iranian MRBM/IRBM: real {iranian.Count(t => t.Engageable)} of {iranian.Count}, ideal {iranian.Count(t => t.EngageableIdeal)}");
        Assert.Equal(8, russian.Count);
        Assert.Equal(7, iranian.Count);
        Assert.DoesNotContain(russian, t => t.Engageable);
        Assert.All(iranian, t => Assert.True(t.EngageableIdeal, $"{t.Flight.Threat.Id}: not reachable by any battery"));
    }

    /// <summary>
    /// V9d, Lewis and Postol 2007 (as reported): a two-stage GBI in Poland at about 7.7–8.3 km/s catches ICBMs from
    /// western Russia aimed at the US; at the MDA's 6.3 km/s it cannot (a tail chase). The sources give no launch time;
    /// this test assumes the interceptor is launched no earlier than 300 s after the ICBM (the ~3 min boost of a solid
    /// ICBM, V9h, then a fire-control track and the GBI's 60 s reaction: a radar-cued launch). Criteria, for each
    /// western-Russian track of russia-to-us (Kozelsk, Teykovo, Yoshkar-Ola): the catalog's 8.0 km/s GBI intercepts with
    /// such a launch, the 6.3 km/s one does not, and the threshold speed at that delay lies in (6.3, 7.7] km/s (the
    /// threshold search's grid step, 0.1 km/s, and its interpolation error, up to 0.2 km/s, are inside this interval's
    /// width; the bounds themselves are the source's numbers, not widened).
    /// </summary>
    [Fact]
    [ValidationCase(ValidationArea.PublishedFindings, "V9d Lewis and Postol 2007: a two-stage GBI in Poland catches western-Russian ICBMs at 8 km/s, not at 6.3 km/s",
        Source = "REFERENCES.md V9d (Lewis and Postol 2007 [SEC]; the flip as the GBI's speed crosses a threshold is REFERENCES' inference); gbi-2-stage-postol (8.0 km/s) and gbi-2-stage-mda (6.3 km/s) at redzikowo against Kozelsk, Teykovo and Yoshkar-Ola tracks",
        Tolerance = "with a launch no earlier than 300 s after the ICBM: 8.0 km/s intercepts, 6.3 km/s does not, threshold in (6.3, 7.7] km/s",
        Why = "the bounds are the sources' numbers; the threshold search's 0.1 km/s grid is inside them. The 300 s launch delay is an assumption (about 3 min of boost, V9h, then a track and the 60 s reaction): the sources give no launch time",
        Note = "launched within about 3 minutes of the ICBM (ideal sensors) even the 6.3 km/s GBI catches these tracks in the model (thresholds 3.8–5.3 km/s at 0–60 s, docs/deterrent.md): the flip depends on the launch delay")]
    public void V9d_LewisPostolTwoStageGbiInPolandFlipsBetweenTheMdaAndPostolSpeeds()
    {
        const double DelayS = 300;
        Geodetic redzikowo = Site("redzikowo");
        Interceptor mda = Catalog.Interceptor("gbi-2-stage-mda"), postol = Catalog.Interceptor("gbi-2-stage-postol");
        ReachTable slow = ReachTable.Build(mda, redzikowo, Tables), fast = ReachTable.Build(postol, redzikowo, Tables);
        ThreatTrack[] tracks = [Fly("topol-m", "kozelsk", "washington"), Fly("topol-m", "teykovo", "boston"), Fly("topol-m", "yoshkar-ola", "washington")];
        var search = new ThresholdSearch(mda, redzikowo, tracks, DeterrentOptions.Default);
        for (int k = 0; k < tracks.Length; k++)
        {
            double latestSlow = ThresholdSearch.LatestLaunchS(tracks[k], slow, mda), latestFast = ThresholdSearch.LatestLaunchS(tracks[k], fast, postol);
            ThresholdSpeed threshold = search.Threshold(k, DelayS);
            ValidationLog.Measured($"{tracks[k].Id}: latest launch at 6.3 km/s {S(latestSlow)}, at 8.0 km/s {S(latestFast)}; threshold at {DelayS} s: {threshold.SpeedMPerS / 1000:F1} km/s");
            Assert.True(latestFast >= DelayS, $"{tracks[k].Id}: 8.0 km/s should intercept with a launch at {DelayS} s (latest {S(latestFast)})");
            Assert.True(latestSlow < DelayS, $"{tracks[k].Id}: 6.3 km/s should not (latest {S(latestSlow)})");
            Assert.NotNull(threshold.SpeedMPerS);
            Assert.InRange(threshold.SpeedMPerS.Value, 6300.001, 7700);
        }
    }

    /// <summary>
    /// V9e, Wilkening 2008 (as reported): interceptors in Bulgaria or Turkey "could not pose any challenge to Russian
    /// ICBMs", and there "even Moscow would be protected from notional Iranian attack". Architecture built here: the
    /// third site's two-stage GBI moved to Kürecik (Turkey) with the TPY-2 there, SBIRS and Fylingdales — Wilkening was
    /// discussing where to put the third site's components. The GBI is Postol's faster reading (8.0 km/s), the hard case
    /// for the first claim (the 6.3 km/s reading reaches less). Criteria: no russia-to-us track is engageable with the
    /// real sensors; the Iranian Sejjil-3 from Semnan at Moscow gets a shot with the real sensors. Printed, not asserted:
    /// the ideal-sensor count and the Sejjil-2 from Tabriz at Moscow (docs/validation.md, V9e). On the shaped fly-outs
    /// (docs/engagement.md) the 8.0 km/s GBI launched when the ICBM launches (ideal sensors) reaches 7 of the 8 tracks in a
    /// tail chase; on the old gravity-turn fly-outs it reached none. The real sensors' fire-control times rule every one out.
    /// </summary>
    [Fact]
    [ValidationCase(ValidationArea.PublishedFindings, "V9e Wilkening 2008: a site in Turkey poses no challenge to Russian ICBMs and defends Moscow",
        Source = "REFERENCES.md V9e (Wilkening 2008 [SEC]); architecture built in the test: the third site's GBI (Postol's 8.0 km/s, the hard case) at Kürecik with the TPY-2, SBIRS and Fylingdales",
        Tolerance = "no russia-to-us track engageable with the real sensors; the Sejjil-3 Semnan → Moscow gets a shot with the real sensors",
        Why = "a qualitative statement: pass or fail",
        Note = "the Sejjil-2 Tabriz → Moscow gets no shot with the real sensors (fire control at 68 s): \"even Moscow would be protected\" holds only in part. Disagreement stated: with ideal sensors (launch when the ICBM launches) the GBI reaches 7 of the 8 russia-to-us tracks in a tail chase on the shaped fly-outs (0 on the old gravity-turn fly-outs); Wilkening's claim holds for the real sensors' timing, not as a kinematic bound")]
    public void V9e_WilkeningSiteInTurkeyNoChallengeToRussiaButDefendsMoscow()
    {
        Architecture turkey = TurkeySite("gbi-2-stage-postol");
        DeterrentResult r = DeterrentAnalysis.Run(TestData.Context(Catalog), turkey, DeterrentOptions.Default with { Thresholds = false });
        foreach (DeterrentTrack t in r.Tracks)
        {
            DeterrentBattery b = t.Batteries[0];
            output.WriteLine($"{t.Flight.Threat.Id}: real {b.CanIntercept}, ideal {b.CanInterceptIdeal}");
        }

        ValidationLog.Measured($"russia-to-us tracks engageable: real sensors {r.EngageableTracks} of {r.Tracks.Count}, ideal sensors {r.EngageableTracksIdeal}");
        Assert.Equal(0, r.EngageableTracks);

        Threat[] atMoscow =
        [
            new("sejjil-2-tabriz-moscow", "sejjil-2", "tabriz", "moscow", TrajectoryShape.MinimumEnergy),
            new("sejjil-3-semnan-moscow", "sejjil-3", "semnan", "moscow", TrajectoryShape.MinimumEnergy),
        ];
        AnalysisContext context = TestData.Context(Catalog);
        var engagements = context.SeeAndEngage(turkey, context.Fly(atMoscow));
        foreach (ThreatEngagement e in engagements)
        {
            BatteryEngagement ideal = InterceptSolver.Solve("kurecik-gbi", Catalog.Interceptor("gbi-2-stage-postol"), Site("kurecik"),
                TestData.Reach.For(Catalog.Interceptor("gbi-2-stage-postol"), Site("kurecik")), e.Threat.Track, 0, turkey.Doctrine);
            var fc = e.Sensors.Batteries[0].FireControlS;
            ValidationLog.Measured($"{e.Threat.Threat.Id}: {e.ShotsPossible} shots, first intercept {e.Batteries[0].First?.InterceptS}; fire control {fc}; ideal sensors: {ideal.Shots.Count} shots, first {ideal.First?.InterceptS}");
        }

        Assert.True(engagements[1].ShotsPossible > 0, "sejjil-3-semnan-moscow: no shot");
    }

    private static Architecture TurkeySite(string gbi)
    {
        Architecture third = Arch("third-site-2007");
        return third with
        {
            Id = $"gbi-in-turkey-{gbi}",
            Name = $"Wilkening's alternative: {gbi} at Kürecik",
            Batteries = [new Battery("kurecik-gbi", "kurecik", gbi, 10, "nato")],
            Sensors = [.. third.Sensors.Where(x => x.Id != "brdy-emr")],
        };
    }
}
