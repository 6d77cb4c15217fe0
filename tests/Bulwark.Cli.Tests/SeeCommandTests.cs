using System.Text.Json;

namespace Bulwark.Cli.Tests;

/// <summary><c>bulwark see SCENARIO</c>: the DESIGN §7 JSON keys, the table, and the coverage files.</summary>
public class SeeCommandTests
{
    private static string Scenario(string name) => Path.Combine(AppContext.BaseDirectory, "scenarios", name);

    private static string InlineScenario() => CliRunner.TempFile("see.yaml", """
        name: one threat for see
        architecture: nato-russia-shared-radars
        threats:
          - { missile: sejjil-2, from: tabriz, to: bucharest }
        """);

    [Fact]
    public void JsonHasTheContractKeysForEveryThreatAndSensor()
    {
        var result = CliRunner.Run("see", InlineScenario(), "--format", "json");
        Assert.True(result.ExitCode == 0, result.Stderr);
        using var doc = JsonDocument.Parse(result.Stdout);
        JsonElement threat = doc.RootElement.GetProperty("threats")[0];
        Assert.Equal("sejjil-2-tabriz-bucharest", threat.GetProperty("id").GetString());
        JsonElement sensors = threat.GetProperty("sensors");
        Assert.Equal(8, sensors.GetArrayLength());
        foreach (JsonElement s in sensors.EnumerateArray())
        {
            foreach (string key in new[] { "sensor", "first_visible_s", "first_detect_s", "firm_track_s", "fire_control_s", "last_track_s" })
            {
                Assert.True(s.TryGetProperty(key, out _), $"missing {key}");
            }
        }

        JsonElement gabala = sensors.EnumerateArray().Single(s => s.GetProperty("sensor").GetString() == "gabala-daryal");
        Assert.Equal(JsonValueKind.Number, gabala.GetProperty("first_detect_s").ValueKind);
        Assert.Equal(JsonValueKind.Null, gabala.GetProperty("fire_control_s").ValueKind); // early warning only
        foreach (JsonElement b in threat.GetProperty("batteries").EnumerateArray())
        {
            Assert.True(b.GetProperty("cue_s").GetDouble() <= b.GetProperty("fire_control_s").GetDouble());
        }
    }

    [Fact]
    public void OutWritesTheCoverageOfEveryRadar()
    {
        string dir = CliRunner.TempDir();
        var result = CliRunner.Run("see", InlineScenario(), "--out", dir, "--format", "json");
        Assert.True(result.ExitCode == 0, result.Stderr);
        using var doc = JsonDocument.Parse(result.Stdout);
        using var geo = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "coverage.geojson")));
        var features = geo.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(7, features.Count); // every radar of the architecture; SBIRS has no ground coverage
        foreach (JsonElement f in features)
        {
            JsonElement ring = f.GetProperty("geometry").GetProperty("coordinates")[0];
            Assert.True(ring.GetArrayLength() >= 4);
            Assert.Equal(ring[0].ToString(), ring[ring.GetArrayLength() - 1].ToString());
        }

        Assert.Contains("\"gabala-daryal\"", result.Stdout);
        Assert.True(File.Exists(Path.Combine(dir, "see.json")));

        // see.czml, see.kml and see.geojson: the same radars, coverage, sites, tracks and detection moments, at the same coordinates.
        var exports = Bulwark.Tests.Output.ExportAgreement.CheckFiles(dir, "see");
        Assert.Equal(7, exports.FeaturesByLayer["radars"]);
        Assert.Equal(7, exports.FeaturesByLayer["coverage"]);
        Assert.Equal(doc.RootElement.GetProperty("threats").GetArrayLength(), exports.FeaturesByLayer["threats"]);
        Assert.True(exports.FeaturesByLayer["sites"] >= 1);
        Assert.True(exports.FeaturesByLayer["detections"] >= 1);
        byte[] png = File.ReadAllBytes(Path.Combine(dir, "coverage.png"));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
    }

    [Fact]
    public void AScenarioWithoutAnArchitectureIsABadInputError()
    {
        string file = CliRunner.TempFile("noarch.yaml", "threats: iran-to-europe\n");
        var result = CliRunner.Run("see", file);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("needs an architecture", result.Stderr);
    }
}
