using Bulwark.Earth;
using Bulwark.Flight;
using Bulwark.Flight.Propagation;
using Bulwark.Flight.Vehicles;
using Bulwark.Integration;
using Bulwark.Numerics;

namespace Bulwark.Engagement.Reach;

/// <summary>How <see cref="DirectFlyout"/> searches.</summary>
public sealed record DirectFlyoutOptions
{
    /// <summary>The defaults.</summary>
    public static readonly DirectFlyoutOptions Default = new();

    /// <summary>Spacing of the first scan of the elevation range, rad.</summary>
    public double ScanStepRad { get; init; } = Angle.DegToRad(1.0);

    /// <summary>The longest flight considered, s (as <see cref="ReachTableOptions.MaxFlightTimeS"/>).</summary>
    public double MaxFlightTimeS { get; init; } = 1800;

    /// <summary>Lowest altitude reachable (a fly-out ends when it comes down through it), m; null = the interceptor's minimum intercept altitude.</summary>
    public double? MinAltitudeM { get; init; }

    /// <summary>Highest altitude considered, m; null = the interceptor's maximum intercept altitude.</summary>
    public double? MaxAltitudeM { get; init; }

    /// <summary>The world (rotating WGS-84, J2, 1976 atmosphere by default).</summary>
    public FlightEnvironment Environment { get; init; } = FlightEnvironment.Default;

    /// <summary>Error control of the integration.</summary>
    public IntegratorOptions Integrator { get; init; } = PropagationOptions.DefaultIntegrator;

    /// <summary>
    /// How far below a point (m) a local maximum of the fly-outs' altitude over its ground range may be and still be
    /// searched for a narrow crossing between two scan elevations.
    /// </summary>
    public double TangentSearchM { get; init; } = 100_000;
}

/// <summary>The earliest fly-out through a point, found by <see cref="DirectFlyout"/>.</summary>
/// <param name="Reach">arrival time after launch, speed and flight-path angle there (unreachable: +∞)</param>
/// <param name="AzimuthRad">launch azimuth of that fly-out, rad (NaN when unreachable)</param>
/// <param name="ElevationRad">its pitch-over elevation, rad (NaN when unreachable)</param>
/// <param name="Crossings">elevations at which a fly-out passes through the point (the earliest is kept)</param>
/// <param name="Flights">fly-outs flown to find it</param>
public readonly record struct DirectFlyoutSolution(ReachPoint Reach, double AzimuthRad, double ElevationRad, int Crossings, int Flights);

/// <summary>
/// The reference for <see cref="ReachTable"/>: the earliest arrival of an interceptor at a point by direct integration.
/// For an elevation θ the launch azimuth α is solved (secant iterations) so that the fly-out, when its ground range
/// first reaches the point's, is over the point's bearing; the fly-out's altitude there minus the point's is a function
/// g(θ). The elevation range is scanned at 1°; each sign change of g is refined to a root (Illinois, after bisecting
/// away any end where the fly-out does not reach the point's range); local maxima of g just below zero are searched
/// for a narrow pair of roots (golden section); and next to an elevation whose fly-out does not reach the range for a
/// reason other than coming down (the flight time runs out, or no azimuth puts it over the bearing, as for the
/// steepest shots near the site) g is followed toward that boundary by bisection, where it may rise through zero. The
/// earliest arrival over the roots is kept. Ranges and bearings are Karney geodesics (<see cref="Geodesic.Inverse"/>);
/// the ground-range crossing is an integration event, located on the dense output. The arrival is repeatable to about
/// a millisecond. Slow (200–500 fly-outs, a quarter to half a second per point here): for tests.
/// </summary>
public sealed class DirectFlyout
{
    private const double Sentinel = -1e9;
    private const double BearingToleranceRad = 1e-9;

    /// <summary>Elevation tolerance of a crossing, rad.</summary>
    private const double RootToleranceRad = 1e-9;

