using System.Globalization;
using System.Runtime.InteropServices;
using Bulwark.Catalog;
using Bulwark.Earth;
using Bulwark.Engagement;
using Bulwark.Engagement.Reach;
using Bulwark.Flight;
using Bulwark.Flight.Propagation;
using Bulwark.Flight.Vehicles;
using Bulwark.Numerics;

namespace Bulwark.Tests.Engagement.Reach;

/// <summary>
/// Properties of <see cref="ReachTable"/>: determinism, the limits of its reach, the order of arrivals, a faster
/// interceptor against a slower one, allocation-free lookups, and the effect of the Earth's rotation. The accuracy
/// against direct integration is <see cref="ReachTableValidationTests"/>.
/// </summary>
public class ReachTableTests(ITestOutputHelper output)
{
    private const double Deg = Math.PI / 180;

    private static readonly Geodetic Deveselu = BulwarkCatalog.BuiltIn.Place("deveselu").Position;

    /// <summary>Small tables for the properties: four bins (N, E, S, W) and a 1° fan.</summary>
    private static readonly ReachTableOptions Small = ReachTableOptions.Default with { AzimuthBins = 4, ElevationStepRad = 1 * Deg };

    private static readonly Lazy<ReachTable> Sm3Small = new(() => ReachTable.Build(Interceptor("sm-3-iia"), Deveselu, Small));

    private static Interceptor Interceptor(string id) => BulwarkCatalog.BuiltIn.Interceptor(id);

    [Fact]
    public void BuildingIsDeterministicWhateverTheThreadCount()
    {
        var options = Small with { AzimuthBins = 6 };
        ReachTable one = ReachTable.Build(Interceptor("sm-3-iia"), Deveselu, options with { MaxDegreeOfParallelism = 1 });
        ReachTable many = ReachTable.Build(Interceptor("sm-3-iia"), Deveselu, options with { MaxDegreeOfParallelism = 4 });
        ReachTable again = ReachTable.Build(Interceptor("sm-3-iia"), Deveselu, options);
        for (int k = 0; k < options.AzimuthBins; k++)
        {
            Assert.True(MemoryMarshal.AsBytes(one.BinNodes(k)).SequenceEqual(MemoryMarshal.AsBytes(many.BinNodes(k))));
            Assert.True(MemoryMarshal.AsBytes(one.BinNodes(k)).SequenceEqual(MemoryMarshal.AsBytes(again.BinNodes(k))));
        }

        Assert.Equal(one.SampleCount, many.SampleCount);
    }

    [Fact]
    public void ABinIsTheSameWhateverTableItsBuffersServedBefore()
    {
        // The builders' buffers are shared through a pool: a bin built after another table's bins (here a faster
        // interceptor's, with longer fly-outs and a wider grid, and a slower one's) must be the bin built first.
        var options = Small with { AzimuthBins = 6, MaxDegreeOfParallelism = 1 };
        ReachTable first = ReachTable.Build(Interceptor("sm-3-iia"), Deveselu, options);
        ReachTable.OnDemand(Interceptor("gbi-3-stage"), Deveselu, options).Earliest(90 * Deg, 1_000_000, 300_000); // one bin
        ReachTable.Build(Interceptor("sm-3-ib"), Deveselu, options with { TimeStepS = 1 });
        ReachTable again = ReachTable.Build(Interceptor("sm-3-iia"), Deveselu, options);
        for (int k = 0; k < options.AzimuthBins; k++)
        {
            Assert.True(MemoryMarshal.AsBytes(first.BinNodes(k)).SequenceEqual(MemoryMarshal.AsBytes(again.BinNodes(k))), $"bin {k} differs");
        }

        Assert.Equal(first.SampleCount, again.SampleCount);
    }

