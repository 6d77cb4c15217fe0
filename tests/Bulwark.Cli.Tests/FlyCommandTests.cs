using System.Globalization;
using System.Text.Json;

namespace Bulwark.Cli.Tests;

/// <summary><c>bulwark fly</c> end to end, in process.</summary>
public class FlyCommandTests
{
    private const string Icbm = "topol-m";
    private const string Mrbm = "sejjil-2";

    /// <summary>
    /// NASA NESC check-case 9 (eastward cannonball, NASA/TM-2015-218675) through the command line: the CSV has the DESIGN
    /// columns, a row every 0.1 s from 0 to 30 s, and at 10, 20 and 30 s the altitude and the east and down velocities
    /// lie inside the reference simulators' band (margins as in Bulwark.Tests' NescCheckCaseTests: 0.05 ft, 0.005 ft/s).
    /// </summary>
    [Fact]
    public void NescCase9ThroughTheCommandLine()
    {
        var result = CliRunner.Run("fly", CliRunner.Example("flights", "nesc-09-eastward-cannonball.yaml"), "--format", "csv");
        Assert.Equal(0, result.ExitCode);
        string[] lines = result.Stdout.TrimEnd('\n').Split('\n');
        Assert.StartsWith("t_s,lat_deg,lon_deg,alt_m,v_north_m_s,v_east_m_s,v_down_m_s", lines[0]);
        Assert.Equal(302, lines.Length); // header + 301 rows at 0.0, 0.1, …, 30.0 s
        var rows = lines.Skip(1).Select(l => l.Split(',').Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray()).ToList();
        Assert.Equal(30.0, rows[^1][0], 9);
        var reference = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Data", "Nesc", "Atmos_09_EastwardCannonball.csv")).Skip(1)
            .Select(l => l.Split(',')).ToList();
        const double ft = 1 / 0.3048;
        foreach (int t in new[] { 10, 20, 30 })
        {
            double[] ours = rows.Single(r => Math.Abs(r[0] - t) < 1e-9);
            var at = reference.Where(r => r[1] == t.ToString(CultureInfo.InvariantCulture)).ToList();
            void Within(int column, int ourColumn, double margin)
            {
                var values = at.Select(r => double.Parse(r[column], CultureInfo.InvariantCulture)).ToList();
                double v = ours[ourColumn] * ft;
                Assert.InRange(v, values.Min() - margin, values.Max() + margin);
            }

            Within(2, 3, 0.05);  // altitude, ft
            Within(6, 5, 0.005); // v east, ft/s
            Within(7, 6, 0.005); // v down, ft/s
        }
    }

    [Fact]
    public void TargetedFlightJsonHasTheContractKeys()
    {
        var result = CliRunner.Run("fly", "--missile", Mrbm, "--from", "35.2347,53.9208", "--to", "38.0,35.0", "--format", "json");
        Assert.True(result.ExitCode == 0, result.Stderr);
        using var doc = JsonDocument.Parse(result.Stdout);
        JsonElement root = doc.RootElement;
        foreach (string key in new[] { "missile", "launch", "aim", "impact", "miss_distance_m", "ground_range_km", "flight_time_s", "burnout", "apogee" })
        {
            Assert.True(root.TryGetProperty(key, out _), $"missing key {key}");
        }

        foreach (string key in new[] { "time_s", "altitude_km", "speed_km_s", "flight_path_angle_deg" })
        {
            Assert.True(root.GetProperty("burnout").TryGetProperty(key, out _), $"missing burnout.{key}");
        }

        Assert.True(root.GetProperty("miss_distance_m").GetDouble() < 1000);
        Assert.Equal(38.0, root.GetProperty("aim").GetProperty("lat_deg").GetDouble(), 6);
        Assert.Equal(35.0, root.GetProperty("aim").GetProperty("lon_deg").GetDouble(), 6);
        double flight = root.GetProperty("flight_time_s").GetDouble();
        double apogee = root.GetProperty("apogee").GetProperty("time_s").GetDouble();
        Assert.InRange(apogee, root.GetProperty("burnout").GetProperty("time_s").GetDouble(), flight);
    }

