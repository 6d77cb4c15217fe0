using Bulwark.Analysis;
using Bulwark.Earth;
using Bulwark.Sensing;
using CsCheck;
using static Bulwark.Tests.Sensing.SensingFixtures;

namespace Bulwark.Tests.Sensing;

/// <summary>
/// Properties of <see cref="Timelines"/> that follow from its definitions (SensorTimeline's documentation; DESIGN §7
/// <c>see</c>), for random radars against random synthetic tracks and against flown catalog threats. These are exact
/// orderings of sample times, so every comparison is exact (no tolerance): a timeline's times are the track's own sample
/// times, and formation times are compared with sums of those and the spec's seconds, as the code computes them.
/// </summary>
public class TimelineProperties
{
    private const double ReferenceRcsM2 = 0.01;

    /// <summary>
    /// A synthetic threat: a great-circle ground track of random length from a random launch point, altitude a parabola
    /// in time (0 at launch and impact, the apogee half way), sampled at a random step; random burnout and signature.
    /// </summary>
    private static readonly Gen<ThreatTrack> SyntheticTracks = Gen.Select(
        Gen.Double[-60, 60], Gen.Double[-180, 180], Gen.Double[0, 2 * Math.PI], Gen.Double[200e3, 4000e3],
        Gen.Double[200, 1500], Gen.Double[50e3, 1300e3], Gen.Double[1, 5], Gen.Double[0.05, 0.4],
        Gen.Double[0.1, 20], Gen.Double[0.001, 1], Gen.Double[-100, 100],
        (lat, lon, az, rangeM, flightS, apogeeM, stepS, burnoutFraction, boosterRcs, rvRcs, launchS) =>
        {
            double lat0 = lat * DegToRad, lon0 = lon * DegToRad;
            var points = new List<TrackPoint>();
            for (double t = 0; t <= flightS; t += stepS)
            {
                double s = t / flightS;
                double h = apogeeM * 4 * s * (1 - s);
                Geodetic g = Geodesic.Direct(Ellipsoid.Wgs84, lat0, lon0, az, rangeM * s) with { HeightM = h };
                points.Add(new TrackPoint(launchS + t, Ellipsoid.Wgs84.ToEcef(g), h));
            }

            return new ThreatTrack("synthetic", points, launchS, launchS + burnoutFraction * flightS, new ThreatSignature(boosterRcs, rvRcs));
        });

    /// <summary>A random radar spec: sector or full circle, range against 0.01 m², elevation limits, formation times.</summary>
    private static readonly Gen<RadarSpec> Specs = Gen.Select(
        Gen.Double[5, 180], Gen.Double[100e3, 6000e3], Gen.Double[0, 5], Gen.Double[30, 90],
        Gen.Double[0, 60], Gen.Double[0, 120], Gen.Bool, Gen.Bool,
        (halfDeg, rangeM, minEl, maxEl, firm, fc, earlyWarningOnly, full) => new RadarSpec(
            "random", "random radar", "X", rangeM, ReferenceRcsM2, null, full ? Math.PI : halfDeg * DegToRad,
            minEl * DegToRad, maxEl * DegToRad, firm, earlyWarningOnly ? null : fc));

    /// <summary>A random radar near a track: sited up to 2,000 km from a random point of it, random height, boresight and refraction.</summary>
    private static Gen<DeployedRadar> RadarsNear(ThreatTrack track) => Gen.Select(
        Specs, Gen.Int[0, track.Points.Count - 1], Gen.Double[0, 2 * Math.PI], Gen.Double[0, 2000e3], Gen.Double[0, 3000],
        Gen.Double[0, 360], Gen.Bool,
        (spec, i, az, distanceM, heightM, boresightDeg, geometric) =>
        {
            Geodetic under = Ellipsoid.Wgs84.ToGeodetic(track.Points[i].EcefM);
            Geodetic site = Geodesic.Direct(Ellipsoid.Wgs84, under.LatitudeRad, under.LongitudeRad, az, distanceM) with { HeightM = heightM };
            return new DeployedRadar("random", spec, site, boresightDeg * DegToRad, geometric ? 1 : RadarHorizon.StandardRefraction);
        });

    private static readonly Gen<(ThreatTrack Track, DeployedRadar Radar)> SyntheticCases =
        SyntheticTracks.SelectMany(track => RadarsNear(track).Select(radar => (track, radar)));

    /// <summary>The nine flown catalog threats (iran-to-europe and Topol-M Kozelsk → Washington), flown once per run.</summary>
    private static readonly Lazy<IReadOnlyList<ThreatTrack>> FlownTracks = new(() =>
        [.. IranToEurope.Value.Select(f => f.Track), TopolMKozelskWashington.Value.Track]);