    /// <summary>
    /// The most a crossing may miss the point's altitude, m. A fly-out's altitude at a given range is repeatable only to
    /// about a metre as the elevation changes (the integrator's step sequence changes with it), so the root finder ends
    /// on the elevation tolerance with a residual of that order; a sign change that is no crossing (a fly-out that stops
    /// reaching the range) leaves a residual of hundreds of kilometres.
    /// </summary>
    private const double CrossingToleranceM = 50;
    private readonly Interceptor _interceptor;
    private readonly Geodetic _site;
    private readonly DirectFlyoutOptions _options;
    private readonly FlyoutRunner _runner;
    private readonly RangeEvent _rangeEvent;
    private readonly double _minAlt, _maxAlt;
    private int _flights;

    /// <summary>A reference solver for one interceptor and site. Not thread-safe: one per thread.</summary>
    public DirectFlyout(Interceptor interceptor, Geodetic site, DirectFlyoutOptions? options = null)
    {
        _interceptor = interceptor;
        _site = site;
        _options = options ?? DirectFlyoutOptions.Default;
        _minAlt = _options.MinAltitudeM ?? interceptor.MinInterceptAltitudeM;
        _maxAlt = _options.MaxAltitudeM ?? interceptor.MaxInterceptAltitudeM;
        _runner = new FlyoutRunner(_options.Environment, _options.Integrator, _minAlt, 0, _options.MaxFlightTimeS);
        _rangeEvent = new RangeEvent(_options.Environment, site);
    }

    /// <summary>The earliest arrival at <paramref name="point"/> (its height is the altitude).</summary>
    public ReachPoint Earliest(Geodetic point) => Solve(point).Reach;

    /// <summary>The earliest fly-out through <paramref name="point"/>, with its launch azimuth and elevation.</summary>
    public DirectFlyoutSolution Solve(Geodetic point)
    {
        _flights = 0;
        if (!(point.HeightM >= _minAlt && point.HeightM <= _maxAlt))
        {
            return new DirectFlyoutSolution(ReachPoint.Unreachable, double.NaN, double.NaN, 0, 0);
        }

        Target target = TargetOf(point);
        (double lo, double hi) = _interceptor.Rocket.ElevationRange;
        int n = Math.Max(2, (int)Math.Ceiling((hi - lo) / _options.ScanStepRad - 1e-9) + 1);
        var theta = new double[n];
        var g = new double[n];
        var alpha = new double[n];
        var landed = new bool[n];
        double guess = target.BearingRad;
        for (int i = 0; i < n; i++)
        {
            theta[i] = i == n - 1 ? hi : lo + (hi - lo) * i / (n - 1);
            (g[i], Shot s) = Exact(theta[i], target, guess);
            alpha[i] = s.Reached ? s.AzimuthRad : target.BearingRad;
            landed[i] = s.Landed;
            guess = alpha[i];
        }

        Shot best = default;
        double bestTheta = double.NaN;
        int crossings = 0;
        void Consider((double ThetaRad, Shot Shot)? root)
        {
            if (root is not { } r)
            {
                return;
            }

            crossings++;
            if (!best.Reached || r.Shot.TimeS < best.TimeS)
            {
                best = r.Shot;
                bestTheta = r.ThetaRad;
            }
        }

        for (int i = 0; i + 1 < n; i++)
        {
            if ((g[i] < 0) != (g[i + 1] < 0))
            {
                Consider(Refine(theta[i], g[i], theta[i + 1], g[i + 1], target, alpha[i]));
            }
        }

        // A narrow pair of crossings between scan points: a local maximum of g just below zero.
        for (int i = 0; i < n; i++)
        {
            double left = i > 0 ? g[i - 1] : Sentinel, right = i + 1 < n ? g[i + 1] : Sentinel;
            if (g[i] < 0 && g[i] > -_options.TangentSearchM && g[i] >= left && g[i] >= right)
            {
                double a = theta[Math.Max(0, i - 1)], b = theta[Math.Min(n - 1, i + 1)];
                double aGuess = alpha[i];
                (double thMax, double gMax) = Solvers.Maximise(th => Exact(th, target, aGuess).G, a, b, 1e-7);
                if (gMax >= 0)
                {
                    double ga = Exact(a, target, aGuess).G, gb = Exact(b, target, aGuess).G;
                    Consider(Refine(a, ga, thMax, gMax, target, aGuess));
                    Consider(Refine(thMax, gMax, b, gb, target, aGuess));
                }
            }
        }

        // Between a fly-out that passes below the point and one that does not reach its range at all for a reason other
        // than coming down (the flight time runs out, or no azimuth puts it over the point's bearing, as for the
        // steepest shots near the site), g may rise through zero in a narrow interval: bisect toward that boundary.
        for (int i = 0; i + 1 < n; i++)
        {
            int reached = g[i] == Sentinel ? i + 1 : i, other = reached == i ? i + 1 : i;
            if (g[reached] != Sentinel && g[reached] < 0 && g[other] == Sentinel && !landed[other])
            {
                Consider(TowardBoundary(theta[reached], g[reached], theta[other], target, alpha[reached]));
            }
        }

        return best.Reached
            ? new DirectFlyoutSolution(new ReachPoint(best.TimeS, best.SpeedMPerS, best.FlightPathAngleRad) { ElevationRad = bestTheta, LaunchAzimuthRad = best.AzimuthRad },
                best.AzimuthRad, bestTheta, crossings, _flights)
            : new DirectFlyoutSolution(ReachPoint.Unreachable, double.NaN, double.NaN, 0, _flights);
    }

