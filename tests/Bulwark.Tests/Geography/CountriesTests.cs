using Bulwark.Geography;
using Bulwark.Tests.Validation;

namespace Bulwark.Tests.Geography;

public class CountriesTests
{
    // ------------------------------------------------------------------ decoding and codes

    [Fact]
    public void TheFiftyMetreLayerHas241CountriesEachWithAUniqueCodeAndSomeLand()
    {
        // world-atlas 2.0.2 countries-50m.json: 241 geometries in objects.countries (Natural Earth 4.1.0 admin-0).
        Assert.Equal(241, Countries.All.Count);
        Assert.Equal(241, Countries.All.Select(c => c.Iso3).Distinct().Count());
        Assert.All(Countries.All, c =>
        {
            Assert.Matches("^[A-Z]{3}$", c.Iso3);
            Assert.NotEmpty(c.Polygons);
            Assert.All(c.Polygons, p => Assert.True(Countries.AreaM2(p) > 0, $"{c.Iso3}: a polygon without area"));
        });
    }

    [Theory]
    [InlineData("ROU", "Romania")]
    [InlineData("POL", "Poland")]
    [InlineData("RUS", "Russia")]
    [InlineData("USA", "United States of America")]
    [InlineData("LSO", "Lesotho")]
    [InlineData("XKX", "Kosovo")]          // no numeric id in the file: code from country-codes.tsv
    [InlineData("AUS", "Australia")]       // shares numeric 036 with Ashmore and Cartier Is. (ATC)
    [InlineData("ATC", "Ashmore and Cartier Is.")]
    public void ByIso3FindsTheCountry(string iso3, string name)
    {
        Assert.Equal(name, Countries.ByIso3(iso3)?.Name);
        Assert.Equal(name, Countries.ByIso3(iso3.ToLowerInvariant())?.Name);
    }

    [Fact]
    public void AnUnknownCodeFindsNothing() => Assert.Null(Countries.ByIso3("ZZZ"));

    [Fact]
    public void TheDecoderJoinsArcsAppliesTheTransformAndReversesNegativeArcs()
    {
        // Two quantized arcs sharing an edge: arc 0 = (0,0)→(2,0)→(2,2), arc 1 = (2,2)→(0,2)→(0,0), delta-encoded;
        // the second polygon walks them backwards (~1 = -2, ~0 = -1). Transform: x = 10 + 0.5·qx, y = -5 + 0.25·qy.
        var json = """
            {"type":"Topology","transform":{"scale":[0.5,0.25],"translate":[10,-5]},
             "arcs":[[[0,0],[2,0],[0,2]],[[2,2],[-2,0],[0,-2]]],
             "objects":{"things":{"type":"GeometryCollection","geometries":[
               {"type":"Polygon","id":"1","properties":{"name":"A"},"arcs":[[0,1]]},
               {"type":"MultiPolygon","id":2,"arcs":[[[-2,-1]]]},
               {"type":null}]}}}
            """u8;
        var geometries = TopoJson.ReadPolygons(json, "things");
        Assert.Equal(2, geometries.Count);
        Assert.Equal(("1", "A"), (geometries[0].Id, geometries[0].Name));
        Assert.Equal(("2", (string?)null), (geometries[1].Id, geometries[1].Name));
        (double, double)[] forward = [(10, -5), (11, -5), (11, -4.5), (10, -4.5), (10, -5)];
        Assert.Equal(forward, geometries[0].Polygons[0][0]);
        Assert.Equal(forward.Reverse(), geometries[1].Polygons[0][0]);
    }

    // ------------------------------------------------------------------ points in countries

