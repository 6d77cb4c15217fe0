using Bulwark.Catalog;
using Bulwark.Earth;
using Bulwark.Engagement;
using Bulwark.Numerics;
using Bulwark.Sensing;
using CsCheck;
using Bulwark.Flight.Targeting;

namespace Bulwark.Tests.Engagement;

/// <summary>
/// The intercept solver's logic on synthetic inputs: a straight-line "threat" and an interceptor whose earliest arrival is
/// distance / average speed within a maximum slant range. Monotonicity properties (issue "Engagement", acceptance):
/// a later fire-control time never adds opportunities; a faster interceptor never loses one; shoot-look-shoot never
/// fires more shots than the time between the first and last opportunity allows.
/// </summary>
public class InterceptSolverTests
{
    private static readonly Geodetic Site = Geodetic.FromDegrees(44, 24, 0);
    private static readonly Interceptor Sm3 = BulwarkCatalog.BuiltIn.Interceptor("sm-3-iia");

    /// <summary>Earliest arrival = slant distance / average speed, within a maximum slant range.</summary>
    private sealed class ConeReach(Geodetic site, double averageSpeedMPerS, double maxRangeM) : IInterceptorReach
    {
        private readonly Vec3 _site = Ellipsoid.Wgs84.ToEcef(site);

        public Arrival Earliest(Vec3 pointEcefM, double heightM)
        {
            double d = (pointEcefM - _site).Norm;
            return d <= maxRangeM ? new Arrival(d / averageSpeedMPerS, averageSpeedMPerS, 0.3) : Arrival.Never;
        }
    }

    /// <summary>A threat passing the site: from 1,500 km west to 1,500 km east at 300 km altitude, 3 km/s, sampled every second.</summary>
    private static ThreatTrack Track(double altitudeKm = 300)
    {
        var points = new List<TrackPoint>();
        for (int t = 0; t <= 1000; t++)
        {
            double eastKm = -1500 + 3.0 * t;
            Geodetic g = Geodesic.Direct(Ellipsoid.Wgs84, Site.LatitudeRad, Site.LongitudeRad, Math.PI / 2, Math.Abs(eastKm) * 1000 + 1);
            if (eastKm < 0)
            {
                g = Geodesic.Direct(Ellipsoid.Wgs84, Site.LatitudeRad, Site.LongitudeRad, -Math.PI / 2, -eastKm * 1000);
            }

            Vec3 r = Ellipsoid.Wgs84.ToEcef(g with { HeightM = altitudeKm * 1000 });
            Vec3 v = LocalFrame.EnuToEcef(new Vec3(3000, 0, 0), g.LatitudeRad, g.LongitudeRad);
            points.Add(new TrackPoint(t, r, altitudeKm * 1000, v));
        }

        return new ThreatTrack("synthetic", points, 0, 100, new ThreatSignature(1, 0.01));
    }

    private static readonly ThreatTrack Threat = Track();

    private static BatteryEngagement Solve(double fireControlS, double speedMPerS, Doctrine doctrine, double maxRangeM = 1_200_000) =>
        InterceptSolver.Solve("b", Sm3, Site, new ConeReach(Site, speedMPerS, maxRangeM), Threat, fireControlS, doctrine);

    [Fact]
    public void TheFirstOpportunityIsTheEarliestFeasibleIntercept()
    {
        BatteryEngagement e = Solve(50, 3000, Doctrine.Default);
        Assert.NotNull(e.First);
        Shot first = e.First!;
        Assert.Equal(50 + Sm3.ReactionTimeS, e.EarliestLaunchS!.Value, 9);
        Assert.True(first.LaunchS >= e.EarliestLaunchS - 1e-9);
        // One sample earlier, the intercept was not feasible: the launch would have been before the earliest launch.
        var reach = new ConeReach(Site, 3000, 1_200_000);
        TrackPoint before = Threat.Points[(int)first.InterceptS - 1];
        Arrival a = reach.Earliest(before.EcefM, before.HeightM);
        Assert.True(!a.Reachable || before.TimeS - a.ArrivalS < e.EarliestLaunchS);
        Assert.True(first.ClosingSpeedMPerS > 0);
    }

    [Fact]
    public void NoFireControlTrackMeansNoOpportunity()
    {
        BatteryEngagement e = InterceptSolver.Solve("b", Sm3, Site, new ConeReach(Site, 3000, 1e7), Threat, null, Doctrine.Default);
        Assert.Null(e.First);
        Assert.Empty(e.Shots);
        Assert.Equal(0, e.PKill);
    }

    [Fact]
    public void ALaterFireControlTimeNeverAddsOpportunities() =>
        Gen.Select(Gen.Double[0, 600], Gen.Double[0, 300], Gen.Double[1500, 6000]).Sample((fc, delay, speed) =>
        {
            BatteryEngagement early = Solve(fc, speed, Doctrine.Default);
            BatteryEngagement late = Solve(fc + delay, speed, Doctrine.Default);
            return Window(late) <= Window(early) && (late.First is null || (early.First is not null && late.First.InterceptS >= early.First.InterceptS));
        }, iter: 200, threads: 1);

