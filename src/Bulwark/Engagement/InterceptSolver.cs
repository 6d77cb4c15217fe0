using Bulwark.Earth;
using Bulwark.Numerics;
using Bulwark.Sensing;

namespace Bulwark.Engagement;

/// <summary>One interceptor launch and where it meets the threat.</summary>
/// <param name="LaunchS">launch time, s since the scenario epoch</param>
/// <param name="InterceptS">intercept time, s</param>
/// <param name="Point">intercept point (geodetic)</param>
/// <param name="ClosingSpeedMPerS">relative speed of threat and interceptor at intercept, m/s (Earth-relative velocities)</param>
/// <param name="CrossingAngleRad">angle between the two velocity vectors, rad (π = head-on)</param>
/// <param name="Interceptors">interceptors launched (2 for a salvo)</param>
public sealed record Shot(double LaunchS, double InterceptS, Geodetic Point, double ClosingSpeedMPerS, double CrossingAngleRad, int Interceptors);

/// <summary>One feasible intercept: a launch no earlier than the battery's earliest launch that meets the threat at a track sample.</summary>
/// <param name="LaunchS">the launch that meets the threat there: intercept time minus the earliest arrival, s since the scenario epoch</param>
/// <param name="InterceptS">intercept time, s</param>
public readonly record struct Opportunity(double LaunchS, double InterceptS);

/// <summary>What one battery can do against one threat.</summary>
/// <param name="BatteryId">the battery</param>
/// <param name="InterceptorId">its interceptor</param>
/// <param name="EarliestLaunchS">fire-control time plus reaction time, s (null: never a track to fire on)</param>
/// <param name="First">the first intercept opportunity (the earliest intercept), or null</param>
/// <param name="Last">the last intercept opportunity, or null</param>
/// <param name="Shots">the shots the doctrine fires, in order</param>
/// <param name="SingleShotPk">the interceptor's single-shot kill probability</param>
public sealed record BatteryEngagement(string BatteryId, string InterceptorId, double? EarliestLaunchS, Shot? First, Shot? Last, IReadOnlyList<Shot> Shots, double SingleShotPk)
{
    public int InterceptorsFired => Shots.Sum(s => s.Interceptors);

    /// <summary>Every feasible intercept, in time order (the raid's battle manager picks from these; docs/raids.md).</summary>
    public IReadOnlyList<Opportunity> Opportunities { get; init; } = [];

    /// <summary>Probability this battery's shots kill the threat, assuming independent shots: 1 − (1 − Pk)^n.</summary>
    public double PKill => 1 - Math.Pow(1 - SingleShotPk, InterceptorsFired);
}

/// <summary>
/// Finds a battery's intercept opportunities against a threat track: an intercept at track sample k (time t_k, point
/// P_k) is feasible when P_k's altitude is within the interceptor's limits and the interceptor, launched no earlier than
/// the battery's earliest launch, can be at P_k by t_k: t_k − T(P_k) ≥ L₀, with T the earliest arrival from the reach.
/// Shoot-look-shoot fires again only after the previous intercept plus the kill-assessment time. With guidance windows
/// given, the intercept must also fall while a sensor that may guide the interceptor holds a fire-control track (its own
/// radar; a remote one only under engage-on-remote). Resolution: the track's sample step.
/// </summary>
public static class InterceptSolver
{
    public static BatteryEngagement Solve(string batteryId, Interceptor interceptor, Geodetic site, IInterceptorReach reach,
        ThreatTrack track, double? fireControlS, Doctrine doctrine, IReadOnlyList<(double FromS, double ToS)>? guidanceWindows = null)
    {
        if (fireControlS is not { } fc)
        {
            return new BatteryEngagement(batteryId, interceptor.Id, null, null, null, [], interceptor.SingleShotPk);
        }

        double earliestLaunch = fc + interceptor.ReactionTimeS;
        var feasible = new List<(int Index, double LaunchS, Arrival Arrival)>();
        for (int k = 0; k < track.Points.Count; k++)
        {
            TrackPoint p = track.Points[k];
            if (!Candidate(p, earliestLaunch, interceptor, guidanceWindows))
            {
                continue;
            }

            Arrival a = reach.Earliest(p.EcefM, p.HeightM);
            if (a.Reachable && p.TimeS - a.ArrivalS >= earliestLaunch)
            {
                feasible.Add((k, p.TimeS - a.ArrivalS, a));
            }
        }

        if (feasible.Count == 0)
        {
            return new BatteryEngagement(batteryId, interceptor.Id, earliestLaunch, null, null, [], interceptor.SingleShotPk);
        }

        Shot Make((int Index, double LaunchS, Arrival Arrival) f, int interceptors) =>
            MakeShot(site, track.Points[f.Index], f.LaunchS, f.Arrival, interceptors);

        int perShot = doctrine.Mode == FiringMode.Salvo ? 2 : 1;
        var shots = new List<Shot>();
        double nextLaunch = earliestLaunch;
        int fired = 0;
        foreach (var f in feasible)
        {
            if (fired + perShot > doctrine.MaxShotsPerThreat)
            {
                break;
            }

            // The earliest intercept reachable by a launch no earlier than nextLaunch: launch at t_k − T_k ≥ nextLaunch.
            if (f.LaunchS < nextLaunch)
            {
                continue;
            }

            Shot shot = Make(f, perShot);
            shots.Add(shot);
            fired += perShot;
            nextLaunch = shot.InterceptS + doctrine.KillAssessmentS;
        }

        return new BatteryEngagement(batteryId, interceptor.Id, earliestLaunch, Make(feasible[0], perShot), Make(feasible[^1], perShot), shots, interceptor.SingleShotPk)
        {
            Opportunities = [.. feasible.Select(f => new Opportunity(f.LaunchS, track.Points[f.Index].TimeS))],
        };
    }

