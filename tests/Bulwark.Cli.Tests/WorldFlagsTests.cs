using System.Text.Json;

namespace Bulwark.Cli.Tests;

/// <summary>
/// <c>--earth sphere --no-rotation</c> (DESIGN §7) work on every verb that flies (issue 13): each verb accepts them, the
/// world they ask for reaches the physics (the numbers change, or the output names the world), and an unknown Earth
/// model is a one-line error with exit code 2.
/// </summary>
public class WorldFlagsTests
{
    private static readonly string[] World = ["--earth", "sphere", "--no-rotation"];

    private static string OneThreat() => CliRunner.TempFile("world.yaml", """
        name: one threat, two worlds
        architecture: epaa-phase-3-2018
        threats:
          - { missile: sejjil-2, from: tabriz, to: bucharest }
        """);

    private static readonly string[] Footprint =
        ["footprint", "--architecture", "epaa-phase-3-2018", "--missile", "sejjil-2", "--from", "tabriz", "--region", "40,22,44,26", "--step-deg", "2", "--format", "json"];

    private static readonly string[] Deterrent =
        ["deterrent", "--architecture", "epaa-phase-1-2011", "--bases", "kozelsk", "--targets", "washington", "--format", "json", "--no-thresholds"];

    private static CliRunner.Result Ok(params string[] args)
    {
        var r = CliRunner.Run(args);
        Assert.True(r.ExitCode == 0, $"{string.Join(' ', args)}: exit {r.ExitCode}; {r.Stderr}");
        return r;
    }

    [Fact]
    public void FlySeeEngageAndDeterrentGiveOtherNumbersOnANonRotatingSphere()
    {
        string scenario = OneThreat();
        string[][] runs =
        [
            ["fly", "--missile", "sejjil-2", "--from", "tabriz", "--to", "bucharest", "--format", "json"],
            ["see", scenario, "--format", "json"],
            ["engage", scenario, "--format", "json"],
            Deterrent,
        ];
        foreach (string[] run in runs)
        {
            string wgs84 = Ok(run).Stdout, sphere = Ok([.. run, .. World]).Stdout;
            using var _ = JsonDocument.Parse(sphere);
            Assert.True(wgs84 != sphere, $"{run[0]}: the same output on the rotating WGS-84 Earth and on a non-rotating sphere");
        }
    }

    [Fact]
    public void FootprintNamesTheWorldItFlewIn()
    {
        using var wgs84 = JsonDocument.Parse(Ok(Footprint).Stdout);
        using var sphere = JsonDocument.Parse(Ok([.. Footprint, .. World]).Stdout);
        Assert.Equal("rotating WGS-84 Earth", wgs84.RootElement.GetProperty("earth").GetString());
        Assert.Equal("non-rotating spherical Earth (radius 6,371,007.18 m, no J2)", sphere.RootElement.GetProperty("earth").GetString());
    }

    [Fact]
    public void CompareStatesTheWorldInItsReportAndItsReproducingCommand()
    {
        string dir = CliRunner.TempDir();
        Ok(["compare", "epaa-phase-1-2011", "--step-deg", "10", "--no-deterrent", "--out", dir, .. World]);
        string report = File.ReadAllText(Path.Combine(dir, "report.md"));
        Assert.Contains("targeted trajectories on the non-rotating spherical Earth (radius 6,371,007.18 m, no J2)", report);
        Assert.Contains("--earth sphere --no-rotation", report);
    }

    public static TheoryData<string[]> Verbs => new()
    {
        { ["fly", "--missile", "sejjil-2", "--from", "tabriz", "--to", "bucharest"] },
        { ["see", "SCENARIO"] },
        { ["engage", "SCENARIO"] },
        { ["footprint", "--architecture", "epaa-phase-3-2018", "--missile", "sejjil-2", "--from", "tabriz"] },
        { ["deterrent", "--architecture", "epaa-phase-1-2011"] },
        { ["compare", "epaa-phase-1-2011", "--no-deterrent"] },
    };

    [Theory]
    [MemberData(nameof(Verbs))]
    public void AnUnknownEarthModelIsAOneLineErrorOnEveryVerb(string[] verb)
    {
        string[] args = [.. verb.Select(a => a == "SCENARIO" ? OneThreat() : a), "--earth", "flat"];
        var r = CliRunner.Run(args);
        Assert.True(r.ExitCode == 2, $"{verb[0]}: exit {r.ExitCode}; {r.Stderr}");
        Assert.Contains("unknown earth model 'flat'; expected wgs84 or sphere", r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);
        Assert.Single(r.Stderr.Trim().Split('\n'));
    }
}