    [Theory]
    [InlineData(44.4268, 26.1025, "ROU")]      // Bucharest
    [InlineData(52.2297, 21.0122, "POL")]      // Warsaw
    [InlineData(55.7558, 37.6173, "RUS")]      // Moscow
    [InlineData(39.9334, 32.8597, "TUR")]      // Ankara
    [InlineData(38.9072, -77.0369, "USA")]     // Washington, D.C.
    [InlineData(-29.3151, 27.4869, "LSO")]     // Maseru: Lesotho, a hole in South Africa
    [InlineData(-29.5200, 28.6100, "LSO")]     // Thaba-Tseka
    [InlineData(-26.2041, 28.0473, "ZAF")]     // Johannesburg
    [InlineData(41.9029, 12.4534, "ITA")]      // St Peter's: the 1:50m Vatican (a 0.8 km² hole in Italy) misses it
    [InlineData(66.0, -173.0, "RUS")]          // Chukotka east of the antimeridian
    [InlineData(66.0, 187.0, "RUS")]           // the same point, longitude given past 180°
    [InlineData(66.0, 172.0, "RUS")]           // Chukotka west of it
    [InlineData(71.2, -179.9, "RUS")]          // Wrangel Island, both sides of the antimeridian
    [InlineData(71.2, 179.7, "RUS")]
    [InlineData(-16.85, -179.95, "FJI")]       // Taveuni, east of the antimeridian
    [InlineData(-16.60, 179.30, "FJI")]        // Vanua Levu, west of it
    [InlineData(-89.0, 180.0, "ATA")]          // Antarctica, a ring round the South Pole
    [InlineData(-89.0, -180.0, "ATA")]
    [InlineData(-89.9, 0.0, "ATA")]
    public void KnownPlacesAreInTheirCountry(double latDeg, double lonDeg, string iso3)
    {
        Assert.Equal(iso3, Countries.At(latDeg, lonDeg)?.Iso3);
        Assert.True(Countries.Contains(Countries.ByIso3(iso3)!, latDeg, lonDeg));
    }

    [Theory]
    [InlineData(43.0, 34.0)]       // Black Sea
    [InlineData(35.0, 18.0)]       // Ionian Sea
    [InlineData(0.0, -30.0)]       // Atlantic
    [InlineData(89.9, 0.0)]        // North Pole: sea ice, no country
    public void TheSeaIsInNoCountry(double latDeg, double lonDeg) => Assert.Null(Countries.At(latDeg, lonDeg));

    [Fact]
    public void LesothoIsAHoleInSouthAfrica()
    {
        var zaf = Countries.ByIso3("ZAF")!;
        var lso = Countries.ByIso3("LSO")!;
        Assert.False(Countries.Contains(zaf, -29.3151, 27.4869));          // Maseru
        Assert.True(Countries.Contains(lso, -29.3151, 27.4869));
        // The hole is Lesotho's outline: the two share their arcs, so they have the same area.
        var hole = zaf.Polygons.SelectMany(p => p.Rings.Skip(1))
            .Single(r => Countries.Contains(new GeoPolygon([r]), -29.3151, 27.4869));
        double lesothoM2 = Countries.AreaM2(lso);
        Assert.Equal(lesothoM2, Countries.AreaM2(new GeoPolygon([hole])), lesothoM2 * 1e-9);
    }

    [Fact]
    public void RingsRunContinuouslyAcrossTheAntimeridian()
    {
        foreach (var ring in Countries.All.SelectMany(c => c.Polygons).SelectMany(p => p.Rings))
        {
            for (int i = 1; i < ring.Points.Count; i++)
            {
                var (p, q) = (ring.Points[i - 1], ring.Points[i]);
                bool alongAPole = p.LatDeg == q.LatDeg && Math.Abs(p.LatDeg) == 90;     // Antarctica's closing edge
                Assert.True(alongAPole || Math.Abs(q.LonDeg - p.LonDeg) <= 180, $"{p} -> {q}");
            }
            Assert.Equal(ring.Points[0], ring.Points[^1]);
        }
        // Chukotka's ring runs on past 180°E.
        Assert.Contains(Countries.ByIso3("RUS")!.Polygons, p => p.Outer.Points.Max(q => q.LonDeg) > 190);
    }

    // ------------------------------------------------------------------ areas

    private const double A = 6378137.0;                          // WGS 84 (NIMA TR8350.2 Table 3.1)
    private const double F = 1 / 298.257223563;

    /// <summary>
    /// Area of the zone between two parallels over a longitude span, in closed form on the ellipsoid (Snyder 1987,
    /// USGS PP 1395, eq. 3-12 integrated: A = ½ b² Δλ [sin φ/(1 − e² sin² φ) + artanh(e sin φ)/e] from φ₁ to φ₂).
    /// </summary>
    private static double ZoneM2(double lat1Deg, double lat2Deg, double dLonDeg)
    {
        double e2 = F * (2 - F), e = Math.Sqrt(e2), b = A * (1 - F);
        static double S(double latDeg) => Math.Sin(latDeg * Math.PI / 180);
        double G(double s) => s / (1 - e2 * s * s) + Math.Atanh(e * s) / e;
        return 0.5 * b * b * (dLonDeg * Math.PI / 180) * (G(S(lat2Deg)) - G(S(lat1Deg)));
    }