    [Fact]
    public void ATableBuiltOnDemandBuildsOnlyTheBinsItsLookupsNeedAndAnswersAsTheFullTable()
    {
        var options = Small with { AzimuthBins = 12 };
        ReachTable full = ReachTable.Build(Interceptor("sm-3-iia"), Deveselu, options);
        ReachTable lazy = ReachTable.OnDemand(Interceptor("sm-3-iia"), Deveselu, options);
        Assert.Equal(0, lazy.BinsBuilt);

        // Lookups toward the south-east only (bearings 100° to 170°): the bins of 90° to 180°, and a neighbour for the drift.
        var rng = new Random(7);
        int reachable = 0;
        for (int i = 0; i < 2000; i++)
        {
            double az = (100 + 70 * rng.NextDouble()) * Deg, range = 50_000 + 1_200_000 * rng.NextDouble();
            double h = full.MinAltitudeM + (full.MaxAltitudeM - full.MinAltitudeM) * rng.NextDouble();
            ReachPoint a = full.Earliest(az, range, h), b = lazy.Earliest(az, range, h);
            Assert.Equal(a, b);
            reachable += a.IsReachable ? 1 : 0;
        }

        output.WriteLine($"{lazy.BinsBuilt} of {options.AzimuthBins} bins built; {reachable} of 2000 points reachable");
        Assert.True(reachable > 200, $"only {reachable} points reachable: the check would be empty");
        Assert.InRange(lazy.BinsBuilt, 3, 5);
        for (int k = 0; k < options.AzimuthBins; k++)
        {
            Assert.True(MemoryMarshal.AsBytes(full.BinNodes(k)).SequenceEqual(MemoryMarshal.AsBytes(lazy.BinNodes(k))), $"bin {k} differs");
        }

        Assert.Equal(options.AzimuthBins, lazy.BinsBuilt);
        Assert.Equal(full.SampleCount, lazy.SampleCount);
    }

    [Fact]
    public void ATableBuiltForItsLookupsAnswersThemAsTheFullTableAndInvertsLess()
    {
        // The deterrent's threshold tables know their lookups (the tracks' points) before they look: inverted only around
        // them, each answer is still the full table's to the bit. Points scattered south-east of the site, plus points on
        // two straight "tracks" climbing through the band, so that cells are both isolated and in runs.
        var options = Small with { AzimuthBins = 12 };
        Ellipsoid shape = options.Environment.Planet.Shape;
        ReachTable full = ReachTable.OnDemand(Interceptor("sm-3-iia"), Deveselu, options);
        var rng = new Random(11);
        var points = new List<Vec3>();
        for (int i = 0; i < 400; i++)
        {
            double h = full.MinAltitudeM + (full.MaxAltitudeM - full.MinAltitudeM) * rng.NextDouble();
            points.Add(shape.ToEcef(new Geodetic(Deveselu.LatitudeRad - 12 * Deg * rng.NextDouble(), Deveselu.LongitudeRad + 15 * Deg * rng.NextDouble(), h)));
        }

        for (int i = 0; i <= 300; i++)
        {
            double f = i / 300.0, h = full.MinAltitudeM + (full.MaxAltitudeM - full.MinAltitudeM) * f;
            points.Add(shape.ToEcef(new Geodetic(Deveselu.LatitudeRad - 8 * Deg * f, Deveselu.LongitudeRad + 4 * Deg, h)));
            points.Add(shape.ToEcef(new Geodetic(Deveselu.LatitudeRad + 3 * Deg, Deveselu.LongitudeRad + 10 * Deg * f, h)));
        }

        ReachTable atPoints = ReachTable.OnDemandAt(Interceptor("sm-3-iia"), Deveselu, options, points);
        int reachable = 0;
        foreach (Vec3 p in points)
        {
            ReachPoint a = full.Earliest(p), b = atPoints.Earliest(p);
            Assert.Equal(a, b);
            reachable += a.IsReachable ? 1 : 0;
        }

        // The same bins, with fewer nodes inverted: the shortcut took effect, and the answers held where it did.
        Assert.Equal(full.BinsBuilt, atPoints.BinsBuilt);
        static int Reached(ReadOnlySpan<ReachTable.Node> nodes)
        {
            int n = 0;
            foreach (ReachTable.Node node in nodes)
            {
                n += node.ArrivalS0 < float.PositiveInfinity || node.ArrivalS1 < float.PositiveInfinity ? 1 : 0;
            }

            return n;
        }

        int builtBins = atPoints.BinsBuilt;
        long nodesFull = Enumerable.Range(0, options.AzimuthBins).Where(atPoints.IsBuilt).Sum(k => (long)Reached(full.BinNodes(k)));
        long nodesAt = Enumerable.Range(0, options.AzimuthBins).Where(atPoints.IsBuilt).Sum(k => (long)Reached(atPoints.BinNodes(k)));
        output.WriteLine($"{reachable} of {points.Count} points reachable; {builtBins} bins; nodes reached {nodesAt:N0} of {nodesFull:N0}");
        Assert.True(reachable > 300, $"only {reachable} points reachable: the check would be empty");
        Assert.InRange(nodesAt, 1, nodesFull / 4);
    }

