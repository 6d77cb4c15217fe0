using Bulwark.Engagement;

namespace Bulwark.Raids;

/// <summary>A battery as the battle manager sees it: its inventory, launchers and interceptor's single-shot Pk.</summary>
/// <param name="Id">battery id</param>
/// <param name="InterceptorId">its interceptor</param>
/// <param name="Inventory">interceptors at the start of the raid</param>
/// <param name="Launchers">launchers that can fire at once</param>
/// <param name="MinLaunchIntervalS">least time one launcher needs between two launches, s</param>
/// <param name="SingleShotPk">single-shot kill probability</param>
public sealed record RaidBattery(string Id, string InterceptorId, int Inventory, int Launchers, double MinLaunchIntervalS, double SingleShotPk);

/// <summary>What one battery can do against one kind of missile launched at t = 0.</summary>
/// <param name="EarliestLaunchS">fire-control time plus reaction time, s after the missile's launch (null: never)</param>
/// <param name="Opportunities">feasible intercepts, in time order, s after the missile's launch</param>
public sealed record KindAtBattery(double? EarliestLaunchS, IReadOnlyList<Opportunity> Opportunities);

/// <summary>A distinct (missile, launch place, target, shape) flown once; each raid missile of this kind shifts its times by its launch time.</summary>
/// <param name="Id">e.g. <c>sejjil-2-tabriz-bucharest</c></param>
/// <param name="TargetId">target place</param>
/// <param name="Value">what the target is worth (the assignment maximises the expected value saved)</param>
/// <param name="ImpactS">impact, s after launch</param>
/// <param name="Batteries">per battery, in the problem's battery order</param>
public sealed record MissileKind(string Id, string TargetId, double Value, double ImpactS, IReadOnlyList<KindAtBattery> Batteries);

/// <summary>One raid missile: its nominal launch time and the kinds it may be (several for a weighted target set).</summary>
/// <param name="Label">e.g. <c>sejjil-2#3</c></param>
/// <param name="LaunchS">nominal launch time, s</param>
/// <param name="Kinds">(kind index, weight) pairs; the trial draws one with probability proportional to its weight</param>
public sealed record RaidMissile(string Label, double LaunchS, IReadOnlyList<(int Kind, double Weight)> Kinds);

/// <summary>
/// A raid reduced to what the battle manager needs: no physics, only times, kill probabilities and inventories (built
/// from a scenario by <see cref="Analysis.RaidSetup"/>, or directly in tests).
/// </summary>
/// <param name="Batteries">the batteries</param>
/// <param name="Kinds">the distinct missile kinds, each engaged once</param>
/// <param name="Missiles">the raid's missiles</param>
/// <param name="Firing">firing policy</param>
/// <param name="KillAssessmentS">from an intercept to the decision to fire again, s</param>
/// <param name="MaxShotsPerThreat">interceptors one battery fires at one missile at most</param>
/// <param name="LaunchTimeUncertaintyS">each launch uniform within ± this of its nominal time, s</param>
/// <param name="SensorDelayMaxS">each missile's fire-control times late by U(0, this), s</param>
public sealed record RaidProblem(
    IReadOnlyList<RaidBattery> Batteries,
    IReadOnlyList<MissileKind> Kinds,
    IReadOnlyList<RaidMissile> Missiles,
    FiringMode Firing,
    double KillAssessmentS,
    int MaxShotsPerThreat,
    double LaunchTimeUncertaintyS = 0,
    double SensorDelayMaxS = 0)
{
    /// <summary>The distinct targets, in order of first appearance.</summary>
    public IReadOnlyList<string> Targets { get; } = [.. Kinds.Select(k => k.TargetId).Distinct()];
}
