using Bulwark.Catalog;
using Bulwark.Engagement;
using Bulwark.Raids;

namespace Bulwark.Tests.Raids;

/// <summary>Small synthetic raids: no physics, only opportunities, so the battle manager can be checked against arithmetic.</summary>
internal static class RaidTestProblems
{
    /// <summary>Opportunities every 10 s: launches from <paramref name="firstLaunchS"/> on, each intercepting 100 s after its launch.</summary>
    public static IReadOnlyList<Opportunity> Window(double firstLaunchS, double lastLaunchS) =>
        [.. Enumerable.Range(0, (int)((lastLaunchS - firstLaunchS) / 10) + 1).Select(k => new Opportunity(firstLaunchS + 10 * k, firstLaunchS + 10 * k + 100))];

    /// <summary>One missile kind engaged by each battery with the same window.</summary>
    public static MissileKind Kind(string target, int batteries, double firstLaunchS, double lastLaunchS, double value = 1) =>
        new($"k-{target}", target, value, lastLaunchS + 200, [.. Enumerable.Range(0, batteries).Select(_ => new KindAtBattery(firstLaunchS, Window(firstLaunchS, lastLaunchS)))]);

    public static RaidMissile Missile(int i, double launchS, int kind = 0) => new($"m{i}", launchS, [(kind, 1.0)]);
}
