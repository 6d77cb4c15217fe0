using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using Bulwark.Earth;
using Bulwark.Numerics;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Converters;

namespace Bulwark.Tests.Output;

/// <summary>
/// Checks one scene's three exports against each other (issue 7): the CZML parses and begins with its document packet;
/// the KML parses as KML 2.2; the GeoJSON parses with NetTopologySuite; every GeoJSON feature has its CZML packet (same
/// id) and its KML placemark (same folder and name), and the three give the same coordinates. Tolerances are the
/// formats' rounding: KML writes 1e-6° and 0.1 m, GeoJSON 1e-7° and 0.1 m, CZML 0.01 m Earth-fixed (1e-6° for areas);
/// longitudes are compared as east-west distances (Δlon·cos φ).
/// </summary>
public static class ExportAgreement
{
    public static readonly XNamespace Ns = "http://www.opengis.net/kml/2.2";
    public const double DegreeTolerance = 6e-7;
    public const double HeightToleranceM = 0.11;

    /// <summary>What was checked: features per layer.</summary>
    public sealed record Summary(IReadOnlyDictionary<string, int> FeaturesByLayer, IReadOnlyList<string> Ids);

    public static Summary CheckFiles(string directory, string stem) => Check(
        File.ReadAllText(Path.Combine(directory, stem + ".czml")),
        File.ReadAllText(Path.Combine(directory, stem + ".kml")),
        File.ReadAllText(Path.Combine(directory, stem + ".geojson")));

    public static Summary Check(string czmlText, string kmlText, string geoJsonText)
    {
        using JsonDocument czml = JsonDocument.Parse(czmlText);
        var packets = czml.RootElement.EnumerateArray().ToList();
        Assert.Equal("document", packets[0].GetProperty("id").GetString());
        Assert.Equal("1.0", packets[0].GetProperty("version").GetString());
        Assert.True(packets[0].TryGetProperty("clock", out _));
        var byId = packets.Skip(1).ToDictionary(p => p.GetProperty("id").GetString()!);

        XDocument kml = XDocument.Parse(kmlText);
        Assert.Equal(Ns + "kml", kml.Root!.Name);
        var placemarks = kml.Root.Descendants(Ns + "Folder")
            .SelectMany(f => f.Elements(Ns + "Placemark").Select(p => (Layer: f.Element(Ns + "name")!.Value, Name: p.Element(Ns + "name")!.Value, Coordinates: Kml(p))))
            .GroupBy(p => (p.Layer, p.Name)).ToDictionary(g => g.Key, g => new Queue<List<double[]>>(g.Select(p => p.Coordinates)));

        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory());
        FeatureCollection features = JsonSerializer.Deserialize<FeatureCollection>(geoJsonText, options)!;
        Assert.Equal(packets.Count - 1, features.Count);
        Assert.Equal(features.Count, placemarks.Values.Sum(q => q.Count));

        var layers = new Dictionary<string, int>();
        var ids = new List<string>();
        foreach (IFeature f in features)
        {
            string id = (string)f.Attributes["id"], layer = (string)f.Attributes["layer"], name = (string)f.Attributes["name"];
            ids.Add(id);
            layers[layer] = layers.GetValueOrDefault(layer) + 1;
            double[][] geo = [.. f.Geometry.Coordinates.Select(c => new[] { c.X, c.Y, double.IsNaN(c.Z) ? 0 : c.Z })];
            Assert.True(placemarks.TryGetValue((layer, name), out var queue) && queue.Count > 0, $"no KML placemark '{name}' in folder '{layer}'");
            List<double[]> k = queue!.Dequeue();
            Assert.True(byId.TryGetValue(id, out JsonElement packet), $"no CZML packet '{id}'");
            List<double[]> c = Czml(packet);
            bool area = f.Geometry.GeometryType == "Polygon";
            if (area)
            {
                geo = geo[..^1]; // GeoJSON and KML close the ring; CZML does not
                k = k[..^1];
            }

            Assert.Equal(geo.Length, k.Count);
            Assert.Equal(geo.Length, c.Count);
            for (int i = 0; i < geo.Length; i++)
            {
                Same(geo[i], k[i], area, $"{id} KML point {i}");
                Same(geo[i], c[i], area, $"{id} CZML point {i}");
            }
        }

        return new Summary(layers, ids);
    }

    private static void Same(double[] a, double[] b, bool area, string what)
    {
        double dLon = ((a[0] - b[0] + 540) % 360) - 180;
        // East-west distance in degrees of a great circle: CZML's 0.01 m in x and y is many microdegrees of longitude near a pole.
        double eastWest = Math.Abs(dLon) * Math.Cos(a[1] * Math.PI / 180);
        Assert.True(eastWest <= DegreeTolerance * (area ? 2 : 1), $"{what}: longitude {a[0]} vs {b[0]}");
        Assert.True(Math.Abs(a[1] - b[1]) <= DegreeTolerance * (area ? 2 : 1), $"{what}: latitude {a[1]} vs {b[1]}");
        if (!area)
        {
            Assert.True(Math.Abs(a[2] - b[2]) <= HeightToleranceM, $"{what}: height {a[2]} vs {b[2]}");
        }
    }

    private static List<double[]> Kml(XElement placemark) =>
        [.. placemark.Descendants(Ns + "coordinates").Single().Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(t => t.Split(',').Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray())];

    /// <summary>A packet's positions as (longitude °, latitude °, height m): sampled or fixed cartesian, or a polygon's degrees.</summary>
    private static List<double[]> Czml(JsonElement packet)
    {
        if (packet.TryGetProperty("polygon", out JsonElement polygon))
        {
            double[] d = [.. polygon.GetProperty("positions").GetProperty("cartographicDegrees").EnumerateArray().Select(x => x.GetDouble())];
            return [.. Enumerable.Range(0, d.Length / 3).Select(i => new[] { d[3 * i], d[3 * i + 1], d[3 * i + 2] })];
        }

        JsonElement position = packet.GetProperty("position");
        double[] xyz = [.. position.GetProperty("cartesian").EnumerateArray().Select(x => x.GetDouble())];
        if (position.TryGetProperty("epoch", out _))
        {
            Assert.Equal("FIXED", position.GetProperty("referenceFrame").GetString());
            return [.. Enumerable.Range(0, xyz.Length / 4).Select(i => Geo(new Vec3(xyz[4 * i + 1], xyz[4 * i + 2], xyz[4 * i + 3])))];
        }

        return [Geo(new Vec3(xyz[0], xyz[1], xyz[2]))];
    }

    private static double[] Geo(Vec3 ecefM)
    {
        Geodetic g = Ellipsoid.Wgs84.ToGeodetic(ecefM);
        return [g.LongitudeDeg, g.LatitudeDeg, g.HeightM];
    }
}
