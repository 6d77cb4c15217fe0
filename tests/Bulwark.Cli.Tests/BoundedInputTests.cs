namespace Bulwark.Cli.Tests;

/// <summary>
/// Issue 18 items 1–3: hostile inputs (deep nesting, endless files, flights that never end, unflyable threats, absurd
/// numbers and flags) each answered with one line on stderr and exit 2, bounded in time and memory.
/// </summary>
public class BoundedInputTests
{
    private const string Orbit = """
        earth: { model: wgs84 }
        atmosphere: ussa1976
        vehicle: { mass_kg: 100, reference_area_m2: 0.1, cd: 0.3 }
        initial: { lat_deg: 0, lon_deg: 0, alt_m: 300000, v_north_m_s: 0, v_east_m_s: 7730, v_down_m_s: 0 }
        stop: { altitude_m: 0 }
        """;

    private static readonly string Scenario = Path.Combine(AppContext.BaseDirectory, "scenarios", "epaa-phase-1-2011-vs-iran-to-europe.yaml");

    [Theory]
    [InlineData("validate")]
    [InlineData("see")]
    [InlineData("engage")]
    public void DeeplyNestedYamlIsRefusedNotAStackOverflow(string verb)
    {
        string path = CliRunner.TempFile("deep.yaml", "architecture: " + new string('[', 30_000) + new string(']', 30_000) + "\n");
        var result = CliRunner.Run(verb, path);
        AssertOneLine(result, path + ":1:", "nested more than 64 deep");
    }

    [Fact]
    public void AnEndlessInputIsReadOnlyUpToTheLimit()
    {
        if (!File.Exists("/dev/zero"))
        {
            return;
        }

        long before = GC.GetTotalMemory(false);
        var result = CliRunner.Run("validate", "/dev/zero");
        AssertOneLine(result, "/dev/zero: ", "larger than 16 MiB");
        Assert.True(GC.GetTotalMemory(true) - before < 200L * 1024 * 1024);
    }

    [Fact]
    public void ATinyOutputStepNamesTheRowLimitAndTheFlag()
    {
        var result = CliRunner.Run("fly", CliRunner.Example("flights", "nesc-09-eastward-cannonball.yaml"), "--step-s", "0.000001");
        AssertOneLine(result, "--step-s: ", "more than 1,000,000 rows");
    }

    [Theory]
    [InlineData("fly")]
    [InlineData("validate")]
    public void AnOrbitThatNeverComesDownIsBadInputInFlyAndValidateAlike(string verb)
    {
        string path = CliRunner.TempFile("orbit.yaml", Orbit);
        var result = CliRunner.Run(verb, path);
        AssertOneLine(result, path + ":5:7: stop: ", "within 100,000 s, the longest a flight may last");
    }

    [Theory]
    [InlineData("stop: { time_s: 1e9 }", ":5:17: stop.time_s: ", "at most 100,000")]
    [InlineData("mass_kg: 4.9e-324", ":3:21: vehicle.mass_kg: ", "expected a mass in kg of at least 0.001")]
    public void FlightsThatCannotBeFlownAreRejectedByValidateWithFlysMessage(string replacement, string where, string expected)
    {
        string text = replacement.StartsWith("stop", StringComparison.Ordinal)
            ? Orbit.Replace("stop: { altitude_m: 0 }", replacement)
            : Orbit.Replace("mass_kg: 100", replacement);
        string path = CliRunner.TempFile("flight.yaml", text);
        var fly = CliRunner.Run("fly", path);
        var validate = CliRunner.Run("validate", path);
        AssertOneLine(fly, path + where, expected);
        Assert.Equal(fly.Stderr, validate.Stderr);
        Assert.Equal(2, validate.ExitCode);
    }

    [Theory]
    [InlineData("to: berlin", "threat 'bad': shahab-3 from tabriz to berlin cannot be flown", "maximum range of")]
    public void AScenarioThreatOutOfRangeIsBadInputNamingTheThreat(string to, string expected, string range)
    {
        string path = CliRunner.TempFile("far.yaml", $"name: far\narchitecture: epaa-phase-1-2011\nthreats:\n  - {{ id: bad, missile: shahab-3, from: tabriz, {to} }}\n");
        foreach (string verb in new[] { "see", "engage" })
        {
            var result = CliRunner.Run(verb, path);
            AssertOneLine(result, path + ": ", expected);
            Assert.Contains(range, result.Stderr);
        }
    }

    [Fact]
    public void AThreatAimedAtItsLaunchPlaceIsALocatedError()
    {
        string path = CliRunner.TempFile("same.yaml", "name: same\narchitecture: epaa-phase-1-2011\nthreats:\n  - { id: bad, missile: shahab-3, from: tabriz, to: tabriz }\n");
        foreach (string verb in new[] { "validate", "see", "engage" })
        {
            AssertOneLine(CliRunner.Run(verb, path), path + ":4:", "aimed at its own launch place 'tabriz'");
        }
    }

