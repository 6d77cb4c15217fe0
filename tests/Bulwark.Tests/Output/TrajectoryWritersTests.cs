using System.Globalization;
using System.Text.Json;
using Bulwark.Earth;
using Bulwark.Flight.Propagation;
using Bulwark.Numerics;
using Bulwark.Output;
using CsCheck;

namespace Bulwark.Tests.Output;

public class TrajectoryWritersTests
{
    /// <summary>Three hand-made points; the second is east of the antimeridian written as 190° (−170°).</summary>
    private static readonly TrajectoryPoint[] Points =
    [
        new(0, Geodetic.FromDegrees(10, 175, 0), new Vec3(100, 200, -300), new Vec3(-6.2e6, 5.4e5, 1.1e6), 5000),
        new(12.5, Geodetic.FromDegrees(10.5, 190, 25_000), new Vec3(110, 210, -290), new Vec3(-6.21e6, -1.1e6, 1.15e6), 4000.25),
        new(30, Geodetic.FromDegrees(-33.25, -71.5, 123.45), new Vec3(0, 0, 0), new Vec3(1.5e6, -4.5e6, -3.5e6), 3000),
    ];

    private static double Num(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    [Fact]
    public void CsvStartsWithTheDesignColumnsAndHasOneRowPerPoint()
    {
        // DESIGN §7: t_s,lat_deg,lon_deg,alt_m,v_north_m_s,v_east_m_s,v_down_m_s first.
        string csv = TrajectoryCsv.Write(Points);
        string[] lines = csv.Split('\n');
        Assert.StartsWith("t_s,lat_deg,lon_deg,alt_m,v_north_m_s,v_east_m_s,v_down_m_s,", lines[0]);
        Assert.Equal(TrajectoryCsv.Header, lines[0]);
        Assert.Equal(Points.Length + 2, lines.Length); // header, rows, and the empty string after the final newline
        Assert.Equal("", lines[^1]);
        int columns = lines[0].Split(',').Length;
        for (int i = 0; i < Points.Length; i++)
        {
            string[] f = lines[i + 1].Split(',');
            Assert.Equal(columns, f.Length);
            TrajectoryPoint p = Points[i];
            Assert.Equal(p.TimeS, Num(f[0]));
            Assert.Equal(p.Position.LatitudeDeg, Num(f[1]), 1e-9);
            Assert.Equal(p.Position.LongitudeDeg, Num(f[2]), 1e-9);
            Assert.Equal(p.Position.HeightM, Num(f[3]), 1e-4);
            Assert.Equal(p.VelocityNedMPerS.X, Num(f[4]), 1e-5);
            Assert.Equal(p.VelocityNedMPerS.Y, Num(f[5]), 1e-5);
            Assert.Equal(p.VelocityNedMPerS.Z, Num(f[6]), 1e-5);
            Assert.Equal(p.SpeedMPerS, Num(f[7]), 1e-5);
            Assert.Equal(p.FlightPathAngleRad * 180 / Math.PI, Num(f[8]), 1e-6);
            Assert.Equal(p.MassKg, Num(f[9]), 1e-4);
            Assert.Equal(p.PositionEcefM.Z, Num(f[12]), 1e-4);
        }

        // Second point: speed √(110² + 210² + 290²) = 374.566…, flight-path angle atan(290/√(110² + 210²)) = 50.735…°.
        Assert.Equal("12.5,10.500000000,190.000000000,25000.0000,110.00000,210.00000,-290.00000,374.56642,50.735139,4000.2500,-6210000.0000,-1100000.0000,1150000.0000", lines[2]);
    }

    [Fact]
    public void GeoJsonIsAFeatureCollectionWithALineStringOfLonLatAlt()
    {
        // RFC 7946 §3.1.4 LineString, positions [longitude, latitude, altitude] (§3.1.1), longitudes in [−180, 180].
        string json = TrajectoryGeoJson.Write(Points, "flight 1", new Dictionary<string, string> { ["missile"] = "test" });
        using JsonDocument doc = JsonDocument.Parse(json);
        JsonElement root = doc.RootElement;
        Assert.Equal("FeatureCollection", root.GetProperty("type").GetString());
        JsonElement feature = Assert.Single(root.GetProperty("features").EnumerateArray());
        Assert.Equal("Feature", feature.GetProperty("type").GetString());
        JsonElement props = feature.GetProperty("properties");
        Assert.Equal("flight 1", props.GetProperty("name").GetString());
        Assert.Equal("test", props.GetProperty("missile").GetString());
        Assert.Equal(0, props.GetProperty("start_s").GetDouble());
        Assert.Equal(30, props.GetProperty("end_s").GetDouble());
        JsonElement geometry = feature.GetProperty("geometry");
        Assert.Equal("LineString", geometry.GetProperty("type").GetString());
        double[][] coords = [.. geometry.GetProperty("coordinates").EnumerateArray().Select(c => c.EnumerateArray().Select(x => x.GetDouble()).ToArray())];
        Assert.Equal(Points.Length, coords.Length);
        Assert.Equal(new double[] { 175, 10, 0 }, coords[0]);
        Assert.Equal(new double[] { -170, 10.5, 25_000 }, coords[1]);
        Assert.Equal(new double[] { -71.5, -33.25, 123.5 }, coords[2]); // heights to 0.1 m
    }

    [Fact]
    public void CzmlHasTheDocumentPacketThenAnEntitySampledInTheFixedFrame()
    {
        // CZML: the first packet must be the document packet (id "document", version "1.0"); positions are
        // [t, x, y, z, t, x, y, z, …] (4·N numbers) in Earth-fixed axes, seconds from the position's epoch.
        var epoch = new DateTimeOffset(2024, 2, 29, 23, 59, 50, TimeSpan.Zero);
        string czml = TrajectoryCzml.Write(Points, "rv-1", "flight 1", epoch);
        using JsonDocument doc = JsonDocument.Parse(czml);
        JsonElement[] packets = [.. doc.RootElement.EnumerateArray()];
        Assert.Equal(2, packets.Length);
        Assert.Equal("document", packets[0].GetProperty("id").GetString());
        Assert.Equal("1.0", packets[0].GetProperty("version").GetString());
        Assert.Equal("2024-02-29T23:59:50.000Z/2024-03-01T00:00:20.000Z", packets[0].GetProperty("clock").GetProperty("interval").GetString());

        JsonElement entity = packets[1];
        Assert.Equal("rv-1", entity.GetProperty("id").GetString());
        Assert.Equal("2024-02-29T23:59:50.000Z/2024-03-01T00:00:20.000Z", entity.GetProperty("availability").GetString());
        JsonElement position = entity.GetProperty("position");
        Assert.Equal("FIXED", position.GetProperty("referenceFrame").GetString());
        Assert.Equal("2024-02-29T23:59:50.000Z", position.GetProperty("epoch").GetString());
        double[] cartesian = [.. position.GetProperty("cartesian").EnumerateArray().Select(x => x.GetDouble())];
        Assert.Equal(4 * Points.Length, cartesian.Length);
        for (int i = 0; i < Points.Length; i++)
        {
            Assert.Equal(Points[i].TimeS, cartesian[4 * i]);
            Assert.Equal(Points[i].PositionEcefM.X, cartesian[4 * i + 1], 0.005);
            Assert.Equal(Points[i].PositionEcefM.Y, cartesian[4 * i + 2], 0.005);
            Assert.Equal(Points[i].PositionEcefM.Z, cartesian[4 * i + 3], 0.005);
        }

        // Samples 15 s apart on average: the path is drawn at that resolution.
        Assert.Equal(15, entity.GetProperty("path").GetProperty("resolution").GetDouble());
    }

    [Fact]
    public void CzmlUsesTheDefaultEpochWhenNoneIsGiven()
    {
        using JsonDocument doc = JsonDocument.Parse(TrajectoryCzml.Write(Points, "a", "b"));
        Assert.Equal("2010-11-19T12:00:00.000Z", doc.RootElement[1].GetProperty("position").GetProperty("epoch").GetString());
    }

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(179.5, 179.5)]
    [InlineData(180.0, -180.0)]
    [InlineData(190.0, -170.0)]
    [InlineData(359.5, -0.5)]
    [InlineData(360.0, 0.0)]
    [InlineData(-180.0, -180.0)]
    [InlineData(-190.0, 170.0)]
    [InlineData(540.0, -180.0)]
    [InlineData(-725.0, -5.0)]
    public void LongitudesAreNormalisedToMinus180Inclusive180Exclusive(double lon, double expected) =>
        Assert.Equal(expected, TrajectoryGeoJson.NormalizeLongitude(lon), 1e-12);

    [Fact]
    public void NormalisedLongitudeIsInRangeAndTheSameMeridian()
    {
        Gen.Double[-1000, 1000].Sample(lon =>
        {
            double n = TrajectoryGeoJson.NormalizeLongitude(lon);
            Assert.InRange(n, -180, 180);
            Assert.True(n < 180, $"{lon} → {n}");
            double turns = (lon - n) / 360;
            Assert.Equal(Math.Round(turns), turns, 1e-12);
        });
    }
}