    private static Gen<(ThreatTrack Track, DeployedRadar Radar)> FlownCases() =>
        Gen.Int[0, FlownTracks.Value.Count - 1].SelectMany(i => RadarsNear(FlownTracks.Value[i]).Select(radar => (FlownTracks.Value[i], radar)));

    private static string Describe(ThreatTrack track, DeployedRadar radar, SensorTimeline t) => FormattableString.Invariant(
        $"track {track.Id} ({track.Points.Count} points, burnout {track.BurnoutTimeS:0.#} s); radar at {radar.Site.LatitudeDeg:0.###}, {radar.Site.LongitudeDeg:0.###}, {radar.Site.HeightM:0} m, boresight {radar.BoresightAzimuthRad / DegToRad:0.#}°, ±{radar.Spec.AzimuthHalfWidthRad / DegToRad:0.#}°, {radar.Spec.DetectionRangeM / 1000:0} km, firm {radar.Spec.FirmTrackS:0.#} s, fc {radar.Spec.FireControlS} s: {t}");

    /// <summary>The orderings every radar timeline must satisfy.</summary>
    private static void AssertOrdered(ThreatTrack track, DeployedRadar radar, SensorTimeline t)
    {
        string what = Describe(track, radar, t);

        // Nothing is detected before it is visible.
        if (t.FirstDetectS is { } detect)
        {
            Assert.True(t.FirstVisibleS is { } visible && visible <= detect, what);
        }

        // A firm track never precedes detection and comes at least firm_track_s after it.
        if (t.FirmTrackS is { } firm)
        {
            Assert.True(t.FirstDetectS is { } d && firm >= d + radar.Spec.FirmTrackS, what);
        }

        // Fire control: only from a fire-control radar; never before the firm track; at least fire_control_s after detection.
        Assert.Equal(radar.Spec.FireControlS is not null, t.FireControlCapable);
        if (t.FireControlS is { } fc)
        {
            Assert.True(radar.Spec.FireControlS is { } need && t.FirmTrackS is { } f && fc >= f && t.FirstDetectS is { } d && fc >= d + need, what);
        }

        // The last track time exists exactly when a firm track does, and is no earlier.
        Assert.Equal(t.FirmTrackS is null, t.LastTrackS is null);
        if (t.LastTrackS is { } last)
        {
            Assert.True(last >= t.FirmTrackS!.Value, what);
        }

        // Every time is a sample time of the track.
        foreach (double? x in new[] { t.FirstVisibleS, t.FirstDetectS, t.FirmTrackS, t.FireControlS, t.LastTrackS })
        {
            Assert.True(x is null || track.Points.Any(p => p.TimeS == x), what);
        }
    }

    /// <summary>Later or never: a is no earlier than b, where null means never.</summary>
    private static bool NoEarlier(double? a, double? b) => a is null || (b is not null && a >= b);

    [Fact]
    public void RadarTimelinesAreOrderedOnSyntheticTracks()
    {
        int detected = 0, fireControl = 0;
        SyntheticCases.Sample(c =>
        {
            SensorTimeline t = Timelines.Radar(c.Radar, c.Track);
            AssertOrdered(c.Track, c.Radar, t);
            if (t.FirstDetectS is not null)
            {
                Interlocked.Increment(ref detected);
            }

            if (t.FireControlS is not null)
            {
                Interlocked.Increment(ref fireControl);
            }
        }, iter: 400);

        // Not vacuous: a fair share of the random cases detect and reach fire control.
        TestContext.Current.TestOutputHelper?.WriteLine($"{detected} of 400 detected, {fireControl} reached fire control");
        Assert.True(detected >= 40 && fireControl >= 10, $"{detected} of 400 detected, {fireControl} reached fire control");
    }

    [Fact]
    public void RadarTimelinesAreOrderedOnFlownThreats()
    {
        int detected = 0;
        FlownCases().Sample(c =>
        {
            SensorTimeline t = Timelines.Radar(c.Radar, c.Track);
            AssertOrdered(c.Track, c.Radar, t);
            if (t.FirstDetectS is not null)
            {
                Interlocked.Increment(ref detected);
            }
        }, iter: 150);
        TestContext.Current.TestOutputHelper?.WriteLine($"{detected} of 150 detected");
        Assert.True(detected >= 15, $"{detected} of 150 detected");
    }

