using Bulwark.Catalog;
using Bulwark.Earth;
using Bulwark.Engagement;
using Bulwark.Sensing;

namespace Bulwark.Analysis;

/// <summary>For one threat: what each battery can do, and the architecture's total.</summary>
/// <param name="Threat">the flown threat</param>
/// <param name="Sensors">the sensor picture it was engaged on</param>
/// <param name="Batteries">each battery's engagement</param>
public sealed record ThreatEngagement(FlownThreat Threat, ThreatPicture Sensors, IReadOnlyList<BatteryEngagement> Batteries)
{
    /// <summary>Shots the doctrine fires across all batteries.</summary>
    public int ShotsPossible => Batteries.Sum(b => b.Shots.Count);

    /// <summary>
    /// Probability that some interceptor kills the threat: 1 − Π_b (1 − Pk_b)^{n_b}, taking every battery's shots as
    /// independent (each battery applies its doctrine within its own window).
    /// </summary>
    public double PKill => 1 - Batteries.Aggregate(1.0, (survive, b) => survive * (1 - b.PKill));
}

/// <summary>Engages a scenario's threats with its architecture's batteries.</summary>
public static class EngagementPicture
{
    /// <summary>
    /// Engages every flown threat. <paramref name="reachFor"/> gives an interceptor's reach from a site (built once per
    /// interceptor and site and shared across threats).
    /// </summary>
    public static IReadOnlyList<ThreatEngagement> Compute(Scenario scenario, IReadOnlyList<ThreatPicture> pictures,
        Func<Interceptor, Geodetic, IInterceptorReach> reachFor)
    {
        Architecture architecture = scenario.Architecture ?? throw new Scenarios.InputException(scenario.File, null, null, "architecture", "missing: engagement needs an architecture");
        var batteries = architecture.Batteries.Select(b =>
        {
            Interceptor interceptor = scenario.Catalog.Interceptor(b.InterceptorId);
            Geodetic site = scenario.Catalog.Place(b.PlaceId).Position;
            return (Battery: b, Interceptor: interceptor, Site: site);
        }).ToList();
        var reaches = new IInterceptorReach[batteries.Count];
        Parallel.For(0, batteries.Count, i => reaches[i] = reachFor(batteries[i].Interceptor, batteries[i].Site));
        return [.. pictures.Select(p => new ThreatEngagement(p.Threat, p, [.. batteries.Select((b, i) =>
        {
            double? fc = p.Batteries.Single(x => x.BatteryId == b.Battery.Id).FireControlS;
            return InterceptSolver.Solve(b.Battery.Id, b.Interceptor, b.Site, reaches[i], p.Threat.Track, fc, architecture.Doctrine);
        })]))];
    }
}
