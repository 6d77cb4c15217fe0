using System.Text.Json;
using System.Text.RegularExpressions;

namespace Bulwark.Cli.Tests;

/// <summary>
/// <c>bulwark compare</c>: the report's files, every image and link resolving, summary.json's keys (DESIGN §7); a study
/// file of one's own, and a broken one. The regular runs use a coarse grid and skip the deterrent question to stay quick;
/// the full default run is explicit.
/// </summary>
public class CompareCommandTests
{
    private static readonly Lazy<(CliRunner.Result Result, string Dir)> Lisbon = new(() =>
    {
        string dir = CliRunner.TempDir();
        return (CliRunner.Run("compare", "lisbon-2010", "--step-deg", "10", "--no-deterrent", "--out", dir), dir);
    });

    [Fact]
    public void LisbonReportHasEveryArchitectureAndEveryImageResolves()
    {
        var (result, dir) = Lisbon.Value;
        Assert.True(result.ExitCode == 0, result.Stderr);
        AssertReportResolves(dir);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")));
        var ids = summary.RootElement.GetProperty("architectures").EnumerateArray().Select(a => a.GetProperty("id").GetString()).ToList();
        Assert.Equal(
            ["third-site-2007", "epaa-phase-1-2011", "epaa-phase-2-2015", "epaa-phase-3-2018", "epaa-phase-4-2020", "nato-russia-shared-radars", "nato-russia-sectoral"],
            ids);
        foreach (JsonElement a in summary.RootElement.GetProperty("architectures").EnumerateArray())
        {
            var classes = a.GetProperty("threat_classes").EnumerateArray().ToList();
            Assert.Equal(["mrbm", "irbm", "icbm-us"], classes.Select(c => c.GetProperty("id").GetString()));
            foreach (JsonElement c in classes)
            {
                Assert.True(c.GetProperty("defended_area_km2").GetDouble() <= c.GetProperty("threatened_area_km2").GetDouble());
                Assert.True(c.GetProperty("population_defended").GetDouble() <= c.GetProperty("population_threatened").GetDouble());
                Assert.True(c.GetProperty("members_fully_covered").GetInt32() >= 0);
                Assert.Equal(28, c.GetProperty("members").GetArrayLength());
            }

            Assert.Equal(JsonValueKind.Null, a.GetProperty("russian_tracks_engageable").ValueKind);
        }

        Assert.Equal(2, summary.RootElement.GetProperty("russian_participation").GetArrayLength());
        Assert.NotEmpty(summary.RootElement.GetProperty("assumptions").EnumerateArray());
        Assert.Contains("third-site-2007", result.Stdout);
    }

    [Fact]
    public void TheReportSaysHowToReproduceItAndCitesItsInputs()
    {
        var (result, dir) = Lisbon.Value;
        Assert.Equal(0, result.ExitCode);
        string md = File.ReadAllText(Path.Combine(dir, "report.md"));
        Assert.Contains($"bulwark compare lisbon-2010 --out {dir} --step-deg 10 --no-deterrent", md);
        Assert.Contains("bulwark footprint --architecture epaa-phase-3-2018 --missile sejjil-3 --from tabriz,semnan", md);
        Assert.Contains("## Assumptions and sources", md);
        Assert.Contains("| sm-3-iia | burnout speed | 4.5 km/s | notional |", md);
        Assert.Contains("## What Russian participation adds over epaa-phase-3-2018", md);
    }

