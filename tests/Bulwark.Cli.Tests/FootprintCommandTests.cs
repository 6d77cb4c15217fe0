using System.Text.Json;

namespace Bulwark.Cli.Tests;

/// <summary><c>bulwark footprint</c>: the DESIGN §7 keys, the files of <c>--out</c>, and bad input.</summary>
public class FootprintCommandTests
{
    // Sejjil-2 from Tabriz over Romania and Bulgaria at 2°: 8 cells, a few seconds.
    private static readonly string[] Small = ["footprint", "--architecture", "epaa-phase-3-2018", "--missile", "sejjil-2", "--from", "tabriz", "--region", "40,22,48,30", "--step-deg", "2"];

    [Fact]
    public void JsonHasTheContractKeysAndOutWritesTheRasterPolygonsAndMap()
    {
        string dir = CliRunner.TempDir();
        var result = CliRunner.Run([.. Small, "--format", "json", "--out", dir]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        using var doc = JsonDocument.Parse(result.Stdout);
        JsonElement root = doc.RootElement;
        foreach (string key in new[] { "architecture", "missile", "launch", "cells", "defended_cells", "defended_area_km2", "countries" })
        {
            Assert.True(root.TryGetProperty(key, out _), $"missing {key}");
        }

        Assert.Equal(16, root.GetProperty("cells").GetInt32());
        Assert.False(root.GetProperty("grid").GetProperty("adaptive").GetBoolean());      // --step-deg: uniform
        var countries = root.GetProperty("countries").EnumerateArray().ToList();
        Assert.Equal(29, countries.Count);                                  // the 28 of 2010 and Russia
        foreach (JsonElement c in countries)
        {
            foreach (string key in new[] { "iso3", "name", "area_defended_pct", "population_defended_pct" })
            {
                Assert.True(c.TryGetProperty(key, out _), $"missing {key}");
            }
        }

        foreach (string file in new[] { "footprint.json", "footprint-cells.csv", "footprint-defended.asc", "footprint-defended.geojson", "footprint.png" })
        {
            Assert.True(File.Exists(Path.Combine(dir, file)), file);
        }

        Assert.Equal(result.Stdout, File.ReadAllText(Path.Combine(dir, "footprint.json")));
        var rows = File.ReadAllLines(Path.Combine(dir, "footprint-cells.csv"));
        Assert.Equal(17, rows.Length);
        Assert.Equal(root.GetProperty("defended_cells").GetInt32(), rows.Count(r => r.Contains(",defended,", StringComparison.Ordinal)));
        using var geo = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "footprint-defended.geojson")));
        Assert.Equal("MultiPolygon", geo.RootElement.GetProperty("features")[0].GetProperty("geometry").GetProperty("type").GetString());
        byte[] png = File.ReadAllBytes(Path.Combine(dir, "footprint.png"));
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], png[..4]);
    }

    [Fact]
    public void ResolutionDegGivesAnAdaptiveGridOfThoseCells()
    {
        // The small box at an effective 1° from 4° blocks: 64 cells of 1°, fewer evaluated. (So small a box gives each
        // block few neighbours to compare with: agreement with the uniform grid is checked on larger boxes,
        // AdaptiveFootprintTests and the explicit 0.5° validation.)
        var r = CliRunner.Run([.. Small[..^2], "--resolution-deg", "1", "--format", "json"]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        JsonElement root = doc.RootElement, grid = root.GetProperty("grid");
        Assert.True(grid.GetProperty("adaptive").GetBoolean());
        Assert.Equal((1.0, 4.0), (grid.GetProperty("step_deg").GetDouble(), grid.GetProperty("coarse_step_deg").GetDouble()));
        Assert.Equal(64, root.GetProperty("cells").GetInt32());
        Assert.InRange(root.GetProperty("evaluated_cells").GetInt32(), 4, 63);
    }

    [Fact]
    public void StepDegAndResolutionDegTogetherAreAnError()
    {
        var r = CliRunner.Run([.. Small, "--resolution-deg", "1"]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("give either --step-deg (a uniform grid) or --resolution-deg (an adaptive grid), not both", r.Stderr);
    }

    [Fact]
    public void MembersOf2024AddTheFourAndTheTableNamesThem()
    {
        var result = CliRunner.Run([.. Small, "--members", "2024"]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        foreach (string iso3 in new[] { "FIN", "SWE", "MNE", "MKD", "RUS", "ROU" })
        {
            Assert.Contains($" {iso3} ", result.Stdout, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("--missile", "no-such-missile", "no missile 'no-such-missile'")]
    [InlineData("--architecture", "no-such", "no architecture 'no-such'")]
    [InlineData("--from", "tabriz,nowhere", "--from")]
    [InlineData("--region", "40,22,48", "--region")]
    [InlineData("--step-deg", "0", "--step-deg")]
    [InlineData("--members", "2017", "--members")]
    [InlineData("--method", "guess", "--method")]
    public void BadInputIsExitCode2WithAMessage(string flag, string value, string expected)
    {
        var args = Small.ToList();
        int at = args.IndexOf(flag);
        if (at >= 0)
        {
            args[at + 1] = value;
        }
        else
        {
            args.AddRange([flag, value]);
        }

        var result = CliRunner.Run([.. args]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }
}