    private static GeoPolygon Cell(double lon0, double lat0, double lon1, double lat1) =>
        new([new GeoRing([(lon0, lat0), (lon1, lat0), (lon1, lat1), (lon0, lat1), (lon0, lat0)])]);

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(25.0, 44.0)]
    [InlineData(-120.0, 60.0)]
    [InlineData(170.0, -79.0)]
    public void AOneDegreeCellHasItsClosedFormArea(double lon0, double lat0)
    {
        double expected = ZoneM2(lat0, lat0 + 1, 1);       // about 12 309 km² at the equator
        Assert.Equal(expected, Countries.AreaM2(Cell(lon0, lat0, lon0 + 1, lat0 + 1)), expected * 1e-12);
        // Either orientation.
        var reversed = new GeoPolygon([new GeoRing(Cell(lon0, lat0, lon0 + 1, lat0 + 1).Outer.Points.Reverse().ToArray())]);
        Assert.Equal(expected, Countries.AreaM2(reversed), expected * 1e-12);
    }

    [Fact]
    public void TheWholeEllipsoidHasItsKnownArea()
    {
        // 510 065 621 724 088.5 m² for WGS 84: 2π b² [1/(1 − e²) + artanh(e)/e], as GeographicLib's Planimeter gives.
        double area = Countries.AreaM2(Cell(-180, -90, 180, 90));
        Assert.Equal(510_065_621_724_088.5, area, 1.0);
        Assert.Equal(ZoneM2(-90, 90, 360), area, 1.0);
    }

    [Fact]
    public void SlantedEdgesAreIntegratedAlongTheLine()
    {
        // A triangle with a slanted edge is half its bounding cell plus what the curvature of sin β adds: compare with a
        // fine sum of thin zones under the edge lat = 40° + lon (exact for each zone, midpoint in latitude).
        var triangle = new GeoPolygon([new GeoRing([(0.0, 40.0), (5.0, 40.0), (5.0, 45.0), (0.0, 40.0)])]);
        double sum = 0;
        const int n = 20000;
        for (int i = 0; i < n; i++)
        {
            double lonMid = (i + 0.5) * 5.0 / n;
            sum += ZoneM2(40.0, 40.0 + lonMid, 5.0 / n);
        }
        Assert.Equal(sum, Countries.AreaM2(triangle), sum * 1e-10);
    }

    [Fact]
    public void RomaniasAreaMatchesASumOfCellsInsideIt()
    {
        // An independent check of the polygon area and the point test together: count 0.025° cells whose centres are
        // in Romania, each with its closed-form area. The sampling error is about the border's length times half a cell.
        var rou = Countries.ByIso3("ROU")!;
        const double step = 0.025;
        double sum = 0;
        for (double lat = 43.5 + step / 2; lat < 48.5; lat += step)
        {
            double cell = ZoneM2(lat - step / 2, lat + step / 2, step);
            for (double lon = 20 + step / 2; lon < 30; lon += step)
                if (Countries.Contains(rou, lat, lon)) sum += cell;
        }
        double area = Countries.AreaM2(rou);
        Assert.Equal(area, sum, area * 0.002);
    }

    [Theory]
    // Published total areas (land and inland water), as national statistics offices give them and Wikipedia's "List of
    // countries and dependencies by area" tabulates them. Natural Earth's admin-0 polygons include inland water too.
    // These are landlocked or short-coasted countries, so the 1:50m generalisation of coasts and borders, which moves
    // the total by about a per cent, is what the tolerance allows for.
    [InlineData("ROU", 238_397)]
    [InlineData("POL", 312_696)]
    [InlineData("DEU", 357_588)]
    [InlineData("HUN", 93_030)]
    [InlineData("CZE", 78_871)]
    [InlineData("AUT", 83_879)]
    [InlineData("CHE", 41_285)]
    [InlineData("MNG", 1_564_116)]
    [InlineData("KAZ", 2_724_900)]
    [InlineData("TUR", 783_562)]
    [ValidationCase(ValidationArea.Geodesy, "Country areas on the ellipsoid against published areas",
        Source = "national statistics offices' total areas (land and inland water) as tabulated in Wikipedia's \"List of countries and dependencies by area\"; Natural Earth 1:50m polygons",
        Tolerance = "2%",
        Why = "the 1:50m generalisation of coasts and borders moves a total by about a per cent")]
    public void CountryAreasAreNearTheirPublishedAreas(string iso3, double publishedKm2)
    {
        double km2 = Countries.AreaM2(Countries.ByIso3(iso3)!) / 1e6;
        Assert.True(Math.Abs(km2 / publishedKm2 - 1) < 0.02, $"{iso3}: {km2:F0} km² against {publishedKm2:F0} km²");
        ValidationLog.Measured(FormattableString.Invariant($"{iso3} {(km2 / publishedKm2 - 1) * 100:+0.00;-0.00;0.00}%"));
    }
}