    [Fact]
    public void LoftedToAGivenApogeeReachesIt()
    {
        var result = CliRunner.Run("fly", "--missile", Icbm, "--from", "54.035,36.013", "--to", "38.907,-77.037",
            "--shape", "lofted", "--apogee-km", "2000", "--format", "json");
        Assert.True(result.ExitCode == 0, result.Stderr);
        using var doc = JsonDocument.Parse(result.Stdout);
        Assert.True(doc.RootElement.GetProperty("miss_distance_m").GetDouble() < 1000);
        // The apogee is solved to 100 m (Targeter); the report rounds to 1 m.
        Assert.Equal(2000, doc.RootElement.GetProperty("apogee").GetProperty("altitude_km").GetDouble(), 0.2);
    }

    [Fact]
    public void OutWritesCsvGeoJsonCzmlAndSummaryThatAgree()
    {
        string dir = CliRunner.TempDir();
        var result = CliRunner.Run("fly", "--missile", Mrbm, "--from", "35.2347,53.9208", "--to", "38.0,35.0", "--out", dir, "--step-s", "5");
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(["summary.json", "trajectory.csv", "trajectory.czml", "trajectory.geojson", "trajectory.kml", "trajectory.png"], Directory.GetFileSystemEntries(dir).Select(Path.GetFileName).Order());
        string[] csv = File.ReadAllLines(Path.Combine(dir, "trajectory.csv"));
        using var geo = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "trajectory.geojson")));
        JsonElement coords = geo.RootElement.GetProperty("features")[0].GetProperty("geometry").GetProperty("coordinates");
        using var czml = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "trajectory.czml")));
        Assert.Equal("document", czml.RootElement[0].GetProperty("id").GetString());
        JsonElement position = czml.RootElement[1].GetProperty("position");
        Assert.Equal("FIXED", position.GetProperty("referenceFrame").GetString());
        JsonElement cartesian = position.GetProperty("cartesian");
        Assert.Equal(csv.Length - 1, coords.GetArrayLength());
        Assert.Equal(4 * (csv.Length - 1), cartesian.GetArrayLength());
        // The last CSV row, the last GeoJSON vertex and the last CZML sample are the same point (the impact).
        string[] last = csv[^1].Split(',');
        double lat = double.Parse(last[1], CultureInfo.InvariantCulture);
        double lon = double.Parse(last[2], CultureInfo.InvariantCulture);
        JsonElement end = coords[coords.GetArrayLength() - 1];
        Assert.Equal(lon, end[0].GetDouble(), 6);
        Assert.Equal(lat, end[1].GetDouble(), 6);
        double x = double.Parse(last[10], CultureInfo.InvariantCulture);
        Assert.Equal(x, cartesian[cartesian.GetArrayLength() - 3].GetDouble(), 1);
        // trajectory.kml: one placemark, the same line as the GeoJSON and CZML.
        var exports = Bulwark.Tests.Output.ExportAgreement.CheckFiles(dir, "trajectory");
        Assert.Equal(1, exports.FeaturesByLayer["trajectory"]);
    }

    [Fact]
    public void SameInputsGiveTheSameBytes()
    {
        string[] args = ["fly", "--missile", Mrbm, "--from", "35.2347,53.9208", "--to", "38.0,35.0", "--format", "csv"];
        Assert.Equal(CliRunner.Run(args).Stdout, CliRunner.Run(args).Stdout);
    }

    [Fact]
    public void FlightFileTableEndsWithASummaryLine()
    {
        var result = CliRunner.Run("fly", CliRunner.Example("flights", "nesc-04-dropped-sphere-round-nonrotating.yaml"), "--step-s", "10");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Ended at t = 30.0000 s: reached the stop time.", result.Stdout);
        Assert.Contains("alt (m)", result.Stdout);
    }
}
