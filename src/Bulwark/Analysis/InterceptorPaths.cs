using Bulwark.Catalog;
using Bulwark.Earth;
using Bulwark.Engagement;
using Bulwark.Engagement.Reach;
using Bulwark.Flight;
using Bulwark.Flight.Propagation;
using Bulwark.Flight.Vehicles;
using Bulwark.Numerics;
using Bulwark.Flight.Targeting;

namespace Bulwark.Analysis;

/// <summary>
/// The fly-out of each shot, for display (CZML, KML, GeoJSON, the globe): the program of the fly-out family that the reach
/// table found earliest at the intercept point (<see cref="ReachPoint.ElevationRad"/>), flown exactly through the point
/// (<see cref="DirectFlyout.SolveNear"/>: that program's neighbourhood searched by direct integration), from the shot's
/// launch time to its intercept time. Where no program near the table's passes through the point (the table's error at
/// the edge of the reach), the earliest fly-out through it over the whole family (<see cref="DirectFlyout.Solve"/>).
/// </summary>
public static class InterceptorPaths
{
    /// <summary>Earth-fixed samples (time s, position m) of a shot's fly-out, or empty if no fly-out passes the point.</summary>
    /// <param name="env">the world</param>
    /// <param name="interceptor">the battery's interceptor</param>
    /// <param name="site">the battery's site</param>
    /// <param name="shot">the shot (its launch time, intercept point and time)</param>
    /// <param name="table">the reach table the shot came from, whose program is drawn (null: the earliest fly-out by direct integration)</param>
    /// <param name="stepS">the sampling step of the path, s</param>
    public static IReadOnlyList<(double TimeS, Vec3 EcefM)> Of(FlightEnvironment env, Interceptor interceptor, Geodetic site, Shot shot, ReachTable? table = null,
        double stepS = 2)
    {
        var direct = new DirectFlyout(interceptor, site, new DirectFlyoutOptions { Environment = env });
        DirectFlyoutSolution solution = default;
        if (table is not null && table.Earliest(shot.Point) is { IsReachable: true } program)
        {
            solution = direct.SolveNear(shot.Point, program.ElevationRad, program.LaunchAzimuthRad, ProgramWindowRad(table));
        }

        if (!solution.Reach.IsReachable)
        {
            solution = direct.Solve(shot.Point);
        }

        if (!solution.Reach.IsReachable)
        {
            return [];
        }

        FlightPlan plan = interceptor.Rocket.Plan(env, site with { HeightM = 0 }, shot.LaunchS, solution.AzimuthRad, new ShapeControls(1, solution.ElevationRad));
        var options = new PropagationOptions(shot.LaunchS + solution.Reach.ArrivalS, null, stepS, false, PropagationOptions.DefaultIntegrator);
        Trajectory t = new Propagator(env, options).Run(plan);
        return [.. t.Samples.Select(s => (s.TimeS, env.EcefPosition(s)))];
    }

    /// <summary>How far from the table's program the exact one is looked for: two of the table's fan spacings.</summary>
    public static double ProgramWindowRad(ReachTable table) => 2 * (table.ElevationsRad[^1] - table.ElevationsRad[0]) / Math.Max(1, table.ElevationsRad.Count - 1);

    /// <summary>The fly-outs of every shot of a scenario's engagements, keyed by (threat id, battery id, shot index).</summary>
    public static IReadOnlyDictionary<(string Threat, string Battery, int Shot), IReadOnlyList<(double TimeS, Vec3 EcefM)>> All(AnalysisContext context, Architecture architecture, IReadOnlyList<ThreatEngagement> engagements)
    {
        var jobs = engagements.SelectMany(e => e.Batteries.SelectMany(b => b.Shots.Select((s, i) => (e.Threat.Threat.Id, b, i, s)))).ToList();
        var paths = new IReadOnlyList<(double, Vec3)>[jobs.Count];
        Parallel.For(0, jobs.Count, k =>
        {
            var (_, b, _, s) = jobs[k];
            Battery battery = architecture.Batteries.Single(x => x.Id == b.BatteryId);
            Interceptor interceptor = context.Catalog.Interceptor(b.InterceptorId);
            Geodetic site = context.Catalog.Place(battery.PlaceId).Position;
            paths[k] = Of(context.Environment, interceptor, site, s, context.Reach.Table(interceptor, site));
        });
        return jobs.Select((j, k) => (Key: (j.Id, j.b.BatteryId, j.i), Path: paths[k])).ToDictionary(x => x.Key, x => x.Path);
    }
}
