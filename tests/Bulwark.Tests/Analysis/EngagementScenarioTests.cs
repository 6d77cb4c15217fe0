using Bulwark.Analysis;
using Bulwark.Catalog;
using Bulwark.Flight;
using Bulwark.Tests.Validation;

namespace Bulwark.Tests.Analysis;

/// <summary>
/// Engagement across architectures (issue "Engagement", acceptance): for the Iranian MRBM/IRBM threats at European
/// capitals in their range, EPAA phase 3 (2018) has at least as many shot opportunities as phase 1 (2011). Both are
/// printed in the message.
/// </summary>
public class EngagementScenarioTests
{
    private static IReadOnlyList<ThreatEngagement> Engage(string architecture)
    {
        string text = $"name: {architecture} against iran-to-europe\narchitecture: {architecture}\nthreats: iran-to-europe\n";
        Scenario s = ScenarioLoader.Load($"{architecture}.yaml", text);
        AnalysisContext context = TestData.Context(s.Catalog);
        return context.SeeAndEngage(s.Architecture!, context.Fly(s.Threats));
    }

    [Fact]
    [ValidationCase(ValidationArea.Engagement, "EPAA phase 3 has at least as many shot opportunities as phase 1 against Iranian MRBMs/IRBMs",
        Source = "issue \"Engagement\" acceptance; the EPAA's stated purpose (REFERENCES.md §1: phases add interceptors and sites)",
        Tolerance = "phase 3 ≥ phase 1 for every MRBM/IRBM threat of iran-to-europe, and more in total",
        Why = "a qualitative property: pass or fail")]
    public void PhaseThreeHasAtLeastAsManyShotsAsPhaseOneAgainstIranianMissilesAtEurope()
    {
        var phase1 = Engage("epaa-phase-1-2011");
        var phase3 = Engage("epaa-phase-3-2018");
        string table = string.Join("\n", phase1.Zip(phase3).Select(p =>
            $"{p.First.Threat.Threat.Id}: phase 1 {p.First.ShotsPossible} shots (p_kill {p.First.PKill:F3}), phase 3 {p.Second.ShotsPossible} shots (p_kill {p.Second.PKill:F3})"));
        Console.WriteLine(table);
        var mrbmIrbm = phase1.Zip(phase3).Where(p => p.First.Threat.Threat.MissileId != "iran-icbm").ToList();
        Assert.NotEmpty(mrbmIrbm);
        Assert.True(mrbmIrbm.All(p => p.Second.ShotsPossible >= p.First.ShotsPossible), table);
        Assert.True(mrbmIrbm.Sum(p => p.Second.ShotsPossible) > mrbmIrbm.Sum(p => p.First.ShotsPossible), table);
        ValidationLog.Measured($"shots against the {mrbmIrbm.Count} MRBM/IRBM threats: phase 1 {mrbmIrbm.Sum(p => p.First.ShotsPossible)}, phase 3 {mrbmIrbm.Sum(p => p.Second.ShotsPossible)}");
    }
}
