using Bulwark.Earth;
using Bulwark.Sensing;
using static Bulwark.Tests.Sensing.SensingFixtures;

namespace Bulwark.Tests.Sensing;

/// <summary>
/// <see cref="Coverage.Ring"/> against the closed forms it should trace: at each azimuth the ring lies at the nearer of
/// the horizon distance (REFERENCES.md §2.3's formula, <see cref="RadarHorizon.HorizonDistanceM"/>) and the ground distance
/// at which the slant range reaches the detection range (law of cosines on a sphere of R = 6,371 km). Tolerance 2%: the
/// closed forms are spherical while the ring is traced on WGS-84 (the local radius of curvature differs from the mean
/// radius by up to about 0.5%), and the ring's bisection stops at 1 km.
/// </summary>
public class CoverageTests
{
    /// <summary>Ground distance (m, on the sphere) at which a target at <paramref name="altitudeM"/> is <paramref name="slantM"/> from a radar at <paramref name="radarM"/>.</summary>
    private static double GroundDistanceAtSlantM(double slantM, double radarM, double altitudeM)
    {
        double r1 = RadarHorizon.MeanEarthRadiusM + radarM, r2 = RadarHorizon.MeanEarthRadiusM + altitudeM;
        double cos = (r1 * r1 + r2 * r2 - slantM * slantM) / (2 * r1 * r2);
        return RadarHorizon.MeanEarthRadiusM * Math.Acos(Math.Clamp(cos, -1, 1));
    }

    private static (double HorizonM, double RangeLimitM) Limits(DeployedRadar radar, double altitudeM) => (
        RadarHorizon.HorizonDistanceM(radar.Site.HeightM, altitudeM, radar.RefractionK),
        GroundDistanceAtSlantM(radar.DetectionRangeM(radar.Spec.ReferenceRcsM2), radar.Site.HeightM, altitudeM));

    private static GeodesicLine FromSite(DeployedRadar radar, (double LonDeg, double LatDeg) p) =>
        Geodesic.Inverse(Ellipsoid.Wgs84, radar.Site.LatitudeRad, radar.Site.LongitudeRad, p.LatDeg * DegToRad, p.LonDeg * DegToRad);

    /// <summary>
    /// Full-circle radars at 100 km altitude: the Deveselu SPY-1 is range-limited (600 km slant ≈ 590 km on the ground,
    /// inside its 1,297 km horizon); the Fylingdales UEWR (250 m, 4,500 km) is horizon-limited (1,362 km at k = 4/3,
    /// 1,178 km at k = 1), and so is the same radar type at sea level at Thule (1,297 km).
    /// </summary>
    /// <remarks>
    /// The Fylingdales cases fail at 60a150f (ring at 1,295 / 1,120 km): the same cause as
    /// DeployedRadarTests.KurecikSeesOverSemnanNoLowerThanV5, a radar above sea level not looking below level.
    /// </remarks>
    [Theory]
    [InlineData("an-spy-1", "deveselu", 4.0 / 3.0, "range")]
    [InlineData("uewr-fylingdales", "fylingdales", 4.0 / 3.0, "horizon")]
    [InlineData("uewr-fylingdales", "fylingdales", 1.0, "horizon")]
    [InlineData("uewr-fylingdales", "thule", 4.0 / 3.0, "horizon")]
    public void AFullCircleRingAt100KmLiesAtTheHorizonOrRangeLimit(string sensorId, string placeId, double k, string limitedBy)
    {
        DeployedRadar radar = Deploy(sensorId, placeId, k: k);
        Assert.True(radar.FullCircle);
        var (horizon, rangeLimit) = Limits(radar, 100_000);
        double expected = Math.Min(horizon, rangeLimit);
        Assert.Equal(limitedBy, horizon < rangeLimit ? "horizon" : "range");

        var ring = Coverage.Ring(radar, 100_000);
        Assert.Equal(361, ring.Count);  // 360 one-degree steps, closed
        Assert.Equal(ring[0], ring[^1]);
        foreach (var p in ring)
        {
            double d = FromSite(radar, p).DistanceM;
            Assert.True(Math.Abs(d - expected) <= 0.02 * expected,
                $"{sensorId} at {placeId}, k = {k:0.###}: ring point {p} at {d / 1000:0.0} km, expected {expected / 1000:0.0} km (horizon {horizon / 1000:0.0}, range limit {rangeLimit / 1000:0.0})");
        }
    }