    [Fact]
    public void AnEndlessRaidWindowIsALocatedError()
    {
        string raid = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "scenarios", "raid-iran-10-on-europe-epaa-phase-3-2018.yaml"))
            .Replace("spread_s: 120", "spread_s: 1e308");
        string path = CliRunner.TempFile("raid.yaml", raid);
        AssertOneLine(CliRunner.Run("raid", path), path + ":", "raid.window.spread_s: 1E+308 is out of range; expected a window length in seconds from 0 to 86,400");
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("-5")]
    public void ABadCoverageAltitudeIsRefused(string value) =>
        AssertOneLine(CliRunner.Run("see", Scenario, "--coverage-altitude-km", value), "--coverage-altitude-km: ", "expected a target altitude in km from 0 to 10,000");

    [Fact]
    public void AnEmptyOutFolderIsRefused() =>
        AssertOneLine(CliRunner.Run("fly", CliRunner.Example("flights", "nesc-01-dropped-sphere.yaml"), "--out", ""), "--out: ", "is not a folder name");

    [Theory]
    [InlineData("90,0")]
    [InlineData("-90,0")]
    public void ALaunchFromAPoleIsRefused(string from) =>
        AssertOneLine(CliRunner.Run("fly", "--missile", "shahab-3", "--from", from, "--to", "85,120"), "error: a launch at latitude", "within 0.01° of a pole");

    [Theory]
    [InlineData(new[] { "fly", "x.yaml", "--step-s", "abc" }, "error: --step-s: 'abc' is not a number")]
    [InlineData(new[] { "raid", "x.yaml", "--seed", "2.5" }, "error: --seed: '2.5' is not a whole number")]
    [InlineData(new[] { "flyy" }, "error: unknown verb 'flyy'; expected one of: fly, ")]
    [InlineData(new[] { "see", "--coverage-altitude-km" }, "error: --coverage-altitude-km: missing value")]
    [InlineData(new[] { "serve", "--scenarios", "/nonexistent-bulwark" }, "--scenarios: '/nonexistent-bulwark' is not a folder")]
    public void ArgumentErrorsAreOneLineWithoutDotNetTypes(string[] args, string expected)
    {
        var result = CliRunner.Run(args);
        AssertOneLine(result, "error: ", expected);
        Assert.DoesNotContain("System.", result.Stderr);
    }

    [Fact]
    public void AFractionalCountIsAnErrorNotTruncated()
    {
        string raid = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "scenarios", "raid-iran-10-on-europe-epaa-phase-3-2018.yaml"));
        string path = CliRunner.TempFile("raid.yaml", System.Text.RegularExpressions.Regex.Replace(raid, @"count: \d+", "count: 2.5"));
        AssertOneLine(CliRunner.Run("validate", path), path + ":", "count: 2.5 is not a whole number");
    }

    [Fact]
    public void DuplicateThreatIdsAreALocatedError()
    {
        string path = CliRunner.TempFile("dup.yaml", "name: dup\narchitecture: epaa-phase-1-2011\nthreats:\n  - { id: a, missile: shahab-3, from: tabriz, to: ankara }\n  - { id: a, missile: ghadr-1, from: tabriz, to: ankara }\n");
        AssertOneLine(CliRunner.Run("validate", path), path + ":5:11: threats[1].id: ", "a second threat with id 'a'");
    }

    [Fact]
    public void ANumberInQuotesIsText()
    {
        string path = CliRunner.TempFile("flight.yaml", Orbit.Replace("mass_kg: 100", "mass_kg: \"5\""));
        AssertOneLine(CliRunner.Run("fly", path), path + ":3:21: vehicle.mass_kg: ", "got the text '5' (in quotes)");
    }

    [Fact]
    public void WhenOneOutputFileCannotBeWrittenNoneStays()
    {
        string dir = CliRunner.TempDir();
        Directory.CreateDirectory(Path.Combine(dir, "trajectory.kml"));
        var result = CliRunner.Run("fly", CliRunner.Example("flights", "nesc-01-dropped-sphere.yaml"), "--out", dir);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(["trajectory.kml"], Directory.GetFileSystemEntries(dir).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("see", "architecture: missing")]
    [InlineData("raid", "raid: missing")]
    public void AMissingTopLevelKeyIsLocatedAtTheTopLevelMapping(string verb, string expected)
    {
        string path = CliRunner.TempFile("noarch.yaml", "# a comment\nname: x\nthreats: iran-to-europe\n");
        AssertOneLine(CliRunner.Run(verb, path), path + ":2:1: ", expected);
    }

    private static void AssertOneLine(CliRunner.Result result, string where, string expected)
    {
        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}; stderr: {result.Stderr}");
        Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Contains(where, result.Stderr);
        Assert.Contains(expected, result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
        Assert.DoesNotContain("Exception", result.Stderr);
    }
}
