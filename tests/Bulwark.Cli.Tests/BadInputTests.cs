namespace Bulwark.Cli.Tests;

/// <summary>
/// Malformed flight and missile files and flags: each gives a located, specific message on stderr and exit code 2, and
/// never a stack trace.
/// </summary>
public class BadInputTests
{
    private const string GoodFlight = """
        earth: { model: wgs84 }
        atmosphere: ussa1976
        vehicle: { mass_kg: 14.5939, reference_area_m2: 0.018241, cd: 0.1 }
        initial: { lat_deg: 0, lon_deg: 0, alt_m: 9144, v_north_m_s: 0, v_east_m_s: 0, v_down_m_s: 0 }
        stop: { time_s: 1 }
        output: { step_s: 0.5 }
        """;

    private const string GoodMissile = """
        name: test missile
        type: staged
        stages:
          - { gross_mass_kg: 14000, propellant_mass_kg: 12300, isp_vac_s: 265, burn_time_s: 50 }
          - { gross_mass_kg: 6800, propellant_mass_kg: 5900, isp_vac_s: 275, burn_time_s: 50 }
        payload_mass_kg: 750
        reentry_vehicle: { mass_kg: 650, ballistic_coefficient_kg_m2: 5000 }
        body: { diameter_m: 1.25, cd: 0.3 }
        guidance: { vertical_rise_s: 8, pitch_over_s: 10 }
        """;

    /// <summary>(description, flight-file text, expected line:column, expected key, expected words in the message).</summary>
    public static TheoryData<string, string, string, string, string> BadFlights => new()
    {
        { "missing key", GoodFlight.Replace("initial: { lat_deg: 0, lon_deg: 0, alt_m: 9144, v_north_m_s: 0, v_east_m_s: 0, v_down_m_s: 0 }\n", ""), ":1:1", "", "missing key 'initial'" },
        { "latitude 95°", GoodFlight.Replace("lat_deg: 0", "lat_deg: 95"), ":4:21", "initial.lat_deg", "expected a latitude in degrees from −90 to 90" },
        { "negative mass", GoodFlight.Replace("mass_kg: 14.5939", "mass_kg: -3"), ":3:21", "vehicle.mass_kg", "expected a mass in kg greater than 0" },
        { "wrong type", GoodFlight.Replace("mass_kg: 14.5939", "mass_kg: heavy"), ":3:21", "vehicle.mass_kg", "expected a number, got 'heavy'" },
        { "misspelt key", GoodFlight.Replace("vehicle:", "vehicel:"), ":3:1", "vehicel", "unknown key; expected one of" },
        { "unknown earth", GoodFlight.Replace("model: wgs84", "model: mars"), ":1:17", "earth.model", "unknown earth model 'mars'; expected wgs84 or sphere" },
        { "unknown atmosphere", GoodFlight.Replace("atmosphere: ussa1976", "atmosphere: jupiter"), ":2:13", "atmosphere", "unknown atmosphere 'jupiter'" },
        { "no stop condition", GoodFlight.Replace("stop: { time_s: 1 }", "stop: { }"), ":5:7", "stop", "expected time_s, altitude_m or both" },
        { "not YAML", GoodFlight.Replace("vehicle: {", "vehicle: {{"), ":3:", "", "not valid YAML" },
        { "Mach not increasing", GoodFlight.Replace("cd: 0.1", "cd: { mach: [0, 2, 1], cd: [0.1, 0.2, 0.3] }"), ":3:", "vehicle.cd.mach[2]", "strictly increasing" },
        { "Cd table lengths", GoodFlight.Replace("cd: 0.1", "cd: { mach: [0, 1, 2], cd: [0.1, 0.2] }"), ":3:", "vehicle.cd.cd", "expected 3 drag coefficients" },
        { "zero output step", GoodFlight.Replace("step_s: 0.5", "step_s: 0"), ":6:19", "output.step_s", "expected an output step in seconds greater than 0" },
        { "list for a mapping", GoodFlight.Replace("initial: { lat_deg: 0, lon_deg: 0, alt_m: 9144, v_north_m_s: 0, v_east_m_s: 0, v_down_m_s: 0 }", "initial: [0, 0, 9144]"), ":4:10", "initial", "expected a mapping of keys to values, got a list" },
        { "sphere with J2", GoodFlight.Replace("model: wgs84", "model: sphere, j2: 0.001"), ":1:", "earth.j2", "a sphere has no J2" },
        { "empty file", "", ":1:1", "", "the file is empty" },
    };

    [Theory]
    [MemberData(nameof(BadFlights))]
    public void BadFlightFileIsALocatedErrorWithExitCode2(string description, string text, string position, string key, string expected)
    {
        string path = CliRunner.TempFile("flight.yaml", text);
        var result = CliRunner.Run("fly", path);
        Assert.True(result.ExitCode == 2, $"{description}: exit {result.ExitCode}; stderr: {result.Stderr}");
        Assert.Contains(path + position, result.Stderr);
        if (key.Length > 0)
        {
            Assert.Contains($": {key}: ", result.Stderr);
        }

        Assert.Contains(expected, result.Stderr);
        AssertNoStackTrace(result);
        Assert.Equal("", result.Stdout);
    }

