using System.Text.Json;

namespace Bulwark.Cli.Tests;

/// <summary><c>bulwark raid SCENARIO</c>: the DESIGN §7 keys, thread-count independence, plots, paired comparison, bad input.</summary>
public class RaidCommandTests
{
    /// <summary>
    /// Six Sejjil-2 at Athens over a minute against Deveselu's battery alone with EPAA phase 3's sensors (the engage verb
    /// finds its SM-3 IB can engage this track), and a second architecture that is the same battery with 4 interceptors instead of 24.
    /// </summary>
    private static string Scenario() => CliRunner.TempFile("raid.yaml", $$"""
        name: six at Athens
        architecture: deveselu-only
        define:
          architectures:
        {{Deveselu("deveselu-only", "Deveselu alone", 24)}}
        {{Deveselu("deveselu-four", "Deveselu with four interceptors", 4)}}
        raid:
          missiles:
            - { missile: sejjil-2, from: tabriz, to: athens, count: 6 }
          window: { spread_s: 60 }
          launch_time_uncertainty_s: 10
          sensor_delay_max_s: 5
        """);

    private static string Deveselu(string id, string name, int inventory) => $$"""
            - id: {{id}}
              name: "{{name}}"
              year: 2016
              status: proposed
              batteries: [ { id: deveselu-sm3, place: deveselu, interceptor: sm-3-ib, inventory_count: {{inventory}}, coalition: nato, launcher_count: 3, min_launch_interval_s: 5 } ]
              sensors:
                - { id: kurecik-tpy2, sensor: an-tpy-2, place: kurecik, boresight_az_deg: 98.6, coalition: nato }
                - { id: deveselu-spy1, sensor: an-spy-1, place: deveselu, coalition: nato }
                - { id: redzikowo-spy1, sensor: an-spy-1, place: redzikowo, coalition: nato }
                - { id: east-med-spy1, sensor: an-spy-1, place: east-mediterranean-station, coalition: nato }
                - { id: fylingdales-uewr, sensor: uewr-fylingdales, place: fylingdales, coalition: nato }
                - { id: sbirs, sensor: sbirs, coalition: nato }
              network: { latency_s: 5 }
              engage_on_remote: true
              provenance: { "*": { confidence: notional, source: bulwark-placeholder, calibrated_to: test } }
        """;

    /// <summary>
    /// The same seed gives byte-identical JSON with 1 and 2 threads, with the DESIGN §7 keys; --out writes the JSON and
    /// the two plots as PNGs (their byte stability is tested in Bulwark.Tests, RaidPlotsTests).
    /// </summary>
    [Fact]
    public void JsonIsByteIdenticalWithOneAndTwoThreadsAndHasTheContractKeys()
    {
        string file = Scenario();
        string dir = CliRunner.TempDir();
        var one = CliRunner.Run("raid", file, "--trials", "3000", "--seed", "11", "--threads", "1", "--format", "json", "--out", dir);
        Assert.True(one.ExitCode == 0, one.Stderr);
        var two = CliRunner.Run("raid", file, "--trials", "3000", "--seed", "11", "--threads", "2", "--format", "json");
        Assert.True(two.ExitCode == 0, two.Stderr);
        Assert.Equal(one.Stdout, two.Stdout);

        using var doc = JsonDocument.Parse(one.Stdout);
        Assert.Equal(3000, doc.RootElement.GetProperty("trials").GetInt32());
        Assert.Equal(11, doc.RootElement.GetProperty("seed").GetInt32());
        JsonElement a = doc.RootElement.GetProperty("architectures")[0];
        foreach (string key in new[] { "id", "mean_leakers", "p_zero_leakers", "p_zero_leakers_ci95", "interceptors_used_mean", "batteries", "targets", "leaker_distribution" })
        {
            Assert.True(a.TryGetProperty(key, out _), $"missing {key}");
        }

        double p = a.GetProperty("p_zero_leakers").GetDouble();
        var ci = a.GetProperty("p_zero_leakers_ci95").EnumerateArray().Select(x => x.GetDouble()).ToList();
        Assert.True(ci[0] <= p && p <= ci[1], $"{p} outside [{ci[0]}, {ci[1]}]");
        Assert.True(a.GetProperty("interceptors_used_mean").GetDouble() > 0, "Deveselu engages the Athens track (see the engage verb)");
        Assert.Equal(1.0, a.GetProperty("leaker_distribution").EnumerateArray().Sum(x => x.GetDouble()), 5);

        Assert.Equal(one.Stdout, File.ReadAllText(Path.Combine(dir, "raid.json")));
        byte[] png = File.ReadAllBytes(Path.Combine(dir, "leakers.png"));
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], png.Take(4));
        Assert.True(File.Exists(Path.Combine(dir, "inventory-deveselu-only.png")));
    }

    /// <summary>
    /// --architectures runs both on common random numbers and reports B − A with an interval: four interceptors
    /// instead of 24 against six missiles cannot leak fewer, and the table names when the four ran out.
    /// </summary>
    [Fact]
    public void PairedComparisonReportsDifferencesAndWhenInventoryRanOut()
    {
        string file = Scenario();
        string dir = CliRunner.TempDir();
        var table = CliRunner.Run("raid", file, "--architectures", "deveselu-only,deveselu-four", "--trials", "2000", "--out", dir);
        Assert.True(table.ExitCode == 0, table.Stderr);
        Assert.Contains("Differences from deveselu-only", table.Stdout);
        Assert.Contains("ran out at", table.Stdout);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "raid.json")));
        JsonElement d = doc.RootElement.GetProperty("differences")[0];
        Assert.Equal("deveselu-four", d.GetProperty("id").GetString());
        Assert.Equal("deveselu-only", d.GetProperty("baseline").GetString());
        JsonElement leakers = d.GetProperty("mean_leakers");
        Assert.True(leakers.GetProperty("mean").GetDouble() >= 0);
        var ci = leakers.GetProperty("ci95").EnumerateArray().Select(x => x.GetDouble()).ToList();
        Assert.True(ci[0] <= leakers.GetProperty("mean").GetDouble() && leakers.GetProperty("mean").GetDouble() <= ci[1]);
        JsonElement four = doc.RootElement.GetProperty("architectures")[1].GetProperty("batteries")[0];
        if (four.GetProperty("ran_out_fraction").GetDouble() > 0)
        {
            Assert.True(four.GetProperty("ran_out_mean_s").GetDouble() > 0);
        }

    }

    [Theory]
    [InlineData("--trials", "0", "--trials")]
    [InlineData("--threads", "0", "--threads")]
    [InlineData("--architectures", "epaa-phase-9", "no architecture 'epaa-phase-9'")]
    [InlineData("--format", "csv", "raid prints table or json")]
    public void BadFlagsExitWithCode2(string flag, string value, string message)
    {
        var result = CliRunner.Run("raid", Scenario(), flag, value);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public void AScenarioWithoutARaidIsBadInput()
    {
        var result = CliRunner.Run("raid", Path.Combine(AppContext.BaseDirectory, "scenarios", "epaa-phase-3-2018-vs-iran-to-europe.yaml"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("raid: missing", result.Stderr);
    }
}