    [Fact]
    public void AFasterInterceptorNeverLosesAnOpportunity() =>
        Gen.Select(Gen.Double[0, 600], Gen.Double[1500, 6000], Gen.Double[0, 3000]).Sample((fc, speed, extra) =>
        {
            BatteryEngagement slow = Solve(fc, speed, Doctrine.Default);
            BatteryEngagement fast = Solve(fc, speed + extra, Doctrine.Default);
            return Window(fast) >= Window(slow) && (slow.First is null || (fast.First is not null && fast.First.InterceptS <= slow.First.InterceptS));
        }, iter: 200, threads: 1);

    [Fact]
    public void ShootLookShootFiresNoMoreThanTheWindowAllows() =>
        Gen.Select(Gen.Double[0, 600], Gen.Double[1500, 6000], Gen.Double[5, 120]).Sample((fc, speed, ka) =>
        {
            var doctrine = new Doctrine(FiringMode.ShootLookShoot, ka, 100);
            BatteryEngagement e = Solve(fc, speed, doctrine);
            if (e.First is null)
            {
                return e.Shots.Count == 0;
            }

            // Each later shot launches no earlier than the previous intercept + kill assessment, and intercepts after it.
            bool spaced = e.Shots.Zip(e.Shots.Skip(1)).All(p => p.Second.LaunchS >= p.First.InterceptS + ka - 1e-9 && p.Second.InterceptS > p.First.InterceptS);
            double window = e.Last!.InterceptS - e.First.InterceptS;
            return spaced && e.Shots.Count <= 1 + (int)Math.Floor(window / ka) && e.Shots[^1].InterceptS <= e.Last.InterceptS;
        }, iter: 200, threads: 1);

    /// <summary>Counts the lookups of the reach it wraps.</summary>
    private sealed class CountingReach(IInterceptorReach inner) : IInterceptorReach
    {
        public int Lookups { get; private set; }

        public Arrival Earliest(Vec3 pointEcefM, double heightM)
        {
            Lookups++;
            return inner.Earliest(pointEcefM, heightM);
        }
    }

    [Fact]
    public void SolvingForTheShotsAloneGivesTheSameShotsAndFirstOpportunityWithFewerLookups()
    {
        // Fire-control times, speeds, ranges, doctrines (both modes, kill assessments, shot limits) and guidance windows
        // drawn at random: the shots and the first opportunity of SolveShots are Solve's, field for field.
        int fewer = 0, samples = 0;
        Gen.Select(Gen.Double[0, 600], Gen.Double[1500, 6000], Gen.Double[300_000, 3_000_000], Gen.Int[0, 1], Gen.Double[5, 200], Gen.Int[1, 8],
            Gen.Double[-100, 900]).Sample((fc, speed, range, salvo, ka, max, windowFrom) =>
        {
            var doctrine = new Doctrine(salvo == 1 ? FiringMode.Salvo : FiringMode.ShootLookShoot, ka, max);
            (double, double)[]? windows = windowFrom < 0 ? null : [(windowFrom, windowFrom + 250), (windowFrom + 400, windowFrom + 500)];
            var all = new CountingReach(new ConeReach(Site, speed, range));
            var shotsOnly = new CountingReach(new ConeReach(Site, speed, range));
            BatteryEngagement full = InterceptSolver.Solve("b", Sm3, Site, all, Threat, fc, doctrine, windows);
            BatteryEngagement lean = InterceptSolver.SolveShots("b", Sm3, Site, shotsOnly, Threat, fc, doctrine, windows);
            samples++;
            fewer += shotsOnly.Lookups < all.Lookups ? 1 : 0;
            return full.Shots.SequenceEqual(lean.Shots) && full.First == lean.First && full.EarliestLaunchS == lean.EarliestLaunchS
                && lean.Last is null && lean.Opportunities.Count == 0 && shotsOnly.Lookups <= all.Lookups;
        }, iter: 300, threads: 1);

        // It saves lookups in most draws (it stops at the doctrine's last shot and skips the samples before the next launch).
        Assert.True(fewer > samples / 2, $"fewer lookups in {fewer} of {samples} draws");
    }

    [Fact]
    public void ASalvoFiresTwoInterceptorsPerOpportunityAndKillProbabilityCompounds()
    {
        BatteryEngagement salvo = Solve(50, 3000, new Doctrine(FiringMode.Salvo, 30, 4));
        Assert.All(salvo.Shots, s => Assert.Equal(2, s.Interceptors));
        Assert.Equal(1 - Math.Pow(1 - Sm3.SingleShotPk, salvo.InterceptorsFired), salvo.PKill, 12);
        Assert.True(salvo.InterceptorsFired <= 4);
    }

    private static double Window(BatteryEngagement e) => e.First is null ? -1 : e.Last!.InterceptS - e.First.InterceptS;
}
