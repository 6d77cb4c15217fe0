using System.Runtime.CompilerServices;

namespace Bulwark.Cli.Tests;

/// <summary>
/// <c>bulwark validate</c>: every shipped scenario is valid (exit 0); each invalid scenario in Data/InvalidScenarios gives
/// exactly the message in its golden <c>.expected</c> file (the path written as FILE) and exit code 2, never a stack trace.
/// To regenerate the golden files after a deliberate change of wording, run the tests with BULWARK_UPDATE_GOLDEN=1 and
/// review the diff.
/// </summary>
public class ValidateCommandTests
{
    public static TheoryData<string> ShippedScenarios => [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "scenarios"), "*.yaml").Select(f => Path.GetFileName(f)!).Order()];

    public static TheoryData<string> InvalidScenarios => [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Data", "InvalidScenarios"), "*.yaml").Select(f => Path.GetFileName(f)!).Order()];

    [Theory]
    [MemberData(nameof(ShippedScenarios))]
    public void EveryShippedScenarioIsValid(string name)
    {
        var result = CliRunner.Run("validate", Path.Combine(AppContext.BaseDirectory, "scenarios", name));
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.EndsWith(": valid\n", result.Stdout);
    }

    [Fact]
    public void ThereAreAtLeastThirtyInvalidScenarios() => Assert.True(InvalidScenarios.Count >= 30);

    [Theory]
    [MemberData(nameof(InvalidScenarios))]
    public void InvalidScenarioGivesItsGoldenMessageAndExitCode2(string name)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Data", "InvalidScenarios", name);
        var result = CliRunner.Run("validate", path);
        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain("   at ", result.Stderr);
        string actual = result.Stderr.Replace("error: " + path, "error: FILE");
        string golden = Path.ChangeExtension(path, ".expected");
        if (Environment.GetEnvironmentVariable("BULWARK_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(Path.Combine(SourceDirectory(), "Data", "InvalidScenarios", Path.GetFileName(golden)), actual);
            return;
        }

        Assert.Equal(File.ReadAllText(golden), actual);
    }

    [Fact]
    public void SeveralFilesAreCheckedAndEachProblemIsReported()
    {
        string good = Path.Combine(AppContext.BaseDirectory, "scenarios", "epaa-phase-3-2018-vs-iran-to-europe.yaml");
        string bad = Path.Combine(AppContext.BaseDirectory, "Data", "InvalidScenarios", "02-unknown-architecture.yaml");
        var result = CliRunner.Run("validate", good, bad);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{good}: valid", result.Stdout);
        Assert.Contains("no architecture 'epaa-phase-9'", result.Stderr);
    }

    [Fact]
    public void TheShippedStudyIsValidAndABrokenStudyIsALocatedError()
    {
        string good = Path.Combine(AppContext.BaseDirectory, "studies", "lisbon-2010.yaml");
        string bad = CliRunner.TempFile("study.yaml", File.ReadAllText(good).Replace("missile: sejjil-3", "missile: sejjil-4", StringComparison.Ordinal));
        var result = CliRunner.Run("validate", good, bad);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"{good}: valid\n", result.Stdout);
        Assert.Matches($"^error: {System.Text.RegularExpressions.Regex.Escape(bad)}:[0-9]+:[0-9]+: threat_classes\\[1\\]\\.missile: no missile 'sejjil-4' in the catalog", result.Stderr);
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
