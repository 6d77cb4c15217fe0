using Bulwark.Catalog;
using Bulwark.Earth;
using Bulwark.Numerics;
using Bulwark.Sensing;
using static Bulwark.Tests.Sensing.SensingFixtures;
using Bulwark.Tests.Validation;
using Bulwark.Geography;
using CsCheck;

namespace Bulwark.Tests.Sensing;

/// <summary>
/// Sensor geometry of the catalog's radars at the catalog's places against REFERENCES.md V5 [DER]: bearings ±0.2° and
/// first visible altitudes ±2 km (V5's tolerances). V5 was computed on a sphere of R = 6,371 km; the code works on
/// WGS-84, which moves bearings by hundredths of a degree and these altitudes by well under a kilometre.
/// </summary>
public class DeployedRadarTests
{
    private static double AzimuthDeg(DeployedRadar radar, string placeId) =>
        Normalize360(radar.LookAngles(Ellipsoid.Wgs84.ToEcef(Place(placeId).Position)).AzimuthRad / DegToRad);

    [Theory]
    [InlineData("semnan", 137.5)]
    [InlineData("kozelsk", 333.0)]
    [InlineData("tatishchevo", 352.6)]
    [ValidationCase(ValidationArea.Geodesy, "Bearings from Gabala to Semnan, Kozelsk and Tatishchevo",
        Source = "REFERENCES.md V5 (bearings printed to 0.1°)",
        Tolerance = "±0.2°, both the radar's look azimuth and the geodesic azimuth",
        Why = "V5 prints one decimal and its site coordinates are rounded to about 0.01°")]
    public void BearingsFromGabalaMatchV5(string placeId, double expectedDeg)
    {
        // Both the radar's look azimuth (line of sight in the site's east-north-up axes) and the geodesic's initial
        // azimuth: for a point on the ground they agree to well under 0.01° (normal section vs geodesic).
        DeployedRadar gabala = Deploy("daryal-gabala", "gabala");
        double look = AzimuthDeg(gabala, placeId);
        double geodesic = Bearing("gabala", placeId).AzimuthDeg;
        ValidationLog.Measured(FormattableString.Invariant($"Gabala → {placeId}: look {look:0.000}°, geodesic {geodesic:0.000}° (V5 {expectedDeg}°)"));
        Assert.True(Math.Abs(look - expectedDeg) <= 0.2, $"Gabala → {placeId}: look azimuth {look:0.000}°, V5 {expectedDeg}°");
        Assert.True(Math.Abs(geodesic - expectedDeg) <= 0.2, $"Gabala → {placeId}: geodesic azimuth {geodesic:0.000}°, V5 {expectedDeg}°");
    }

    [Fact]
    public void BearingFromKurecikToSemnanIsTheTpy2Boresight()
    {
        // V5: Kürecik → Semnan 1,475 km on bearing 98.6° (the architectures point the TPY-2 there). Bearing ±0.2°;
        // distance ±1% (V5's distance is on the sphere, this one on WGS-84).
        var (az, km) = Bearing("kurecik", "semnan");
        TestContext.Current.TestOutputHelper?.WriteLine(FormattableString.Invariant($"Kürecik → Semnan: {az:0.000}°, {km:0.0} km"));
        Assert.True(Math.Abs(az - 98.6) <= 0.2, $"bearing {az:0.000}°");
        Assert.True(Math.Abs(km - 1475) <= 0.01 * 1475, $"distance {km:0.0} km");
    }

    [Fact]
    public void DaryalSectorContainsSemnanButNotTheRussianIcbmBases()
    {
        // Catalog daryal-gabala: boresight 162°, ±55° (107°–217°). V5: Semnan (137.5°) inside; Kozelsk (333.0°) and
        // Tatishchevo (352.6°) outside, so Gabala cannot see Russian ICBMs flying north.
        DeployedRadar gabala = Deploy("daryal-gabala", "gabala");
        Assert.Equal(162, gabala.BoresightAzimuthRad / DegToRad, 1e-9);
        Assert.Equal(55, gabala.Spec.AzimuthHalfWidthRad / DegToRad, 1e-9);
        Assert.False(gabala.FullCircle);
        Assert.True(gabala.InSector(AzimuthDeg(gabala, "semnan") * DegToRad));
        Assert.False(gabala.InSector(AzimuthDeg(gabala, "kozelsk") * DegToRad));
        Assert.False(gabala.InSector(AzimuthDeg(gabala, "tatishchevo") * DegToRad));

        // The sector's edges, either way round the circle.
        Assert.True(gabala.InSector(107.01 * DegToRad) && gabala.InSector(216.99 * DegToRad) && gabala.InSector((216.99 - 360) * DegToRad));
        Assert.False(gabala.InSector(106.99 * DegToRad) || gabala.InSector(217.01 * DegToRad) || gabala.InSector(342 * DegToRad));
    }

