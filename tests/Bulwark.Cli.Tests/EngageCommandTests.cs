using System.Text.Json;
using System.Xml.Linq;

namespace Bulwark.Cli.Tests;

/// <summary><c>bulwark engage SCENARIO</c>: the DESIGN §7 JSON keys, and CZML and KML that parse and agree.</summary>
public class EngageCommandTests
{
    private static string OneThreat() => CliRunner.TempFile("engage.yaml", """
        name: one threat for engage
        architecture: epaa-phase-3-2018
        threats:
          - { missile: sejjil-2, from: tabriz, to: athens }
        """);

    [Fact]
    public void JsonHasTheContractKeysAndOutWritesCzmlAndKml()
    {
        string dir = CliRunner.TempDir();
        var result = CliRunner.Run("engage", OneThreat(), "--format", "json", "--out", dir);
        Assert.True(result.ExitCode == 0, result.Stderr);
        using var doc = JsonDocument.Parse(result.Stdout);
        JsonElement threat = doc.RootElement.GetProperty("threats")[0];
        foreach (string key in new[] { "id", "impact_s", "opportunities", "shots_possible", "p_kill" })
        {
            Assert.True(threat.TryGetProperty(key, out _), $"missing {key}");
        }

        var opportunities = threat.GetProperty("opportunities").EnumerateArray().ToList();
        Assert.NotEmpty(opportunities);
        foreach (JsonElement o in opportunities)
        {
            foreach (string key in new[] { "battery", "interceptor", "launch_s", "intercept_s", "intercept", "closing_speed_km_s" })
            {
                Assert.True(o.TryGetProperty(key, out _), $"missing {key}");
            }

            Assert.True(o.GetProperty("launch_s").GetDouble() < o.GetProperty("intercept_s").GetDouble());
            Assert.True(o.GetProperty("intercept_s").GetDouble() < threat.GetProperty("impact_s").GetDouble());
        }

        Assert.Equal(opportunities.Count, threat.GetProperty("shots_possible").GetInt32());

        using var czml = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "engage.czml")));
        Assert.Equal("document", czml.RootElement[0].GetProperty("id").GetString());
        var ids = czml.RootElement.EnumerateArray().Select(p => p.GetProperty("id").GetString()!).ToList();
        Assert.Contains(ids, i => i.StartsWith("threat/", StringComparison.Ordinal));
        Assert.Equal(opportunities.Count, ids.Count(i => i.StartsWith("intercept/", StringComparison.Ordinal)));

        XDocument kml = XDocument.Parse(File.ReadAllText(Path.Combine(dir, "engage.kml")));
        XNamespace ns = "http://www.opengis.net/kml/2.2";
        var intercepts = kml.Descendants(ns + "Folder").Single(f => f.Element(ns + "name")?.Value == "intercepts").Elements(ns + "Placemark").ToList();
        Assert.Equal(opportunities.Count, intercepts.Count);
        // KML and JSON agree on the first intercept point, to the JSON's rounding (5 decimals) and the KML's (6 or more).
        // (Not "equal to 4 decimal places": rounding both to 4 places flips on values like 38.262950 / 38.262955.)
        string[] first = intercepts[0].Descendants(ns + "coordinates").Single().Value.Split(',');
        JsonElement point = opportunities[0].GetProperty("intercept");
        Assert.Equal(point.GetProperty("lon_deg").GetDouble(), double.Parse(first[0], System.Globalization.CultureInfo.InvariantCulture), 6e-6);
        Assert.Equal(point.GetProperty("lat_deg").GetDouble(), double.Parse(first[1], System.Globalization.CultureInfo.InvariantCulture), 6e-6);

        // engage.geojson joins the CZML and KML: all three agree, and carry every shot and every battery.
        var exports = Bulwark.Tests.Output.ExportAgreement.CheckFiles(dir, "engage");
        Assert.Equal(opportunities.Count, exports.FeaturesByLayer["intercepts"]);
        Assert.Equal(opportunities.Count, exports.FeaturesByLayer.GetValueOrDefault("interceptors"));
        Assert.Equal(3, exports.FeaturesByLayer["sites"]); // epaa-phase-3-2018: Deveselu, Redzikowo, the ship
        Assert.Equal(1, exports.FeaturesByLayer["threats"]);
    }
}