    /// <summary>
    /// The shots <see cref="Solve"/> gives, and its first opportunity, without the rest of the opportunities: the track is
    /// read in time order and stops at the doctrine's last shot, and after each shot the samples before the next
    /// permitted launch are not looked up (an arrival is a flight time, never negative, so a sample at t_k meets a launch
    /// no later than t_k). What a footprint asks of each battery, at a fraction of the lookups.
    /// <see cref="BatteryEngagement.Last"/> is null and <see cref="BatteryEngagement.Opportunities"/> empty (not computed).
    /// </summary>
    public static BatteryEngagement SolveShots(string batteryId, Interceptor interceptor, Geodetic site, IInterceptorReach reach,
        ThreatTrack track, double? fireControlS, Doctrine doctrine, IReadOnlyList<(double FromS, double ToS)>? guidanceWindows = null)
    {
        if (fireControlS is not { } fc)
        {
            return new BatteryEngagement(batteryId, interceptor.Id, null, null, null, [], interceptor.SingleShotPk);
        }

        double earliestLaunch = fc + interceptor.ReactionTimeS;
        int perShot = doctrine.Mode == FiringMode.Salvo ? 2 : 1;
        var shots = new List<Shot>();
        Shot? first = null;
        double nextLaunch = earliestLaunch;
        bool canFire = perShot <= doctrine.MaxShotsPerThreat;
        for (int k = 0; k < track.Points.Count && (canFire || first is null); k++)
        {
            TrackPoint p = track.Points[k];
            if (!Candidate(p, nextLaunch, interceptor, guidanceWindows))
            {
                continue;
            }

            Arrival a = reach.Earliest(p.EcefM, p.HeightM);
            double launch = p.TimeS - a.ArrivalS;
            if (!a.Reachable || launch < nextLaunch)
            {
                continue;
            }

            // Feasible (launch ≥ nextLaunch ≥ the earliest launch) and a shot: the first feasible sample is the first shot
            // (or, where the doctrine allows none, only the first opportunity).
            Shot shot = MakeShot(site, p, launch, a, perShot);
            first ??= shot;
            if (!canFire)
            {
                break;
            }

            shots.Add(shot);
            nextLaunch = shot.InterceptS + doctrine.KillAssessmentS;
            canFire = (shots.Count + 1) * perShot <= doctrine.MaxShotsPerThreat;
        }

        return new BatteryEngagement(batteryId, interceptor.Id, earliestLaunch, first, null, shots, interceptor.SingleShotPk);
    }

    /// <summary>
    /// Whether a track sample may be an intercept at all, before its reach is looked up: no earlier than
    /// <paramref name="notBeforeS"/> (a launch then meets it no earlier), within the interceptor's altitudes, and guided.
    /// </summary>
    private static bool Candidate(TrackPoint p, double notBeforeS, Interceptor interceptor, IReadOnlyList<(double FromS, double ToS)>? guidanceWindows) =>
        !(p.TimeS < notBeforeS || p.HeightM < interceptor.MinInterceptAltitudeM || p.HeightM > interceptor.MaxInterceptAltitudeM
          || (guidanceWindows is not null && !Guided(guidanceWindows, p.TimeS)));

    private static bool Guided(IReadOnlyList<(double FromS, double ToS)> windows, double t)
    {
        foreach (var (from, to) in windows)
        {
            if (t >= from && t <= to)
            {
                return true;
            }
        }

        return false;
    }

    private static Shot MakeShot(Geodetic site, TrackPoint p, double launchS, Arrival arrival, int interceptors)
    {
        Vec3 threatVelocityEcef = p.VelocityEcefMPerS;
        Geodetic point = Ellipsoid.Wgs84.ToGeodetic(p.EcefM);
        GeodesicLine line = Geodesic.Inverse(Ellipsoid.Wgs84, site.LatitudeRad, site.LongitudeRad, point.LatitudeRad, point.LongitudeRad);
        var (sinA, cosA) = Math.SinCos(line.FinalAzimuthRad);
        var (sinG, cosG) = Math.SinCos(arrival.FlightPathAngleRad);
        var vNed = new Vec3(arrival.SpeedMPerS * cosG * cosA, arrival.SpeedMPerS * cosG * sinA, -arrival.SpeedMPerS * sinG);
        Vec3 interceptorEcef = LocalFrame.NedToEcef(vNed, point.LatitudeRad, point.LongitudeRad);
        Vec3 relative = threatVelocityEcef - interceptorEcef;
        double denominator = threatVelocityEcef.Norm * interceptorEcef.Norm;
        double crossing = denominator > 0 ? Math.Acos(Math.Clamp(threatVelocityEcef.Dot(interceptorEcef) / denominator, -1, 1)) : 0;
        return new Shot(launchS, p.TimeS, point with { HeightM = p.HeightM }, relative.Norm, crossing, interceptors);
    }
}