    /// <summary>
    /// The fly-out of the program nearest <paramref name="elevationGuessRad"/> that passes through <paramref name="point"/>:
    /// the elevations within <paramref name="halfWidthRad"/> of the guess are scanned (nine points), each sign change of
    /// g refined as <see cref="Solve"/> refines it, and the crossing nearest the guess kept. This is how a reach table's
    /// program (<see cref="ReachPoint.ElevationRad"/>, <see cref="ReachPoint.LaunchAzimuthRad"/>) is flown exactly
    /// through its point, for drawing, in a few dozen fly-outs instead of <see cref="Solve"/>'s hundreds. Unreachable when
    /// no program in that window passes through the point.
    /// </summary>
    public DirectFlyoutSolution SolveNear(Geodetic point, double elevationGuessRad, double azimuthGuessRad, double halfWidthRad)
    {
        _flights = 0;
        if (!(point.HeightM >= _minAlt && point.HeightM <= _maxAlt) || !double.IsFinite(elevationGuessRad) || !(halfWidthRad > 0))
        {
            return new DirectFlyoutSolution(ReachPoint.Unreachable, double.NaN, double.NaN, 0, 0);
        }

        Target target = TargetOf(point);
        (double lo, double hi) = _interceptor.Rocket.ElevationRange;
        double from = Math.Max(lo, elevationGuessRad - halfWidthRad), to = Math.Min(hi, elevationGuessRad + halfWidthRad);
        const int N = 9;
        var theta = new double[N];
        var g = new double[N];
        var alpha = new double[N];
        double guess = double.IsFinite(azimuthGuessRad) ? azimuthGuessRad : target.BearingRad;
        for (int i = 0; i < N; i++)
        {
            theta[i] = from + (to - from) * i / (N - 1);
            (g[i], Shot s) = Exact(theta[i], target, guess);
            alpha[i] = s.Reached ? s.AzimuthRad : guess;
        }

        Shot best = default;
        double bestTheta = double.NaN;
        int crossings = 0;
        for (int i = 0; i + 1 < N; i++)
        {
            if ((g[i] < 0) != (g[i + 1] < 0) && Refine(theta[i], g[i], theta[i + 1], g[i + 1], target, alpha[i]) is { } r)
            {
                crossings++;
                if (!best.Reached || Math.Abs(r.ThetaRad - elevationGuessRad) < Math.Abs(bestTheta - elevationGuessRad))
                {
                    (best, bestTheta) = (r.Shot, r.ThetaRad);
                }
            }
        }

        return best.Reached
            ? new DirectFlyoutSolution(new ReachPoint(best.TimeS, best.SpeedMPerS, best.FlightPathAngleRad) { ElevationRad = bestTheta, LaunchAzimuthRad = best.AzimuthRad },
                best.AzimuthRad, bestTheta, crossings, _flights)
            : new DirectFlyoutSolution(ReachPoint.Unreachable, double.NaN, double.NaN, 0, _flights);
    }