    [Fact]
    public void ASmallerCrossSectionNeverGivesAnEarlierDetectionOrTrack()
    {
        // Shrinking both the booster and the re-entry vehicle RCS shrinks the detection range at every instant, so the
        // detected samples form a subset: first detection, firm track and fire control can only come later or never.
        Gen.Select(SyntheticCases, Gen.Double[0.001, 1], Gen.Double[0.001, 1]).Sample((c, fBooster, fRv) =>
        {
            ThreatSignature big = c.Track.Signature;
            ThreatTrack smaller = c.Track with { Signature = new ThreatSignature(big.BoosterRcsM2 * fBooster, big.ReentryVehicleRcsM2 * fRv) };
            SensorTimeline a = Timelines.Radar(c.Radar, c.Track), b = Timelines.Radar(c.Radar, smaller);
            string what = $"{Describe(c.Track, c.Radar, a)} vs smaller RCS ×{fBooster:0.###}/×{fRv:0.###}: {b}";
            Assert.Equal(a.FirstVisibleS, b.FirstVisibleS);
            Assert.True(NoEarlier(b.FirstDetectS, a.FirstDetectS), what);
            Assert.True(NoEarlier(b.FirmTrackS, a.FirmTrackS), what);
            Assert.True(NoEarlier(b.FireControlS, a.FireControlS), what);
        }, iter: 300);
    }

    [Fact]
    public void ALongerDetectionRangeNeverGivesALaterDetectionOrTrack()
    {
        // The converse for range: a radar identical but for a longer range detects a superset of samples.
        Gen.Select(SyntheticCases, Gen.Double[1, 5]).Sample((c, factor) =>
        {
            DeployedRadar r = c.Radar;
            var longer = new DeployedRadar(r.Id, r.Spec with { DetectionRangeM = r.Spec.DetectionRangeM * factor }, r.Site, r.BoresightAzimuthRad, r.RefractionK);
            SensorTimeline a = Timelines.Radar(r, c.Track), b = Timelines.Radar(longer, c.Track);
            string what = $"{Describe(c.Track, r, a)} vs range ×{factor:0.###}: {b}";
            Assert.Equal(a.FirstVisibleS, b.FirstVisibleS);
            Assert.True(NoEarlier(a.FirstDetectS, b.FirstDetectS), what);
            Assert.True(NoEarlier(a.FirmTrackS, b.FirmTrackS), what);
            Assert.True(NoEarlier(a.FireControlS, b.FireControlS), what);
        }, iter: 300);
    }

    /// <summary>The space-IR oracle: the first sample while boosting (launch ≤ t ≤ burnout) at or above the plume altitude.</summary>
    private static double? FirstPlumeSighting(ThreatTrack track, double minAltitudeM) =>
        track.Points.Where(p => p.TimeS >= track.LaunchTimeS && p.TimeS <= track.BurnoutTimeS && p.HeightM >= minAltitudeM)
            .Select(p => (double?)p.TimeS).FirstOrDefault();

    private static void AssertSpaceInfrared(ThreatTrack track, SpaceInfraredSpec spec)
    {
        SensorTimeline t = Timelines.SpaceInfrared("ir", spec, track);
        string what = FormattableString.Invariant($"{track.Id}: plume ≥ {spec.MinPlumeAltitudeM:0} m, latency {spec.LatencyS:0.#} s, burnout {track.BurnoutTimeS:0.#} s: {t}");
        double? sighting = FirstPlumeSighting(track, spec.MinPlumeAltitudeM);
        Assert.Equal(sighting, t.FirstVisibleS);
        Assert.Equal(sighting + spec.LatencyS, t.FirstDetectS);
        if (t.FirstDetectS is { } d)
        {
            Assert.True(d <= track.BurnoutTimeS + spec.LatencyS, what);
            Assert.True(t.LastTrackS is { } last && last >= d && last <= track.BurnoutTimeS + spec.LatencyS, what);
        }

        // A cue only: no firm or fire-control track.
        Assert.Null(t.FirmTrackS);
        Assert.Null(t.FireControlS);
        Assert.False(t.FireControlCapable);
    }

    [Fact]
    public void SpaceInfraredDetectsTheFirstPlumeAboveItsAltitudeAfterItsLatency()
    {
        Gen.Select(SyntheticTracks, Gen.Double[0, 300e3], Gen.Double[0, 120]).Sample((track, altitudeM, latencyS) =>
            AssertSpaceInfrared(track, new SpaceInfraredSpec("ir", "random IR", altitudeM, latencyS)), iter: 300);
    }

    [Fact]
    public void TheCatalogSbirsCuesEveryFlownThreatDuringBoost()
    {
        // Every flown catalog threat climbs past 10 km while boosting, so SBIRS (10 km, 30 s; catalog notional) reports it
        // by burnout + 30 s.
        SpaceInfraredSpec sbirs = SpaceIr("sbirs");
        foreach (ThreatTrack track in FlownTracks.Value)
        {
            AssertSpaceInfrared(track, sbirs);
            Assert.NotNull(Timelines.SpaceInfrared("sbirs", sbirs, track).FirstDetectS);
        }
    }
}