    /// <summary>
    /// The lowest altitude above a catalog place that <see cref="DeployedRadar.Look"/> puts in line of sight, by bisection
    /// on altitude (to 1 m) over the full 3-D geometry: WGS-84 site and target positions, the central angle between them,
    /// the site height from the catalog place's alt_m.
    /// </summary>
    private static double FirstVisibleAltitudeKm(DeployedRadar radar, string targetPlaceId)
    {
        Geodetic target = Place(targetPlaceId).Position;
        double rcs = radar.Spec.ReferenceRcsM2;
        bool Seen(double h) => radar.Look(Ellipsoid.Wgs84.ToEcef(target with { HeightM = h }), h, rcs).InLineOfSight;

        double lo = 0, hi = 2_000_000;
        Assert.False(Seen(lo));
        Assert.True(Seen(hi));
        while (hi - lo > 1)
        {
            double mid = 0.5 * (lo + hi);
            if (Seen(mid))
            {
                hi = mid;
            }
            else
            {
                lo = mid;
            }
        }

        return hi / 1000;
    }

    /// <remarks>
    /// Fails at 60a150f: Look first sees over Semnan at 132.4 km (k = 4/3) and 177.6 km (k = 1). Look compares the
    /// target's elevation at the radar with min_elev_deg (0°), i.e. a ray leaving the radar level, while V5 and
    /// RadarHorizon.HorizonDistanceM/MinimumVisibleHeightM use the ray that grazes the Earth, which leaves a radar at
    /// height h_r at the horizon dip acos(kR/(kR + h_r)) below level (1.27° for Kürecik at k = 4/3). The catalog sets
    /// min_elev_deg to 0° precisely "so that detection matches the radar-horizon figures of REFERENCES.md §2.3 and V5", so
    /// the expectation stands. Sea-level radars are unaffected (<see cref="SeaLevelRadarsFirstSeeAtTheTableAltitudes"/>).
    /// </remarks>
    [Theory]
    [InlineData(4.0 / 3.0, 98)]
    [InlineData(1.0, 138)]
    [ValidationCase(ValidationArea.Sensing, "Kürecik's TPY-2 first sees over Semnan at V5's altitude (full 3-D look)",
        Source = "REFERENCES.md V5: 98 km (k = 4/3) and 138 km (k = 1) from Kürecik at 2,085 m",
        Tolerance = "±2 km",
        Why = "V5's altitude tolerance; the table rounds to the km")]
    public void KurecikSeesOverSemnanNoLowerThanV5(double k, double expectedKm)
    {
        // V5: Kürecik (2,085 m) → Semnan, first visible altitude 98 km (k = 4/3) or 138 km (k = 1), ±2 km.
        DeployedRadar kurecik = Deploy("an-tpy-2", "kurecik", boresightDeg: 98.6, k: k);
        Assert.Equal(2085, kurecik.Site.HeightM);
        double km = FirstVisibleAltitudeKm(kurecik, "semnan");
        ValidationLog.Measured(FormattableString.Invariant($"k = {k:0.###}: first visible at {km:0.0} km (V5 {expectedKm} km)"));

        // For the failure message: the closed form over the same central angle (REFERENCES §2.3, the ray grazing the
        // Earth, which leaves the radar at the horizon dip below its horizontal), and what a ray leaving the radar level
        // (0° at the radar) reaches.
        Vec3 site = Ellipsoid.Wgs84.ToEcef(Place("kurecik").Position), target = Ellipsoid.Wgs84.ToEcef(Place("semnan").Position);
        double central = Math.Acos(site.Normalized().Dot(target.Normalized()));
        double closed = RadarHorizon.MinimumVisibleHeightM(2085, central * RadarHorizon.MeanEarthRadiusM, k) / 1000;
        double kr = k * RadarHorizon.MeanEarthRadiusM;
        double levelRay = ((kr + 2085) / Math.Cos(central / k) - kr) / 1000;
        Assert.True(Math.Abs(km - expectedKm) <= 2, FormattableString.Invariant(
            $"k = {k:0.###}: DeployedRadar.Look first sees over Semnan at {km:0.000} km; V5 {expectedKm} km; the closed form MinimumVisibleHeightM over the same central angle ({central * RadarHorizon.MeanEarthRadiusM / 1000:0.0} km) gives {closed:0.000} km, a level (0° at the radar) ray {levelRay:0.000} km"));

        // And Semnan is inside the TPY-2's ±60° face pointed at 98.6°: visible means in field of regard too.
        DeployedRadar radar = Deploy("an-tpy-2", "kurecik", boresightDeg: 98.6, k: k);
        double h = (km + 1) * 1000;
        Assert.True(radar.Look(Ellipsoid.Wgs84.ToEcef(Place("semnan").Position with { HeightM = h }), h, 1).Visible);
    }