    [Fact]
    public void TheSameInputsGiveTheSameBytes()
    {
        string a = CliRunner.TempDir(), b = CliRunner.TempDir();
        Assert.Equal(0, CliRunner.Run("compare", "epaa-phase-1-2011", "epaa-phase-3-2018", "--step-deg", "10", "--no-deterrent", "--out", a).ExitCode);
        Assert.Equal(0, CliRunner.Run("compare", "epaa-phase-1-2011", "epaa-phase-3-2018", "--step-deg", "10", "--no-deterrent", "--out", b).ExitCode);
        Assert.True(File.ReadAllBytes(Path.Combine(a, "summary.json")).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(b, "summary.json"))));
        foreach (string name in new[] { "report.md", "report.html" })
        {
            // The reports quote the command that made them, --out included: the one difference allowed.
            Assert.Equal(File.ReadAllText(Path.Combine(a, name)), File.ReadAllText(Path.Combine(b, name)).Replace(b, a, StringComparison.Ordinal));
        }

        foreach (string png in Directory.GetFiles(a, "*.png").Select(Path.GetFileName)!)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(a, png)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(b, png))), png);
        }
    }

    [Theory]
    [InlineData("no-such-architecture", "'no-such-architecture' is not an architecture")]
    [InlineData("--members", "2015")]
    [InlineData("--step-deg", "0")]
    public void BadInputIsAClearErrorWithExitCodeTwo(string first, string second)
    {
        string[] args = first.StartsWith("--", StringComparison.Ordinal) ? ["compare", first, second] : ["compare", first];
        var r = CliRunner.Run(args);
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("error: ", r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);
        if (!first.StartsWith("--", StringComparison.Ordinal))
        {
            Assert.Contains(second, r.Stderr);
        }
    }

    /// <summary>A study of one's own, not shipped (docs/studies.md): small and coarse, so quick.</summary>
    private const string MyStudy = """
        study: my-study
        name: "My study: EPAA phase 3 against the Sejjil-2 over south-east Europe"
        description: One architecture, one threat class, a coarse grid.
        architectures: [epaa-phase-3-2018]
        threat_classes:
          - id: mrbm-se
            label: Sejjil-2 from Tabriz at south-east Europe
            missile: sejjil-2
            launch: [tabriz]
            region: { min_lat_deg: 36, min_lon_deg: 20, max_lat_deg: 46, max_lon_deg: 30 }
        members_year: 2024
        step_deg: 5
        deterrent: false
        provenance:
          "*": { confidence: notional, source: bulwark-placeholder, calibrated_to: "a small test study" }
        """;

    [Fact]
    public void AStudyFileRunsAndTheFlagsOverrideIt()
    {
        string study = CliRunner.TempFile("my-study.yaml", MyStudy);
        string dir = CliRunner.TempDir();
        var r = CliRunner.Run("compare", study, "--step-deg", "10", "--out", dir);
        Assert.True(r.ExitCode == 0, r.Stderr);
        AssertReportResolves(dir);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")));
        JsonElement root = summary.RootElement;
        Assert.Equal(10, root.GetProperty("step_deg").GetDouble());
        Assert.Equal(2024, root.GetProperty("members_year").GetInt32());
        JsonElement c = Assert.Single(root.GetProperty("threat_classes").EnumerateArray().ToList());
        Assert.Equal(("mrbm-se", "sejjil-2", "36,20,46,30"), (c.GetProperty("id").GetString(), c.GetProperty("missile").GetString(), c.GetProperty("region").GetString()));
        JsonElement a = Assert.Single(root.GetProperty("architectures").EnumerateArray().ToList());
        Assert.Equal("epaa-phase-3-2018", a.GetProperty("id").GetString());
        Assert.Equal(32, a.GetProperty("threat_classes")[0].GetProperty("members").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, a.GetProperty("russian_tracks_engageable").ValueKind);
        string md = File.ReadAllText(Path.Combine(dir, "report.md"));
        Assert.StartsWith("# My study: EPAA phase 3 against the Sejjil-2 over south-east Europe\n", md);
        // The study's own values need no flags; the one that changed it does.
        Assert.Contains($"bulwark compare {study} --out {dir} --step-deg 10\n", md);
        Assert.Contains("--region 36,20,46,30 --step-deg 10 --members 2024", md);
    }

    [Fact]
    public void AStudyWithAResolutionIsAdaptiveAndStepDegMakesItUniform()
    {
        string study = CliRunner.TempFile("my-adaptive-study.yaml", MyStudy.Replace("step_deg: 5", "resolution_deg: 5", StringComparison.Ordinal));
        string dir = CliRunner.TempDir();
        var r = CliRunner.Run("compare", study, "--out", dir);
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")));
        Assert.True(summary.RootElement.GetProperty("adaptive").GetBoolean());
        Assert.Equal(5, summary.RootElement.GetProperty("step_deg").GetDouble());
        string md = File.ReadAllText(Path.Combine(dir, "report.md"));
        Assert.Contains($"bulwark compare {study} --out {dir}\n", md);
        Assert.Contains("--region 36,20,46,30 --resolution-deg 5 --members 2024", md);

        string both = CliRunner.TempFile("both.yaml", MyStudy.Replace("step_deg: 5", "step_deg: 5\nresolution_deg: 5", StringComparison.Ordinal));
        var bad = CliRunner.Run("compare", both, "--out", CliRunner.TempDir());
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("give either resolution_deg (an adaptive grid) or step_deg (a uniform grid), not both", bad.Stderr);
    }

    /// <summary>(description, replaced, replacement, expected line:column and key, words of the message).</summary>
    public static TheoryData<string, string, string, string, string> BrokenStudies => new()
    {
        { "misspelt key", "step_deg: 5", "step_degs: 5", ":12:1: step_degs: ", "unknown key; expected one of" },
        { "bad number", "step_deg: 5", "step_deg: 5x", ":12:11: step_deg: ", "expected a number, got '5x'" },
        { "unknown architecture", "[epaa-phase-3-2018]", "[epaa-phase-9]", ":4:17: architectures[0]: ", "no architecture 'epaa-phase-9'" },
        { "unknown missile", "missile: sejjil-2", "missile: sejjil-9", ":8:14: threat_classes[0].missile: ", "no missile 'sejjil-9'" },
        { "unknown place", "launch: [tabriz]", "launch: [atlantis]", ":9:14: threat_classes[0].launch[0]: ", "no place 'atlantis'" },
        { "bad YAML", "launch: [tabriz]", "launch: [tabriz", ":", "not valid YAML" },
        { "not a study", "study: my-study\n", "", ":1:1: ", "not a study file: expected a top-level 'study:' key" },
    };

    [Theory]
    [MemberData(nameof(BrokenStudies))]
    public void ABrokenStudyFileIsALocatedOneLineErrorWithExitCodeTwo(string description, string replaced, string replacement, string where, string expected)
    {
        Assert.Contains(replaced, MyStudy);
        string study = CliRunner.TempFile("broken.yaml", MyStudy.Replace(replaced, replacement, StringComparison.Ordinal));
        var r = CliRunner.Run("compare", study, "--out", CliRunner.TempDir());
        Assert.True(r.ExitCode == 2, $"{description}: exit {r.ExitCode}; {r.Stderr}");
        Assert.StartsWith($"error: {study}{where}", r.Stderr);
        Assert.Contains(expected, r.Stderr);
        Assert.Single(r.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Equal("", r.Stdout);
    }

    [Fact]
    public void AMissingStudyFileIsAnErrorWithExitCodeTwo()
    {
        var r = CliRunner.Run("compare", "no-such-study.yaml");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("error: no-such-study.yaml: no such file\n", r.Stderr);
    }

    /// <summary>The full default run, deterrent included (minutes): the README's main command.</summary>
    [Fact(Explicit = true)]
    public void TheDefaultLisbonRunProducesACompleteReport()
    {
        string dir = CliRunner.TempDir();
        var r = CliRunner.Run("compare", "lisbon-2010", "--out", dir);
        Assert.True(r.ExitCode == 0, r.Stderr);
        AssertReportResolves(dir);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")));
        Assert.Equal(7, summary.RootElement.GetProperty("architectures").GetArrayLength());
        Assert.All(summary.RootElement.GetProperty("architectures").EnumerateArray(),
            a => Assert.Equal(JsonValueKind.Number, a.GetProperty("russian_tracks_engageable").ValueKind));
    }

    /// <summary>report.html: every image embedded as a PNG data URI, no link leaves the page; report.md: every image file exists.</summary>
    private static void AssertReportResolves(string dir)
    {
        string html = File.ReadAllText(Path.Combine(dir, "report.html"));
        var sources = Regex.Matches(html, "<img src=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(sources);
        foreach (string s in sources)
        {
            Assert.StartsWith("data:image/png;base64,", s);
            byte[] png = Convert.FromBase64String(s["data:image/png;base64,".Length..]);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        }

        Assert.DoesNotMatch("<a href=\"(?!#)", html);
        string md = File.ReadAllText(Path.Combine(dir, "report.md"));
        var links = Regex.Matches(md, @"!\[[^\]]*\]\(([^)]+)\)").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(sources.Count, links.Count);
        Assert.All(links, l => Assert.True(File.Exists(Path.Combine(dir, l)), l));
        Assert.DoesNotContain(Directory.EnumerateDirectories(dir), d => Path.GetFileName(d).StartsWith(".bulwark-staging", StringComparison.Ordinal));
    }
}
