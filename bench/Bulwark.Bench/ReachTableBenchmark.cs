using System.Globalization;
using BenchmarkDotNet.Attributes;
using Bulwark.Catalog;
using Bulwark.Earth;
using Bulwark.Engagement;
using Bulwark.Engagement.Reach;

namespace Bulwark.Bench;

/// <summary>
/// The reach table of the catalog's SM-3 IIA at Deveselu (default options: 24 azimuth bins, a 1° fan, 2 s samples,
/// 10 km × 5 km cells) against the direct computation it replaces:
/// <list type="bullet">
/// <item><see cref="Build"/>: <see cref="ReachTable.Build"/> (1,896 fly-outs, on every core).</item>
/// <item><see cref="Lookup"/>: one <see cref="ReachTable.Earliest(double, double, double)"/> (azimuth, ground range,
/// altitude), averaged over 4,096 points drawn over the interceptor's envelope (about three in four reachable).</item>
/// <item><see cref="LookupGeodetic"/>: the same points as geodetic positions (<see cref="ReachTable.Earliest(Geodetic)"/>,
/// which adds the <see cref="SiteGeodesic"/> azimuth and range).</item>
/// <item><see cref="LookupAlongTrack"/>: 4,096 points 250 m apart along a straight climb in (range, altitude) at a fixed
/// bearing, as a threat's sampled track would be looked up: neighbouring lookups share grid cells, so the nodes are
/// in cache (random points over the 26.5 MB grid mostly miss it).</item>
/// <item><see cref="DirectFlyoutSolve"/>: <see cref="DirectFlyout.Solve"/> of one point (about 300 fly-outs).</item>
/// </list>
/// The shortcut's error against <see cref="DirectFlyout"/> is measured by
/// tests/Bulwark.Tests/Engagement/Reach/ReachTableValidationTests.cs and quoted in docs/performance.md and
/// docs/reach-tables.md.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchConfig))]
public class ReachTableBenchmark
{
    private const int Points = 4096;

    private Interceptor _interceptor = null!;
    private Geodetic _site;
    private ReachTable _table = null!;
    private readonly double[] _azimuth = new double[Points];
    private readonly double[] _range = new double[Points];
    private readonly double[] _altitude = new double[Points];
    private readonly Geodetic[] _points = new Geodetic[Points];
    private readonly double[] _trackRange = new double[Points];
    private readonly double[] _trackAltitude = new double[Points];
    private DirectFlyout _direct = null!;
    private Geodetic _directPoint;

    [GlobalSetup]
    public void Setup()
    {
        _interceptor = BulwarkCatalog.BuiltIn.Interceptor("sm-3-iia");
        _site = BulwarkCatalog.BuiltIn.Place("deveselu").Position;
        _table = ReachTable.Build(_interceptor, _site);
        var rng = new Random(42);
        int reachable = 0;
        for (int i = 0; i < Points; i++)
        {
            _azimuth[i] = rng.NextDouble() * 2 * Math.PI;
            _range[i] = 20_000 + rng.NextDouble() * 2_000_000;
            _altitude[i] = _interceptor.MinInterceptAltitudeM + rng.NextDouble() * (_interceptor.MaxInterceptAltitudeM - _interceptor.MinInterceptAltitudeM);
            _points[i] = Geodesic.Direct(Ellipsoid.Wgs84, _site.LatitudeRad, _site.LongitudeRad, _azimuth[i], _range[i]) with { HeightM = _altitude[i] };
            reachable += _table.Earliest(_azimuth[i], _range[i], _altitude[i]).IsReachable ? 1 : 0;
        }

        for (int i = 0; i < Points; i++)
        {
            _trackRange[i] = 600_000 + i * 200.0;
            _trackAltitude[i] = 300_000 + i * 150.0;
        }

        _direct = new DirectFlyout(_interceptor, _site);
        _directPoint = Geodesic.Direct(Ellipsoid.Wgs84, _site.LatitudeRad, _site.LongitudeRad, 1.0, 800_000) with { HeightM = 400_000 };
        DirectFlyoutSolution s = _direct.Solve(_directPoint);
        Console.WriteLine(Invariant(
            $"// table: {_table.FlyoutCount} fly-outs, {_table.SampleCount} samples, {_table.NodeCount} nodes, {_table.GridBytes / 1e6:F1} MB; {reachable} of {Points} lookup points reachable"));
        Console.WriteLine(Invariant(
            $"// direct: {s.Flights} fly-outs; arrival {s.Reach.ArrivalS:F2} s (table {_table.Earliest(_directPoint).ArrivalS:F2} s)"));
    }

    [Benchmark]
    public ReachTable Build() => ReachTable.Build(_interceptor, _site);

    [Benchmark(OperationsPerInvoke = Points)]
    public double Lookup()
    {
        double sum = 0;
        for (int i = 0; i < Points; i++)
        {
            ReachPoint p = _table.Earliest(_azimuth[i], _range[i], _altitude[i]);
            sum += p.IsReachable ? p.ArrivalS : 0;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Points)]
    public double LookupGeodetic()
    {
        double sum = 0;
        for (int i = 0; i < Points; i++)
        {
            ReachPoint p = _table.Earliest(_points[i]);
            sum += p.IsReachable ? p.ArrivalS : 0;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Points)]
    public double LookupAlongTrack()
    {
        double sum = 0;
        for (int i = 0; i < Points; i++)
        {
            ReachPoint p = _table.Earliest(2.0, _trackRange[i], _trackAltitude[i]);
            sum += p.IsReachable ? p.ArrivalS : 0;
        }

        return sum;
    }

    [Benchmark]
    public DirectFlyoutSolution DirectFlyoutSolve() => _direct.Solve(_directPoint);

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