    private Target TargetOf(Geodetic point)
    {
        GeodesicLine line = Geodesic.Inverse(_options.Environment.Planet.Shape, _site.LatitudeRad, _site.LongitudeRad, point.LatitudeRad, point.LongitudeRad);
        _rangeEvent.RangeM = line.DistanceM;
        return new Target(line.InitialAzimuthRad, line.DistanceM, point.HeightM);
    }

    /// <summary>
    /// Bisects from a fly-out that passes below the point (θ reached, g &lt; 0) toward one that does not reach its range
    /// (θ other); the first fly-out found above the point gives a bracket to refine. Null when none is found.
    /// </summary>
    private (double ThetaRad, Shot Shot)? TowardBoundary(double reached, double gReached, double other, Target target, double azimuthGuessRad)
    {
        for (int k = 0; k < 40 && Math.Abs(other - reached) > RootToleranceRad; k++)
        {
            double m = 0.5 * (reached + other);
            (double gm, Shot s) = Exact(m, target, azimuthGuessRad);
            if (!s.Reached)
            {
                other = m;
            }
            else if (gm >= 0)
            {
                return Refine(reached, gReached, m, gm, target, s.AzimuthRad);
            }
            else
            {
                (reached, gReached, azimuthGuessRad) = (m, gm, s.AzimuthRad);
            }
        }

        return null;
    }

    /// <summary>
    /// The crossing between elevations a and b where g changes sign (Illinois on θ, azimuth solved at each), or null when
    /// the sign change is not a crossing (a fly-out that stops reaching the point's range).
    /// </summary>
    private (double ThetaRad, Shot Shot)? Refine(double a, double ga, double b, double gb, Target target, double azimuthGuessRad)
    {
        if ((ga < 0) == (gb < 0))
        {
            return null;
        }

        // Where a fly-out stops reaching the point's range (g is the sentinel there), bisect until both ends reach it:
        // the sentinel end moves in while the midpoint does not reach the range or is on the real end's other side.
        while ((ga == Sentinel || gb == Sentinel) && Math.Abs(b - a) > RootToleranceRad)
        {
            double m = 0.5 * (a + b);
            double gm = Exact(m, target, azimuthGuessRad).G;
            bool sentinelAtA = ga == Sentinel;
            double gReal = sentinelAtA ? gb : ga;
            if ((gm == Sentinel || (gm < 0) != (gReal < 0)) == sentinelAtA)
            {
                (a, ga) = (m, gm);
            }
            else
            {
                (b, gb) = (m, gm);
            }
        }

        if (ga == Sentinel || gb == Sentinel)
        {
            return null;
        }

        double root = Solvers.FindRoot(th => Exact(th, target, azimuthGuessRad).G, a, b, ga, gb, RootToleranceRad, 0.01);
        (double g, Shot s) = Exact(root, target, azimuthGuessRad);
        return s.Reached && Math.Abs(g) < CrossingToleranceM ? (root, s) : null;
    }

    /// <summary>
    /// g at elevation θ: the fly-out's altitude minus the point's when its ground range first reaches the point's, with
    /// the launch azimuth solved (secant, from the guess, then from the point's bearing if that fails) so that it is
    /// over the point's bearing there; <see cref="Sentinel"/> when no such fly-out reaches the range.
    /// </summary>
    private (double G, Shot Shot) Exact(double thetaRad, Target target, double azimuthGuessRad)
    {
        (double G, Shot Shot) r = SolveAzimuth(thetaRad, target, azimuthGuessRad);
        if (r.Shot.Reached || Math.Abs(Angle.WrapPiFast(azimuthGuessRad - target.BearingRad)) < 1e-12)
        {
            return r;
        }

        return SolveAzimuth(thetaRad, target, target.BearingRad);
    }

