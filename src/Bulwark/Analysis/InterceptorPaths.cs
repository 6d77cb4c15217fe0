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
/// The fly-out of each shot, for display (CZML, KML): the earliest fly-out through the intercept point found by direct
/// integration (<see cref="DirectFlyout"/>), flown from the shot's launch time to its intercept time.
/// </summary>
public static class InterceptorPaths
{
    /// <summary>Earth-fixed samples (time s, position m) of a shot's fly-out, or empty if no fly-out passes the point.</summary>
    public static IReadOnlyList<(double TimeS, Vec3 EcefM)> Of(FlightEnvironment env, Interceptor interceptor, Geodetic site, Shot shot, double stepS = 2)
    {
        DirectFlyoutSolution solution = new DirectFlyout(interceptor, site, new DirectFlyoutOptions { Environment = env }).Solve(shot.Point);
        if (!solution.Reach.IsReachable)
        {
            return [];
        }

        FlightPlan plan = interceptor.Rocket.Plan(env, site with { HeightM = 0 }, shot.LaunchS, solution.AzimuthRad, new ShapeControls(1, solution.ElevationRad));
        var options = new PropagationOptions(shot.LaunchS + solution.Reach.ArrivalS, null, stepS, false, PropagationOptions.DefaultIntegrator);
        Trajectory t = new Propagator(env, options).Run(plan);
        return [.. t.Samples.Select(s => (s.TimeS, env.EcefPosition(s)))];
    }

    /// <summary>The fly-outs of every shot of a scenario's engagements, keyed by (threat id, battery id, shot index).</summary>
    public static IReadOnlyDictionary<(string Threat, string Battery, int Shot), IReadOnlyList<(double TimeS, Vec3 EcefM)>> All(AnalysisContext context, Architecture architecture, IReadOnlyList<ThreatEngagement> engagements)
    {
        var jobs = engagements.SelectMany(e => e.Batteries.SelectMany(b => b.Shots.Select((s, i) => (e.Threat.Threat.Id, b, i, s)))).ToList();
        var paths = new IReadOnlyList<(double, Vec3)>[jobs.Count];
        Parallel.For(0, jobs.Count, k =>
        {
            var (_, b, _, s) = jobs[k];
            Battery battery = architecture.Batteries.Single(x => x.Id == b.BatteryId);
            paths[k] = Of(context.Environment, context.Catalog.Interceptor(b.InterceptorId), context.Catalog.Place(battery.PlaceId).Position, s);
        });
        return jobs.Select((j, k) => (Key: (j.Id, j.b.BatteryId, j.i), Path: paths[k])).ToDictionary(x => x.Key, x => x.Path);
    }
}
