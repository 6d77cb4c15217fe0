using Bulwark.Catalog;
using Bulwark.Earth;
using Bulwark.Engagement;
using Bulwark.Flight;
using Bulwark.Raids;
using Bulwark.Flight.Targeting;

namespace Bulwark.Analysis;

/// <summary>
/// Turns a scenario's raid into a <see cref="RaidProblem"/> for an architecture: flies each distinct (missile, launch
/// place, target, shape) once, launched at t = 0, engages it with every battery (<see cref="EngagementPicture"/>), and
/// lets each raid missile use its kind's opportunities shifted by its launch time (the trajectory is the same in the
/// Earth-fixed frame whenever it is launched).
/// </summary>
public static class RaidSetup
{
    /// <summary>The distinct kinds of the raid as threats, in order of first appearance.</summary>
    public static IReadOnlyList<Threat> Kinds(Raid raid) =>
        [.. raid.Groups.SelectMany(g => g.Targets.Select(t => KindOf(g, t.PlaceId))).Distinct()];

    /// <summary>Flies the raid's kinds (shared by every architecture compared).</summary>
    public static IReadOnlyList<FlownThreat> Fly(AnalysisContext context, Scenario scenario) => context.Fly(Kinds(Raid(scenario)), file: scenario.File);

    /// <summary>The raid against <paramref name="architecture"/>, from the flown kinds.</summary>
    public static RaidProblem Problem(AnalysisContext context, Scenario scenario, Architecture architecture, IReadOnlyList<FlownThreat> flown)
    {
        Raid raid = Raid(scenario);
        var engagements = context.SeeAndEngage(architecture, flown);
        var kinds = engagements.Select(e => new MissileKind(
            e.Threat.Threat.Id,
            e.Threat.Threat.ToId,
            raid.ValueOf(e.Threat.Threat.ToId),
            e.Threat.Solution.Trajectory.Final.TimeS,
            [.. e.Batteries.Select(b => new KindAtBattery(b.EarliestLaunchS, b.Opportunities))])).ToList();
        var index = kinds.Select((k, i) => (k.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var batteries = architecture.Batteries.Select(b => new RaidBattery(b.Id, b.InterceptorId, b.Inventory, b.Launchers, b.MinLaunchIntervalS,
            context.Catalog.Interceptor(b.InterceptorId).SingleShotPk)).ToList();
        var perGroup = new int[raid.Groups.Count];
        var missiles = raid.Launches.Select(l =>
        {
            RaidGroup g = raid.Groups[l.Group];
            return new RaidMissile($"{g.MissileId}#{l.Group + 1}.{++perGroup[l.Group]}", l.LaunchS,
                [.. g.Targets.Select(t => (index[KindOf(g, t.PlaceId).Id], t.Weight))]);
        }).ToList();
        return new RaidProblem(batteries, kinds, missiles, raid.Firing, architecture.Doctrine.KillAssessmentS, architecture.Doctrine.MaxShotsPerThreat,
            raid.LaunchTimeUncertaintyS, raid.SensorDelayMaxS);
    }

    private static Raid Raid(Scenario scenario) =>
        scenario.Raid ?? throw scenario.Missing("raid", "missing: `raid` needs a raid section");

    private static Threat KindOf(RaidGroup g, string to)
    {
        string shape = g.Shape == Flight.Targeting.TrajectoryShape.MinimumEnergy ? "" : "-" + Flight.Targeting.TrajectoryShapeNames.Name(g.Shape);
        return new Threat($"{g.MissileId}-{g.FromId}-{to}{shape}", g.MissileId, g.FromId, to, g.Shape);
    }
}
