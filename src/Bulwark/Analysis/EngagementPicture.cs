using Bulwark.Catalog;
using Bulwark.Earth;
using Bulwark.Engagement;
using Bulwark.Sensing;
using Bulwark.Flight.Targeting;

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
    /// When the battery's interceptors can be guided: while a fire-control-capable sensor whose data reaches the battery
    /// holds the threat — its own (same place) always, a remote one only under engage-on-remote — from that sensor's
    /// fire-control time (plus the network latency for a remote one) to its last track.
    /// </summary>
    public static IReadOnlyList<(double FromS, double ToS)> GuidanceWindows(Architecture architecture, Battery battery, ThreatPicture picture)
    {
        var rules = new NetworkRules(architecture.NetworkLatencyS, architecture.Shares, architecture.LaunchOnRemote);
        var batteryNode = new NetworkNode(battery.Id, battery.Coalition, battery.PlaceId);
        var windows = new List<(double, double)>();
        foreach (DeployedSensor s in architecture.Sensors)
        {
            SensorTimeline t = picture.Sensors.Single(x => x.SensorId == s.Id);
            var node = new NetworkNode(s.Id, s.Coalition, s.PlaceId);
            bool organic = NetworkRules.Organic(node, batteryNode);
            if (t.FireControlS is { } fc && t.LastTrackS is { } last && rules.Reaches(node, batteryNode) && (organic || architecture.EngageOnRemote))
            {
                windows.Add((fc + rules.LatencyFor(node, batteryNode), last));
            }
        }

        return windows;
    }

    /// <summary>
    /// The scenario's batteries with their interceptors, sites and reaches, resolved once, to engage many threats (a
    /// footprint engages thousands). Thread-safe: <see cref="Engager.Engage"/> only reads.
    /// </summary>
    public static Engager Prepare(AnalysisContext context, Architecture architecture)
    {
        var batteries = architecture.Batteries.Select(b =>
        {
            Interceptor interceptor = context.Catalog.Interceptor(b.InterceptorId);
            Geodetic site = context.Catalog.Place(b.PlaceId).Position;
            return (Battery: b, Interceptor: interceptor, Site: site);
        }).ToList();
        var reaches = new IInterceptorReach[batteries.Count];
        Parallel.For(0, batteries.Count, i => reaches[i] = context.Reach.For(batteries[i].Interceptor, batteries[i].Site));
        return new Engager(architecture, [.. batteries.Select((b, i) => (b.Battery, b.Interceptor, b.Site, reaches[i]))]);
    }

    /// <summary>An architecture's batteries ready to engage (see <see cref="Prepare"/>).</summary>
    public sealed class Engager(Architecture architecture, IReadOnlyList<(Battery Battery, Interceptor Interceptor, Geodetic Site, IInterceptorReach Reach)> batteries)
    {
        /// <summary>Every battery's engagement of one threat.</summary>
        public ThreatEngagement Engage(ThreatPicture p) => EngageWith(p, InterceptSolver.Solve);

        /// <summary>
        /// Every battery's shots at one threat, and its first opportunity, without the rest of its opportunities
        /// (<see cref="InterceptSolver.SolveShots"/>): what a footprint's cell needs.
        /// </summary>
        public ThreatEngagement EngageForShots(ThreatPicture p) => EngageWith(p, InterceptSolver.SolveShots);

        private ThreatEngagement EngageWith(ThreatPicture p, Solver solve) => new(p.Threat, p, [.. batteries.Select(b =>
        {
            double? fc = p.Batteries.Single(x => x.BatteryId == b.Battery.Id).FireControlS;
            return solve(b.Battery.Id, b.Interceptor, b.Site, b.Reach, p.Threat.Track, fc, architecture.Doctrine,
                GuidanceWindows(architecture, b.Battery, p));
        })]);

        private delegate BatteryEngagement Solver(string batteryId, Interceptor interceptor, Geodetic site, IInterceptorReach reach,
            ThreatTrack track, double? fireControlS, Doctrine doctrine, IReadOnlyList<(double FromS, double ToS)>? guidanceWindows);
    }
}