    /// <summary>(description, missile-file text, expected key, expected words).</summary>
    public static TheoryData<string, string, string, string> BadMissiles => new()
    {
        { "propellant heavier than the stage", GoodMissile.Replace("propellant_mass_kg: 12300", "propellant_mass_kg: 15000"), "stages[0].propellant_mass_kg", "is not lighter than the whole stage" },
        { "missing type", GoodMissile.Replace("type: staged\n", ""), "", "missing key 'type'" },
        { "unknown type", GoodMissile.Replace("type: staged", "type: catapult"), "type", "unknown missile type 'catapult'" },
        { "negative stage mass", GoodMissile.Replace("gross_mass_kg: 6800", "gross_mass_kg: -6800"), "stages[1].gross_mass_kg", "expected a stage gross mass in kg greater than 0" },
        { "payload lighter than RV", GoodMissile.Replace("payload_mass_kg: 750", "payload_mass_kg: 500"), "payload_mass_kg", "lighter than its re-entry vehicle" },
        { "cannot lift off", GoodMissile.Replace("isp_vac_s: 265", "isp_vac_s: 50"), "stages[0]", "cannot lift off" },
        { "pitch-over after burnout", GoodMissile.Replace("pitch_over_s: 10", "pitch_over_s: 60"), "guidance", "must end before the first stage burns out" },
        { "no stages", GoodMissile.Replace("  - { gross_mass_kg: 14000, propellant_mass_kg: 12300, isp_vac_s: 265, burn_time_s: 50 }\n  - { gross_mass_kg: 6800, propellant_mass_kg: 5900, isp_vac_s: 275, burn_time_s: 50 }\n", "").Replace("stages:", "stages: []"), "stages", "expected at least one stage" },
        { "both beta and cd", GoodMissile.Replace("ballistic_coefficient_kg_m2: 5000", "ballistic_coefficient_kg_m2: 5000, cd: 0.1"), "reentry_vehicle.ballistic_coefficient_kg_m2", "not both" },
    };

    [Theory]
    [MemberData(nameof(BadMissiles))]
    public void BadMissileFileIsALocatedErrorWithExitCode2(string description, string text, string key, string expected)
    {
        string path = CliRunner.TempFile("missile.yaml", text);
        var result = CliRunner.Run("fly", "--missile", path, "--from", "35.2,53.9", "--to", "44.4,26.1");
        Assert.True(result.ExitCode == 2, $"{description}: exit {result.ExitCode}; stderr: {result.Stderr}");
        Assert.Matches(System.Text.RegularExpressions.Regex.Escape(path) + @":\d+:\d+: ", result.Stderr);
        if (key.Length > 0)
        {
            Assert.Contains($": {key}: ", result.Stderr);
        }

        Assert.Contains(expected, result.Stderr);
        AssertNoStackTrace(result);
    }

    public static TheoryData<string[], string> BadFlags => new()
    {
        { ["fly", "--missile", "MISSILE", "--from", "35.2,53.9", "--to", "44.4,26.1", "--shape", "sideways"], "unknown shape 'sideways'" },
        { ["fly", "--missile", "MISSILE", "--from", "95,53.9", "--to", "44.4,26.1"], "--from: latitude 95 is out of range" },
        { ["fly", "--missile", "MISSILE", "--from", "Tehran", "--to", "44.4,26.1"], "'Tehran' is not a place" },
        { ["fly", "--missile", "MISSILE", "--from", "35.2,53.9"], "--to: missing" },
        { ["fly", "--missile", "MISSILE", "--from", "35.2,53.9", "--to", "44.4,26.1", "--apogee-km", "900"], "--apogee-km: applies only to --shape lofted" },
        { ["fly", "does-not-exist.yaml"], "does-not-exist.yaml: no such file" },
        { ["fly", "FLIGHT", "--format", "xml"], "unknown format 'xml'" },
        { ["fly", "FLIGHT", "--earth", "flat"], "unknown earth model 'flat'" },
        { ["fly", "--no-such-flag"], "--no-such-flag" },
        { ["fly"], "nothing to fly" },
    };

    [Theory]
    [MemberData(nameof(BadFlags))]
    public void BadFlagIsAClearErrorWithExitCode2(string[] args, string expected)
    {
        string missile = CliRunner.TempFile("missile.yaml", GoodMissile);
        string flight = CliRunner.TempFile("flight.yaml", GoodFlight);
        string[] resolved = [.. args.Select(a => a == "MISSILE" ? missile : a == "FLIGHT" ? flight : a)];
        var result = CliRunner.Run(resolved);
        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}; stderr: {result.Stderr}");
        Assert.Contains(expected, result.Stderr);
        AssertNoStackTrace(result);
    }

    [Fact]
    public void OutOfRangeAimPointNamesTheMaximumRange()
    {
        string missile = CliRunner.TempFile("missile.yaml", GoodMissile);
        var result = CliRunner.Run("fly", "--missile", missile, "--from", "35.2,53.9", "--to", "38.9,-77.0");
        Assert.Equal(2, result.ExitCode);
        Assert.Matches(@"beyond test missile's maximum range of \d+\.\d km in that direction", result.Stderr);
        AssertNoStackTrace(result);
    }

    private static void AssertNoStackTrace(CliRunner.Result result)
    {
        Assert.DoesNotContain("   at ", result.Stderr);
        Assert.DoesNotContain("Exception", result.Stderr);
    }
}
