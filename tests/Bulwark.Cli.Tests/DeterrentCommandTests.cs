using System.Text.Json;

namespace Bulwark.Cli.Tests;

/// <summary><c>bulwark deterrent --architecture ID</c>: the DESIGN §7 JSON keys, the threshold curve, the map and the plot; bad input.</summary>
public class DeterrentCommandTests
{
    [Fact]
    public void JsonHasTheContractKeysAThresholdCurveAndOutWritesTheMapAndThePlot()
    {
        string dir = CliRunner.TempDir();
        var result = CliRunner.Run("deterrent", "--architecture", "epaa-phase-1-2011", "--bases", "kozelsk", "--targets", "washington", "--format", "json", "--out", dir);
        Assert.True(result.ExitCode == 0, result.Stderr);
        using var doc = JsonDocument.Parse(result.Stdout);
        Assert.Equal("epaa-phase-1-2011", doc.RootElement.GetProperty("architecture").GetString());
        JsonElement track = Assert.Single(doc.RootElement.GetProperty("tracks").EnumerateArray());
        Assert.Equal("kozelsk", track.GetProperty("base").GetString());
        Assert.Equal("washington", track.GetProperty("target").GetString());
        Assert.Equal("topol-m", track.GetProperty("missile").GetString());
        JsonElement battery = Assert.Single(track.GetProperty("batteries").EnumerateArray());
        foreach (string key in new[] { "battery", "interceptor", "can_intercept", "earliest_intercept_s", "threshold_speed_km_s", "ideal_sensors", "threshold_curve" })
        {
            Assert.True(battery.TryGetProperty(key, out _), $"missing {key}");
        }

        // The curve: one entry per default delay (0–600 s every 60 s); a later launch never needs a slower interceptor.
        var curve = battery.GetProperty("threshold_curve").EnumerateArray().ToList();
        Assert.Equal(11, curve.Count);
        double previous = 0;
        bool unreachable = false;
        foreach (JsonElement c in curve)
        {
            JsonElement speed = c.GetProperty("speed_km_s");
            if (speed.ValueKind == JsonValueKind.Null)
            {
                unreachable = true;
                continue;
            }

            Assert.False(unreachable, "a delay reachable after an unreachable one");
            Assert.True(speed.GetDouble() >= previous, $"threshold fell from {previous} to {speed.GetDouble()} km/s");
            previous = speed.GetDouble();
        }

        foreach (string png in new[] { "deterrent-map.png", "deterrent-thresholds.png" })
        {
            byte[] bytes = File.ReadAllBytes(Path.Combine(dir, png));
            Assert.True(bytes.Length > 1000 && bytes[1] == (byte)'P' && bytes[2] == (byte)'N' && bytes[3] == (byte)'G', $"{png} is not a PNG");
        }

        Assert.True(File.Exists(Path.Combine(dir, "deterrent.json")));
    }

    [Theory]
    [InlineData("--architecture", "no-such-architecture")]
    [InlineData("--architecture", "third-site-2007", "--bases", "no-such-base")]
    [InlineData("--architecture", "third-site-2007", "--format", "csv")]
    public void BadInputIsALocatedErrorWithExitCodeTwo(params string[] args)
    {
        var result = CliRunner.Run(["deterrent", .. args]);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error:", result.Stderr.Trim());
        Assert.DoesNotContain("   at ", result.Stderr);
    }
}