    private (double G, Shot Shot) SolveAzimuth(double thetaRad, Target target, double a0)
    {
        Shot s0 = Fly(a0, thetaRad, target);
        if (!s0.Reached)
        {
            return (Sentinel, s0);
        }

        double m0 = Miss(s0, target);
        double a1 = a0 - m0;
        for (int k = 0; k < 20 && Math.Abs(m0) > BearingToleranceRad; k++)
        {
            Shot s1 = Fly(a1, thetaRad, target);
            if (!s1.Reached)
            {
                return (Sentinel, s1);
            }

            double m1 = Miss(s1, target);
            double slope = (m1 - m0) / (a1 - a0);
            double step = double.IsFinite(slope) && Math.Abs(slope) > 0.1 ? -m1 / slope : -m1;
            (a0, m0, s0) = (a1, m1, s1);
            a1 += Math.Clamp(step, -0.3, 0.3);
        }

        return Math.Abs(m0) <= 1e-6 ? (s0.AltitudeM - target.AltitudeM, s0) : (Sentinel, default);
    }

    private static double Miss(Shot s, Target target) => Angle.WrapPiFast(s.BearingRad - target.BearingRad);

    /// <summary>Flies (α, θ) until its ground range reaches the point's.</summary>
    private Shot Fly(double azimuthRad, double thetaRad, Target target)
    {
        _flights++;
        FlightEnvironment env = _options.Environment;
        FlightPlan plan = _interceptor.Rocket.Plan(env, _site, 0, azimuthRad, new ShapeControls(1, thetaRad));
        FlyoutEnd end = _runner.Run(plan, _rangeEvent);
        if (end != FlyoutEnd.Extra)
        {
            return new Shot { Landed = end != FlyoutEnd.Time };
        }

        FlightState state = _runner.Final;
        TrajectoryPoint p = TrajectoryPoint.From(env, state);
        GeodesicLine line = Geodesic.Inverse(env.Planet.Shape, _site.LatitudeRad, _site.LongitudeRad, p.Position.LatitudeRad, p.Position.LongitudeRad);
        if (target.RangeM > 0 && Math.Abs(line.DistanceM - target.RangeM) > 1e-3 * Math.Max(1, target.RangeM))
        {
            return default;
        }

        return new Shot(true, azimuthRad, state.TimeS - plan.Initial.TimeS, p.Position.HeightM, line.InitialAzimuthRad, p.SpeedMPerS, p.FlightPathAngleRad);
    }

    private readonly record struct Target(double BearingRad, double RangeM, double AltitudeM);

    /// <summary>A fly-out to the point's range; when it does not get there, <see cref="Landed"/> tells whether it came down first.</summary>
    private readonly record struct Shot(bool Reached, double AzimuthRad, double TimeS, double AltitudeM, double BearingRad, double SpeedMPerS, double FlightPathAngleRad)
    {
        public bool Landed { get; init; }
    }

    /// <summary>g = Karney ground range of the sub-point from the site − the point's range; rising through zero.</summary>
    private sealed class RangeEvent(FlightEnvironment environment, Geodetic site) : IEventFunction
    {
        public double RangeM { get; set; }

        public CrossingDirection Direction => CrossingDirection.Increasing;

        public double Value(double t, ReadOnlySpan<double> y)
        {
            Vec3 rEcef = EarthRotation.EciToEcef(Vec3.From(y, 0), t, environment.Planet.RotationRateRadPerS);
            Geodetic g = environment.Planet.Shape.ToGeodetic(rEcef);
            return Geodesic.Inverse(environment.Planet.Shape, site.LatitudeRad, site.LongitudeRad, g.LatitudeRad, g.LongitudeRad).DistanceM - RangeM;
        }
    }
}
