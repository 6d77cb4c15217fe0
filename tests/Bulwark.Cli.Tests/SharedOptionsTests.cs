namespace Bulwark.Cli.Tests;

/// <summary>
/// The flags that several verbs share are defined once (Commands/CommonOptions) with one set of limits: footprint and
/// compare refuse the same values with the same message, when the command line is parsed (nothing is computed).
/// </summary>
public class SharedOptionsTests
{
    private static readonly string[] Footprint = ["footprint", "--architecture", "epaa-phase-3-2018", "--missile", "sejjil-2", "--from", "tabriz"];
    private static readonly string[] Compare = ["compare", "epaa-phase-3-2018"];

    [Theory]
    [InlineData("--step-deg", "0", "--step-deg: 0 is out of range; expected a step from 0.05 to 10 degrees")]
    [InlineData("--step-deg", "0.04", "--step-deg: 0.04 is out of range; expected a step from 0.05 to 10 degrees")]
    [InlineData("--step-deg", "10.5", "--step-deg: 10.5 is out of range; expected a step from 0.05 to 10 degrees")]
    [InlineData("--step-deg", "abc", "'abc'")]
    [InlineData("--resolution-deg", "0.04", "--resolution-deg: 0.04 is out of range; expected a resolution from 0.05 to 10 degrees")]
    [InlineData("--resolution-deg", "11", "--resolution-deg: 11 is out of range; expected a resolution from 0.05 to 10 degrees")]
    [InlineData("--members", "2017", "--members: 2017 is not a year with a member list; expected 2010 or 2024")]
    [InlineData("--members", "x", "'x'")]
    public void FootprintAndCompareRefuseTheSameValuesAlike(string flag, string value, string expected)
    {
        foreach (string[] verb in new[] { Footprint, Compare })
        {
            var r = CliRunner.Run([.. verb, flag, value]);
            Assert.True(r.ExitCode == 2, $"{verb[0]} {flag} {value}: exit {r.ExitCode}; {r.Stderr}");
            Assert.StartsWith("error: ", r.Stderr);
            Assert.Contains(expected, r.Stderr);
            Assert.DoesNotContain("   at ", r.Stderr);
        }
    }
}