    /// <summary>
    /// The sea-level rows of REFERENCES.md §2.3's second table through the same 3-D path (radar heights 0, as the table
    /// assumed and as the catalog places are). Tolerance ±2 km or 1%, whichever is larger: the table's distances are
    /// spherical and these are WGS-84 central angles, up to about 0.3% apart, which moves the 445–1,129 km altitudes by
    /// up to a few km.
    /// </summary>
    [Theory]
    [InlineData("daryal-gabala", "gabala", "semnan", 54, 40)]
    [InlineData("an-spy-1", "deveselu", "semnan", 615, 445)]
    [InlineData("an-spy-1", "redzikowo", "semnan", 1129, 795)]
    [InlineData("an-spy-1", "redzikowo", "kozelsk", 120, 89)]
    public void SeaLevelRadarsFirstSeeAtTheTableAltitudes(string sensorId, string placeId, string targetId, double expectedK1Km, double expectedK43Km)
    {
        foreach (var (k, expected) in new[] { (1.0, expectedK1Km), (4.0 / 3.0, expectedK43Km) })
        {
            DeployedRadar radar = Deploy(sensorId, placeId, k: k);
            Assert.Equal(0, radar.Site.HeightM);
            double km = FirstVisibleAltitudeKm(radar, targetId);
            TestContext.Current.TestOutputHelper?.WriteLine(FormattableString.Invariant($"{placeId} → {targetId}, k = {k:0.###}: first visible {km:0.000} km (table {expected} km)"));
            Assert.True(Math.Abs(km - expected) <= Math.Max(2, 0.01 * expected),
                $"{placeId} → {targetId}, k = {k:0.###}: first visible altitude {km:0.000} km, REFERENCES §2.3 {expected} km");
        }
    }

    [Theory]
    [InlineData("daryal-gabala", "gabala")]
    [InlineData("an-spy-1", "deveselu")]
    [InlineData("uewr-fylingdales", "fylingdales")]
    public void ATargetStraightOverheadIsInLineOfSight(string sensorId, string placeId)
    {
        // Elevation 90° (to 1e-6 rad: the ENU conversion's rounding), central angle 0: above every horizon.
        DeployedRadar radar = Deploy(sensorId, placeId);
        foreach (double h in new[] { 1_000.0, 100_000, 1_000_000 })
        {
            Vec3 overhead = Ellipsoid.Wgs84.ToEcef(radar.Site with { HeightM = radar.Site.HeightM + h });
            RadarLook look = radar.Look(overhead, radar.Site.HeightM + h, radar.Spec.ReferenceRcsM2);
            Assert.True(look.InLineOfSight, $"{sensorId} at {placeId}, {h} m overhead");
            Assert.Equal(Math.PI / 2, radar.LookAngles(overhead).ElevationRad, 1e-6);
            Assert.Equal(h, look.SlantRangeM, 1e-6);
        }
    }

    [Fact]
    public void ATargetBehindASectorRadarIsNotInItsFieldOfRegard()
    {
        // Daryal at Gabala faces 162°; a target 500 km away at 100 km altitude on the back bearing 342° is in line of
        // sight and in range (6,000 km) but outside the sector, so neither visible nor detected. The same target in front
        // (162°) is all three.
        DeployedRadar radar = Deploy("daryal-gabala", "gabala");
        RadarLook At(double azDeg)
        {
            Geodetic g = Geodesic.Direct(Ellipsoid.Wgs84, radar.Site.LatitudeRad, radar.Site.LongitudeRad, azDeg * DegToRad, 500_000) with { HeightM = 100_000 };
            return radar.Look(Ellipsoid.Wgs84.ToEcef(g), g.HeightM, radar.Spec.ReferenceRcsM2);
        }

        RadarLook behind = At(342);
        Assert.False(behind.InFieldOfRegard);
        Assert.True(behind.InLineOfSight && behind.InRange);
        Assert.False(behind.Visible || behind.Detected);
        RadarLook front = At(162);
        Assert.True(front.InFieldOfRegard && front.InLineOfSight && front.InRange && front.Detected);
    }