    [Fact]
    public void ABinAskedForByManyThreadsAtOnceIsTheBinBuiltByOne()
    {
        // Four threads look up the same bin at once: the first builds it, the others fly its fan's fly-outs with it
        // (SharedFlyouts) and then wait; every answer, and the bin, is the one a table built on one thread has.
        var options = Small with { AzimuthBins = 6 };
        ReachTable alone = ReachTable.Build(Interceptor("sm-3-iia"), Deveselu, options with { MaxDegreeOfParallelism = 1 });
        for (int round = 0; round < 3; round++)
        {
            ReachTable shared = ReachTable.OnDemand(Interceptor("sm-3-iia"), Deveselu, options);
            using var start = new Barrier(4);
            var answers = new ReachPoint[4];
            var threads = Enumerable.Range(0, 4).Select(i => new Thread(() =>
            {
                start.SignalAndWait();
                answers[i] = shared.Earliest((95 + 5 * i) * Deg, 400_000 + 100_000 * i, 150_000);
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
            for (int i = 0; i < 4; i++)
            {
                Assert.Equal(alone.Earliest((95 + 5 * i) * Deg, 400_000 + 100_000 * i, 150_000), answers[i]);
            }

            Assert.True(answers.Any(a => a.IsReachable), "no answer reachable: the check would be empty");
            int bin = (int)Math.Round(100.0 / 60) % options.AzimuthBins;
            Assert.True(MemoryMarshal.AsBytes(alone.BinNodes(bin)).SequenceEqual(MemoryMarshal.AsBytes(shared.BinNodes(bin))), $"bin {bin} differs");
        }
    }

    [Fact]
    public void PointsOutsideTheGridAreUnreachable()
    {
        ReachTable t = Sm3Small.Value;
        double beyond = t.MaxRangeM + t.RangeCellM;
        for (double az = 0; az < 2 * Math.PI; az += 0.1)
        {
            for (double h = t.MinAltitudeM; h <= t.MaxAltitudeM; h += 50_000)
            {
                Assert.False(t.Earliest(az, beyond, h).IsReachable);
                Assert.False(t.Earliest(az, 2 * beyond, h).IsReachable);
            }

            Assert.False(t.Earliest(az, 500_000, t.MinAltitudeM - 1).IsReachable);
            Assert.False(t.Earliest(az, 500_000, t.MaxAltitudeM + 1).IsReachable);
        }

        Assert.False(t.Earliest(double.NaN, 500_000, 300_000).IsReachable);
        Assert.False(t.Earliest(0, double.NaN, 300_000).IsReachable);
        Assert.False(t.Earliest(0, -1, 300_000).IsReachable);
        Assert.Equal(double.PositiveInfinity, t.Earliest(0, beyond, 300_000).ArrivalS);

        // Some point well inside is reachable, and the fan reaches about as far as the steepest fly-outs' apogees suggest.
        Assert.True(t.Earliest(Math.PI / 2, 500_000, 400_000).IsReachable);
        Assert.InRange(t.MaxRangeM, 2_000_000, 3_000_000);
    }

    /// <summary>
    /// With the grid raised to 2,000 km, above the steepest fly-out's apogee (1,456 km for the SM-3 IIA model), nothing
    /// above that apogee is reachable: no node and no lookup.
    /// </summary>
    [Fact]
    public void NothingAboveTheHighestApogeeIsReachable()
    {
        Interceptor sm3 = Interceptor("sm-3-iia");
        ReachTable t = ReachTable.Build(sm3, Deveselu, Small with { MaxAltitudeM = 2_000_000 });
        FlightEnvironment env = FlightEnvironment.Default;
        double apogee = 0;
        for (int k = 0; k < 4; k++)
        {
            FlightPlan plan = sm3.Rocket.Plan(env, Deveselu, 0, t.BinAzimuthRad(k), new ShapeControls(1, sm3.Rocket.MaxElevationRad));
            Trajectory steep = new Propagator(env, PropagationOptions.ToImpact()).Run(plan);
            apogee = Math.Max(apogee, env.GeodeticPosition(steep.Find("apogee")!.Value.State).HeightM);
        }

        Assert.InRange(apogee, 1_400_000, 1_500_000);
        int highestReachableRow = -1;
        for (int k = 0; k < 4; k++)
        {
            for (int r = 0; r < t.Rows; r++)
            {
                for (int c = 0; c < t.Columns(k); c++)
                {
                    if (t.NodeAt(k, c, r).IsReachable)
                    {
                        highestReachableRow = Math.Max(highestReachableRow, r);
                    }
                }
            }
        }

        double highest = t.MinAltitudeM + highestReachableRow * t.AltitudeCellM;
        output.WriteLine(Invariant($"steepest apogee {apogee / 1000:F1} km; highest reachable node {highest / 1000:F0} km"));
        Assert.InRange(highest, apogee - 3 * t.AltitudeCellM, apogee);
        for (double h = apogee; h <= t.MaxAltitudeM; h += 1000)
        {
            for (double r = 0; r <= 300_000; r += 2_500)
            {
                for (double az = 0; az < 2 * Math.PI; az += 0.25)
                {
                    Assert.False(t.Earliest(az, r, h).IsReachable);
                }
            }
        }
    }

    /// <summary>
    /// On the direct sheet (the fly-outs on their way to the highest point they share with a neighbour), a point
    /// farther along an altitude row is reached by a flatter fly-out, later: the arrival grows with ground range. Checked
    /// on every row of every bin between neighbouring nodes that both hold a direct arrival from inside the guidance range.
    /// </summary>
    [Fact]
    public void OnTheDirectSheetArrivalGrowsWithRange()
    {
        ReachTable t = Sm3Small.Value;
        double lo = t.ElevationsRad[0], hi = t.ElevationsRad[^1];
        int pairs = 0;
        for (int k = 0; k < t.Options.AzimuthBins; k++)
        {
            ReadOnlySpan<ReachTable.Node> nodes = t.BinNodes(k);
            int columns = t.Columns(k);
            for (int r = 0; r < t.Rows; r++)
            {
                for (int c = 0; c + 1 < columns; c++)
                {
                    ReachTable.Node a = nodes[r * columns + c], b = nodes[r * columns + c + 1];
                    if (IsDirect(t, a, lo, hi) && IsDirect(t, b, lo, hi))
                    {
                        pairs++;
                        Assert.True(b.ArrivalS0 > a.ArrivalS0, Invariant($"bin {k}, row {r}, column {c}: {a.ArrivalS0} s then {b.ArrivalS0} s"));
                    }
                }
            }
        }

        output.WriteLine(Invariant($"{pairs} neighbouring pairs on the direct sheet"));
        Assert.True(pairs > 10_000);
    }

    private static bool IsDirect(ReachTable t, ReachTable.Node n, double lo, double hi)
    {
        double theta = t.DecodeTheta(n.Theta0);
        return float.IsFinite(n.ArrivalS0) && theta >= lo && theta <= hi;
    }

    /// <summary>
    /// The two readings of the two-stage GBI (docs/interceptors.md) have the same stages, with more propellant in the
    /// faster one: on the same grid, at every node both reach, the faster arrives no later.
    /// </summary>
    [Fact]
    public void TheFasterReadingOfTheGbiNeverArrivesLater()
    {
        var options = Small with { RangeCellM = 25_000, AltitudeCellM = 12_500 };
        ReachTable slow = ReachTable.Build(Interceptor("gbi-2-stage-mda"), Deveselu, options);
        ReachTable fast = ReachTable.Build(Interceptor("gbi-2-stage-postol"), Deveselu, options);
        Assert.Equal(slow.Rows, fast.Rows);
        int both = 0, fastOnly = 0, slowOnly = 0;
        double worst = double.NegativeInfinity;
        for (int k = 0; k < 4; k++)
        {
            for (int r = 0; r < slow.Rows; r++)
            {
                for (int c = 0; c < Math.Max(slow.Columns(k), fast.Columns(k)); c++)
                {
                    ReachPoint s = c < slow.Columns(k) ? slow.NodeAt(k, c, r) : ReachPoint.Unreachable;
                    ReachPoint f = c < fast.Columns(k) ? fast.NodeAt(k, c, r) : ReachPoint.Unreachable;
                    if (s.IsReachable && f.IsReachable)
                    {
                        both++;
                        worst = Math.Max(worst, f.ArrivalS - s.ArrivalS);
                        Assert.True(f.ArrivalS <= s.ArrivalS, Invariant($"bin {k}, column {c}, row {r}: fast {f.ArrivalS} s, slow {s.ArrivalS} s"));
                    }
                    else if (f.IsReachable)
                    {
                        fastOnly++;
                    }
                    else if (s.IsReachable)
                    {
                        slowOnly++;
                    }
                }
            }
        }

        output.WriteLine(Invariant($"{both} nodes reached by both (fast minus slow at most {worst:F1} s); {fastOnly} by the faster only, {slowOnly} by the slower only"));
        Assert.True(both > 5_000);
    }

    /// <summary>
    /// The lowest fly-out bounds the direct sheet from below: a point just above its climb is reached on the way up, a
    /// point just below only by a lob coming down, hundreds of seconds later. The arrival jumps there, so the table
    /// must place that edge between its nodes (it interpolates the elevation of the fly-out and keeps the direct value only
    /// inside the guidance range). On the default table, for the climbs of the lowest fly-out at 24 azimuths between the
    /// bins, a point 500 m above or below is put on the right side of the edge every time; at 100 m some are not
    /// (printed). The catalog SM-3 IIA's lowest program (5°) never climbs into its band (it burns out 27 km up, almost
    /// level), so the edge is tested on the same interceptor with its guidance range starting at 20°, whose lowest
    /// program climbs through the band on the way up.
    /// </summary>
    [Fact]
    public void TheLowerEdgeOfTheDirectSheetIsPlacedWithinHalfAKilometre()
    {
        Interceptor catalogSm3 = Interceptor("sm-3-iia");
        Interceptor sm3 = catalogSm3 with { Rocket = catalogSm3.Rocket with { MinElevationRad = 20 * Deg } };
        ReachTable t = ReachTable.Build(sm3, Deveselu);
        FlightEnvironment env = FlightEnvironment.Default;
        var propagator = new Propagator(env, new PropagationOptions(1800, sm3.MinInterceptAltitudeM, 2, false, PropagationOptions.DefaultIntegrator));
        double[] offsets = [100, 250, 500, 1000];
        var wrong = new int[offsets.Length];
        int points = 0;
        for (int k = 0; k < 24; k++)
        {
            double az = (k * 15 + 7.3) * Deg;
            Trajectory lowest = propagator.Run(sm3.Rocket.Plan(env, Deveselu, 0, az, new ShapeControls(1, sm3.Rocket.MinElevationRad)));
            foreach (FlightState s in lowest.Samples)
            {
                TrajectoryPoint p = TrajectoryPoint.From(env, s);
                double h = p.Position.HeightM;
                if (h < t.MinAltitudeM + 5_000 || h > t.MaxAltitudeM - 5_000 || p.VelocityNedMPerS.Z > 0)
                {
                    continue;
                }

                points++;
                for (int i = 0; i < offsets.Length; i++)
                {
                    ReachPoint above = t.Earliest(p.Position with { HeightM = h + offsets[i] });
                    ReachPoint below = t.Earliest(p.Position with { HeightM = h - offsets[i] });
                    bool aboveIsDirect = above.IsReachable && Math.Abs(above.ArrivalS - s.TimeS) < 30;
                    bool belowIsDirect = below.IsReachable && below.ArrivalS < s.TimeS + 30;
                    wrong[i] += (aboveIsDirect ? 0 : 1) + (belowIsDirect ? 1 : 0);
                }
            }
        }

        output.WriteLine(Invariant($"{points} climbing points of the lowest fly-out; wrong side of the edge (of {2 * points}): ")
            + string.Join(", ", offsets.Select((d, i) => Invariant($"{wrong[i]} at {d:F0} m"))));
        Assert.True(points > 500);
        Assert.Equal(0, wrong[2]);
        Assert.Equal(0, wrong[3]);
    }

    [Fact]
    public void LookupsAllocateNothing()
    {
        ReachTable t = Sm3Small.Value;
        var site = new SiteGeodesic(Ellipsoid.Wgs84, Deveselu);
        Geodetic p = Geodesic.Direct(Ellipsoid.Wgs84, Deveselu.LatitudeRad, Deveselu.LongitudeRad, 1.0, 700_000) with { HeightM = 500_000 };
        double sum = t.Earliest(p).ArrivalS + t.Earliest(1.0, 700_000, 500_000).ArrivalS + site.To(p.LatitudeRad, p.LongitudeRad).DistanceM;
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++)
        {
            sum += t.Earliest(i * 1e-3, 100_000 + i * 100, 300_000).ArrivalS;
            sum += t.Earliest(p).ArrivalS;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.False(double.IsNaN(sum));
    }

    [Fact]
    public void TheConvenienceLookupsAgreeWithTheCoordinateLookup()
    {
        ReachTable t = Sm3Small.Value;
        var rng = new Random(5);
        for (int i = 0; i < 200; i++)
        {
            double az = rng.NextDouble() * 2 * Math.PI, r = rng.NextDouble() * 2_000_000, h = 70_000 + rng.NextDouble() * 900_000;
            Geodetic p = Geodesic.Direct(Ellipsoid.Wgs84, Deveselu.LatitudeRad, Deveselu.LongitudeRad, az, r) with { HeightM = h };
            (double a2, double r2) = t.AzimuthAndRange(p);
            Assert.Equal(t.Earliest(a2, r2, h), t.Earliest(p));
            ReachPoint viaEcef = t.Earliest(Ellipsoid.Wgs84.ToEcef(p));
            ReachPoint direct = t.Earliest(az, r, h);
            Assert.Equal(direct.IsReachable, viaEcef.IsReachable);
            if (direct.IsReachable)
            {
                Assert.Equal(direct.ArrivalS, viaEcef.ArrivalS, 1e-3);
            }
        }
    }

    /// <summary>
    /// Why the table keeps the Earth's rotation: the default SM-3 IIA table from Deveselu (44.08° N) and the same table
    /// built on a non-rotating WGS-84 Earth, compared due east and due west. The differences are printed (docs/reach-tables.md quotes them): a
    /// fraction of a second on a short climb, tens of seconds on long flights, of opposite signs east and west.
    /// </summary>
    [Fact]
    public void TheEarthsRotationChangesArrivalsBySeconds()
    {
        Interceptor sm3 = Interceptor("sm-3-iia");
        FlightEnvironment still = FlightEnvironment.Default with { Planet = Planet.Wgs84 with { RotationRateRadPerS = 0 } };
        ReachTable rotating = ReachTable.Build(sm3, Deveselu);
        ReachTable nonRotating = ReachTable.Build(sm3, Deveselu, ReachTableOptions.Default with { Environment = still });
        (double RangeKm, double AltitudeKm)[] points = [(300, 300), (600, 600), (1000, 800), (1500, 600), (1000, 300), (2000, 200)];
        double largest = 0;
        foreach ((double rangeKm, double altitudeKm) in points)
        {
            double r = rangeKm * 1000, h = altitudeKm * 1000;
            ReachPoint eastR = rotating.Earliest(90 * Deg, r, h), eastS = nonRotating.Earliest(90 * Deg, r, h);
            ReachPoint westR = rotating.Earliest(270 * Deg, r, h), westS = nonRotating.Earliest(270 * Deg, r, h);
            output.WriteLine(Invariant(
                $"{rangeKm,5:F0} km, {altitudeKm,4:F0} km: east {eastR.ArrivalS,7:F1} s rotating, {eastS.ArrivalS,7:F1} s still ({eastR.ArrivalS - eastS.ArrivalS,6:+0.0;-0.0;0.0} s); west {westR.ArrivalS,7:F1} s rotating, {westS.ArrivalS,7:F1} s still ({westR.ArrivalS - westS.ArrivalS,6:+0.0;-0.0;0.0} s)"));
            Assert.True(eastR.IsReachable && eastS.IsReachable && westR.IsReachable && westS.IsReachable);

            // Without rotation east and west differ only by the ellipsoid's shape and the site's latitude: little.
            Assert.True(Math.Abs(eastS.ArrivalS - westS.ArrivalS) < 0.01 * eastS.ArrivalS);
            largest = Math.Max(largest, Math.Max(Math.Abs(eastR.ArrivalS - eastS.ArrivalS), Math.Abs(westR.ArrivalS - westS.ArrivalS)));
        }

        int east = rotating.Options.AzimuthBins / 4, west = 3 * east;
        output.WriteLine(Invariant(
            $"farthest node: east {(rotating.Columns(east) - 1) * rotating.RangeCellM / 1000:F0} km rotating, {(nonRotating.Columns(east) - 1) * nonRotating.RangeCellM / 1000:F0} km still; west {(rotating.Columns(west) - 1) * rotating.RangeCellM / 1000:F0} km rotating, {(nonRotating.Columns(west) - 1) * nonRotating.RangeCellM / 1000:F0} km still"));
        // Flying east the vehicle is lighter (the Eötvös effect), flying west heavier: far out, east arrives earlier and west
        // later than on the still Earth, by seconds (3.4 s and 3.1 s at 2,000 km, 200 km up; on the old gravity-turn
        // fly-outs, whose lobs magnified it, by tens of seconds).
        ReachPoint farEastR = rotating.Earliest(90 * Deg, 2_000_000, 200_000), farEastS = nonRotating.Earliest(90 * Deg, 2_000_000, 200_000);
        ReachPoint farWestR = rotating.Earliest(270 * Deg, 2_000_000, 200_000), farWestS = nonRotating.Earliest(270 * Deg, 2_000_000, 200_000);
        Assert.True(farEastR.ArrivalS < farEastS.ArrivalS - 1 && farWestR.ArrivalS > farWestS.ArrivalS + 1,
            Invariant($"2,000 km out: east {farEastR.ArrivalS - farEastS.ArrivalS:+0.0;-0.0} s, west {farWestR.ArrivalS - farWestS.ArrivalS:+0.0;-0.0} s against the still Earth"));
        Assert.True(largest > 2, Invariant($"the largest effect is {largest:F1} s"));
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