    /// <summary>
    /// Sector radars: the TPY-2 at Kürecik pointed at 98.6° (±60°) at 300 km altitude (range-limited: 1,500 km slant inside
    /// a 2,413 km horizon) and the Daryal at Gabala (162° ±55°) at 1,000 km (horizon-limited: 3,934 km inside 6,000 km).
    /// </summary>
    /// <remarks>
    /// The TPY-2 case fails at 60a150f: both edge points (38.6° and 158.6°) collapse to the site. Ring evaluates the edge
    /// azimuths exactly on the sector boundary, where InSector's |remainder(az − boresight)| ≤ half-width is decided by
    /// rounding (in the ring's azimuth arithmetic and in LookAngles), so the first probe 1 m out is "not detected" and the
    /// point is placed at the site. Daryal's edges happen to round inside.
    /// </remarks>
    [Theory]
    [InlineData("an-tpy-2", "kurecik", 98.6, 300_000.0)]
    [InlineData("daryal-gabala", "gabala", null, 1_000_000.0)]
    public void ASectorRingStartsAtTheSiteAndSpansBoresightPlusMinusHalfWidth(string sensorId, string placeId, double? boresightDeg, double altitudeM)
    {
        DeployedRadar radar = Deploy(sensorId, placeId, boresightDeg);
        Assert.False(radar.FullCircle);
        var ring = Coverage.Ring(radar, altitudeM);
        var site = (radar.Site.LongitudeDeg, radar.Site.LatitudeDeg);
        Assert.Equal(site, ring[0]);
        Assert.Equal(site, ring[^1]);

        double boresight = radar.BoresightAzimuthRad / DegToRad, half = radar.Spec.AzimuthHalfWidthRad / DegToRad;
        var (horizon, rangeLimit) = Limits(radar, altitudeM);
        double expected = Math.Min(horizon, rangeLimit);
        var arc = ring.Skip(1).SkipLast(1).ToList();
        Assert.Equal((int)Math.Ceiling(2 * half) + 1, arc.Count);  // one-degree steps, both edges included
        double previous = double.NegativeInfinity;
        var off = new List<string>();
        for (int i = 0; i < arc.Count; i++)
        {
            GeodesicLine line = FromSite(radar, arc[i]);
            double offset = Math.IEEERemainder(line.InitialAzimuthRad / DegToRad - boresight, 360);
            string what = $"point {i} of {arc.Count} {arc[i]}: azimuth {boresight + offset:0.0000}°, {line.DistanceM / 1000:0.0} km";

            // Azimuths from boresight − half-width to boresight + half-width, in order (1e-6°: geodesic round trip).
            Assert.True(Math.Abs(offset) <= half + 1e-6 && offset > previous, what);
            previous = offset;
            if (Math.Abs(line.DistanceM - expected) > 0.02 * expected)
            {
                off.Add(what);
            }
        }

        Assert.True(off.Count == 0, $"{sensorId} at {placeId}, {altitudeM / 1000} km: expected every point at {expected / 1000:0.0} km (horizon {horizon / 1000:0.0}, range limit {rangeLimit / 1000:0.0}); off: {string.Join("; ", off)}");

        Assert.Equal(-half, Math.IEEERemainder(FromSite(radar, arc[0]).InitialAzimuthRad / DegToRad - boresight, 360), 1e-6);
        Assert.Equal(half, Math.IEEERemainder(FromSite(radar, arc[^1]).InitialAzimuthRad / DegToRad - boresight, 360), 1e-6);
    }
}