    [Fact]
    public void TheLookAzimuthStaysWithinAQuarterOfTheMarginOfTheGeodesicBearing()
    {
        // DeployedRadar.Look decides the sector from the look azimuth wherever it is farther than BearingMarginRad from an
        // edge; that is the geodesic bearing's answer only if the two never differ by the margin. Random targets up to
        // 9,000 km away and 2,000 km up, from radars at 0-75° latitude: measured at most 1.3e-3 rad.
        var spec = (RadarSpec)BulwarkCatalog.BuiltIn.Sensor("an-tpy-2");
        var random = new Random(1);
        double worst = 0;
        foreach (double lat in new[] { 0.0, 38.3, 60.0, 75.0 })
        {
            var radar = new DeployedRadar("r", spec, Geodetic.FromDegrees(lat, 37.9, 1500), 1.5);
            for (int i = 0; i < 20_000; i++)
            {
                double az = random.NextDouble() * 2 * Math.PI, distance = 10_000 + random.NextDouble() * 8_990_000, height = random.NextDouble() * 2_000_000;
                Geodetic under = Geodesic.Direct(Ellipsoid.Wgs84, radar.Site.LatitudeRad, radar.Site.LongitudeRad, az, distance);
                Vec3 target = Ellipsoid.Wgs84.ToEcef(under with { HeightM = height });
                worst = Math.Max(worst, Math.Abs(Angle.WrapPi(radar.LookAngles(target).AzimuthRad - radar.BearingRad(target))));
            }
        }

        Assert.True(worst < DeployedRadar.BearingMarginRad / 4, $"look azimuth and bearing differ by up to {worst:E2} rad");
    }

    [Fact]
    public void TheSectorTestFromTheLookAzimuthAgreesWithTheBearingsEverywhere()
    {
        // A 120°-wide sector: targets on a ring of bearings around both edges (within 0.05 rad of them, where the shortcut
        // hands over to the bearing, and beyond) are in the field of regard exactly when their bearing is in the sector.
        var spec = (RadarSpec)BulwarkCatalog.BuiltIn.Sensor("an-tpy-2");
        var radar = new DeployedRadar("r", spec with { MaxElevationRad = Math.PI / 2 }, Geodetic.FromDegrees(38.3, 37.9, 1500), 1.5);
        int checkedPoints = 0;
        for (double az = 0; az < 2 * Math.PI; az += 0.0005)
        {
            Geodetic under = Geodesic.Direct(Ellipsoid.Wgs84, radar.Site.LatitudeRad, radar.Site.LongitudeRad, az, 900_000);
            Vec3 target = Ellipsoid.Wgs84.ToEcef(under with { HeightM = 300_000 });
            bool expected = radar.InSector(radar.BearingRad(target));
            Assert.Equal(expected, radar.Look(target, 300_000, 1).InFieldOfRegard);
            checkedPoints++;
        }

        Assert.True(checkedPoints > 12_000);
    }

    [Theory]
    [InlineData("an-tpy-2", "kurecik", 98.6)]
    [InlineData("daryal-gabala", "gabala", null)]
    public void SeeAnswersAsLookDoes(string sensorId, string placeId, double? boresightDeg)
    {
        // See tests the range first and the look angles, sector and horizon only where the range leaves them to decide
        // (a timeline asks it at every sample): the same answers as Look, wherever the target is.
        DeployedRadar radar = Deploy(sensorId, placeId, boresightDeg);
        Geodetic site = radar.Site;
        int detected = 0, visibleOutOfRange = 0;
        Gen.Select(Gen.Double[0, 2 * Math.PI], Gen.Double[0, 9e6], Gen.Double[0, 1.5e6], Gen.OneOf(Gen.Const(1e-6), Gen.Const(1e-4), Gen.Const(0.01), Gen.Const(1.0), Gen.Const(10.0))).Sample((az, d, h, rcs) =>
        {
            Geodetic g = Geodesic.Direct(Ellipsoid.Wgs84, site.LatitudeRad, site.LongitudeRad, az, d) with { HeightM = h };
            Vec3 target = Ellipsoid.Wgs84.ToEcef(g);
            RadarLook look = radar.Look(target, h, rcs);
            double rangeM = radar.DetectionRangeM(rcs);
            Assert.Equal((look.Visible, look.Detected), radar.See(target, h, rangeM, visibilityKnown: false));
            Assert.Equal(look.Detected, radar.See(target, h, rangeM, visibilityKnown: true).Detected);
            detected += look.Detected ? 1 : 0;
            visibleOutOfRange += look.Visible && !look.InRange ? 1 : 0;
        }, iter: 4000, threads: 1);
        // The sample is random (CsCheck's seed changes from run to run): over 40 runs Gabala's 4,000 targets held 25–54
        // visible out of range (mean 38) and the AN/TPY-2's 49–83, and a run with 17 failed the earlier bound of 20. Five
        // still says every kind was drawn, and a run falls under it with a chance far below one in a billion (a Poisson
        // count of mean 38 does with 3e−12).
        Assert.True(detected > 100 && detected < 3900 && visibleOutOfRange >= 5,
            $"{detected} detected, {visibleOutOfRange} visible out of range, of 4,000: the sample should hold every kind");
    }
}
