using Bulwark.Earth;
using Bulwark.Output.Scenes;
using CsCheck;

namespace Bulwark.Tests.Output;

/// <summary>A scene's CZML, KML and GeoJSON agree on every coordinate (issue 7), for hand-made and random scenes.</summary>
public class GeoSceneTests
{
    private static GeoScene Sample()
    {
        // A track across the antimeridian, a marker shown from t = 20 s, a ring around the pole's neighbourhood.
        var track = new[] { (0.0, 10.0, 175.0, 0.0), (10.0, 10.5, 179.9, 150_000.0), (20.0, 11.0, -175.0, 300_000.0) }
            .Select(p => (p.Item1, Ellipsoid.Wgs84.ToEcef(Geodetic.FromDegrees(p.Item2, p.Item3, p.Item4))));
        return new GeoScene("sample")
            .Track("threats", "threat/a", "a", SceneStyle.Threat, track, "a threat")
            .Marker("intercepts", "intercept/a/1", "intercept 1", SceneStyle.Intercept, Geodetic.FromDegrees(10.6, 179.95, 160_000), 20, "there")
            .Marker("sites", "site/x", "x", SceneStyle.Site, Geodetic.FromDegrees(44.08, 24.40))
            .Area("coverage", "coverage/r", "r coverage", SceneStyle.Coverage, [(20, 40), (30, 40), (30, 50), (20, 50)]);
    }

    [Fact]
    public void TheThreeFormatsAgreeAndHaveTheExpectedPlacemarks()
    {
        GeoScene scene = Sample();
        var summary = ExportAgreement.Check(scene.ToCzml(), scene.ToKml(), scene.ToGeoJson());
        Assert.Equal(["threat/a", "intercept/a/1", "site/x", "coverage/r"], summary.Ids);
        Assert.Equal(new Dictionary<string, int> { ["threats"] = 1, ["intercepts"] = 1, ["sites"] = 1, ["coverage"] = 1 }, summary.FeaturesByLayer);
    }

    [Fact]
    public void CzmlShowsAMarkerFromItsTimeAndDescribesItems()
    {
        using var doc = System.Text.Json.JsonDocument.Parse(Sample().ToCzml());
        var intercept = doc.RootElement.EnumerateArray().Single(p => p.GetProperty("id").GetString() == "intercept/a/1");
        Assert.StartsWith("2010-11-19T12:00:20.000Z/", intercept.GetProperty("availability").GetString(), StringComparison.Ordinal);
        Assert.Equal("there", intercept.GetProperty("description").GetString());
    }

    [Fact]
    public void ATrackOfOneSampleIsRefused() =>
        Assert.Throws<ArgumentException>(() => new GeoScene("x").Track("l", "t", "t", SceneStyle.Threat, [(0.0, new Bulwark.Numerics.Vec3(7e6, 0, 0))]));

    [Fact]
    public void RandomTracksAgreeInAllThreeFormats()
    {
        var point = Gen.Select(Gen.Double[-89.9, 89.9], Gen.Double[-540, 540], Gen.Double[0, 3_000_000]);
        Gen.Select(point.Array[2, 6], point).Sample((track, marker) =>
        {
            var scene = new GeoScene("random")
                .Track("threats", "t", "t", SceneStyle.Threat, track.Select((p, i) => (10.0 * i, Ellipsoid.Wgs84.ToEcef(Geodetic.FromDegrees(p.Item1, p.Item2, p.Item3)))))
                .Marker("sites", "m", "m", SceneStyle.Site, Geodetic.FromDegrees(marker.Item1, marker.Item2, marker.Item3));
            ExportAgreement.Check(scene.ToCzml(), scene.ToKml(), scene.ToGeoJson());
        }, iter: 200);
    }
}
