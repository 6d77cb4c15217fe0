using Bulwark.Earth;
using Bulwark.Engagement;
using Bulwark.Flight;
using Bulwark.Flight.Propagation;
using Bulwark.Flight.Vehicles;
using Bulwark.Integration;
using Bulwark.Numerics;
using Bulwark.Sensing;

namespace Bulwark.Tests.Engagement;

/// <summary>The earliest intercept found by <see cref="BruteForceIntercept"/>.</summary>
/// <param name="InterceptS">the earliest time found at which a fly-out meets the threat, s (the threat is out of reach just before: see <see cref="InfeasibleBeforeS"/>)</param>
/// <param name="InfeasibleBeforeS">the latest time checked at which no fly-out meets the threat, s: the true earliest intercept lies in (this, <see cref="InterceptS"/>]</param>
/// <param name="LaunchS">launch time of the fly-out that meets it, s</param>
/// <param name="AzimuthRad">its launch azimuth, rad</param>
/// <param name="ElevationRad">its pitch-over elevation, rad</param>
/// <param name="MissM">its distance from the threat at the intercept time, m</param>
/// <param name="Flights">fly-outs integrated in the whole search</param>
/// <param name="CoarseFlights">of which on the coarse grid</param>
internal sealed record BruteForceResult(double InterceptS, double InfeasibleBeforeS, double LaunchS, double AzimuthRad, double ElevationRad, double MissM, int Flights, int CoarseFlights);

/// <summary>
/// An independent brute-force search for a battery's earliest intercept of a threat, on a NON-ROTATING planet, for the
/// check of <see cref="InterceptSolver"/> and <see cref="Bulwark.Engagement.Reach.ReachTable"/> (issue "Engagement",
/// acceptance 2). It uses no reach table, no inversion and no <see cref="Bulwark.Engagement.Reach.DirectFlyout"/>: only the
/// interceptor's flight plan and the propagator.
/// <para>
/// An intercept at time t is a launch time L ≥ L₀ (the earliest launch) and a fly-out direction (azimuth α, pitch-over
/// elevation θ, full energy, as every catalog fly-out) whose interceptor is at the threat's position R(t) at the same time
/// t, with R(t) within the interceptor's intercept altitudes and the flight t − L no longer than the longest flight
/// (1,800 s, as the reach table). On a non-rotating planet the Earth-fixed frame is inertial and a fly-out does not depend
/// on when it starts: the fly-out of direction (α, θ) launched at L is the one launched at 0 shifted by L (the test checks
/// this), so one integration per direction serves every launch time, and the launch-time grid is L = t_k − τ_j over the
/// threat's samples t_k and the fly-out's samples τ_j.
/// </para>
/// <para>
/// 1. Coarse: fly-outs on a grid of directions (2° in azimuth over the threat's bearings from the site plus a 5°
///    margin, 2° in elevation over the guidance range), sampled every second; each sample is compared with every threat
///    sample within 250 km whose time allows that flight time (L ≥ L₀), keeping for each threat sample the three
///    closest distinct directions. 2. For the threat samples in time order whose closest coarse miss is within 250 km,
///    the miss is minimised over (α, θ) by Nelder–Mead from those directions, each evaluation a fresh integration, the
///    flight time free in [0, t − L₀]; the first sample where a fly-out comes within 100 m of the threat is feasible.
///    After a sample refined to a miss m, the samples in the next m / (2(v_T + v_I)) are skipped: the miss cannot
///    shrink faster than the threat's speed plus the interceptor's top speed. 3. Bisection in continuous time (the
///    threat's track interpolated) between that sample and the one before.
/// </para>
/// </summary>
internal sealed class BruteForceIntercept
{
    private const double Deg = Math.PI / 180;

    private readonly Interceptor _interceptor;
    private readonly Geodetic _site;
    private readonly FlightEnvironment _env;
    private readonly double _minAlt, _maxAlt;
    private int _flights;

    public BruteForceIntercept(Interceptor interceptor, Geodetic site, FlightEnvironment environment)
    {
        if (environment.Planet.IsRotating)
        {
            throw new ArgumentException("the brute-force search assumes a non-rotating planet (a fly-out independent of its launch time)");
        }

        _interceptor = interceptor;
        _site = site;
        _env = environment;
        _minAlt = interceptor.MinInterceptAltitudeM;
        _maxAlt = interceptor.MaxInterceptAltitudeM;
    }

    public double AzimuthStepRad { get; init; } = 2 * Deg;

    public double ElevationStepRad { get; init; } = 2 * Deg;

    public double AzimuthMarginRad { get; init; } = 5 * Deg;

    public double CoarseStepS { get; init; } = 1;

    /// <summary>A threat sample farther than this from every coarse fly-out sample is out of reach, m (the coarse grid's spacing is much finer).</summary>
    public double CoarseMissM { get; init; } = 250_000;

    /// <summary>Error control of the coarse fly-outs (relative 1e−8: metres, against a coarse miss of hundreds of kilometres).</summary>
    public IntegratorOptions CoarseIntegrator { get; init; } = new(1e-8, 1e-3, 60, 0, 1_000_000);

    /// <summary>A fly-out this close to the threat meets it, m.</summary>
    public double HitM { get; init; } = 100;

    public double MaxFlightTimeS { get; init; } = 1800;

    /// <summary>Sampling of the fly-outs the refinement flies, s (Hermite-interpolated between samples).</summary>
    public double FineStepS { get; init; } = 0.5;

    public int BisectionSteps { get; init; } = 8;

    /// <summary>The fly-out of direction (α, θ) launched at <paramref name="launchS"/>, sampled every <paramref name="stepS"/> for at most <paramref name="flightS"/>.</summary>
    public HermitePath Flyout(double azimuthRad, double elevationRad, double flightS, double stepS, double launchS = 0, IntegratorOptions? integrator = null)
    {
        Interlocked.Increment(ref _flights);
        FlightPlan plan = _interceptor.Rocket.Plan(_env, _site, launchS, azimuthRad, new ShapeControls(1, elevationRad));
        var options = new PropagationOptions(launchS + flightS, 0, stepS, false, integrator ?? PropagationOptions.DefaultIntegrator);
        Trajectory t = new Propagator(_env, options).Run(plan);
        int n = t.Samples.Count;
        var times = new double[n];
        var r = new Vec3[n];
        var v = new Vec3[n];
        for (int i = 0; i < n; i++)
        {
            FlightState s = t.Samples[i];
            times[i] = s.TimeS - launchS;
            r[i] = _env.EcefPosition(s);
            v[i] = _env.EcefVelocity(s);
        }

        return new HermitePath(times, r, v);
    }

    /// <summary>The earliest intercept of <paramref name="track"/> by an interceptor launched no earlier than <paramref name="earliestLaunchS"/>, or null.</summary>
    public BruteForceResult? Earliest(IReadOnlyList<TrackPoint> track, double earliestLaunchS)
    {
        _flights = 0;
        var threat = new HermitePath([.. track.Select(p => p.TimeS)], [.. track.Select(p => p.EcefM)], [.. track.Select(p => p.VelocityEcefMPerS)]);
        double l0 = earliestLaunchS;
        int[] candidates = [.. Enumerable.Range(0, track.Count).Where(k => track[k].TimeS > l0 && InBand(track[k].HeightM))];
        if (candidates.Length == 0)
        {
            return null;
        }

        double longest = Math.Min(MaxFlightTimeS, track[candidates[^1]].TimeS - l0);
        (double[] azimuths, double[] elevations) = CoarseGrid(track, candidates);
        var best = Coarse(track, candidates, l0, longest, azimuths, elevations);
        int coarseFlights = _flights;

        // How fast the least miss can shrink: the threat moves at most v_T per second and the region the interceptor can be
        // in grows by at most its top speed v_I per second of extra flight time, so miss(t + Δ) ≥ miss(t) − (v_T + v_I)Δ.
        double threatSpeed = track.Max(p => p.VelocityEcefMPerS.Norm);
        double closing = threatSpeed + 1.1 * InterceptorSpeedMPerS;
        double nextCheckS = double.NegativeInfinity;
        for (int c = 0; c < candidates.Length; c++)
        {
            int k = candidates[c];
            if (best[c].Count == 0 || track[k].TimeS < nextCheckS)
            {
                continue;
            }

            Hit hit = Refine(threat.At(track[k].TimeS), track[k].TimeS - l0, best[c].Select(s => (s.AzimuthRad, s.ElevationRad)));
            if (hit.MissM > HitM)
            {
                // Out of reach until at least miss / (v_T + v_I) later; half that is skipped (a margin for a minimum
                // the refinement did not find).
                nextCheckS = track[k].TimeS + hit.MissM / (2 * closing);
                continue;
            }

            // The threat sample before is infeasible (out of band, before L₀, no coarse direction within the coarse miss,
            // refined above, or skipped by the bound above): bisect between the two in time.
            // Within a sample the meeting fly-out's direction moves little: each step starts from the last one found.
            double lo = k > 0 ? track[k - 1].TimeS : track[k].TimeS - 1, hi = track[k].TimeS;
            for (int i = 0; i < BisectionSteps; i++)
            {
                double mid = (lo + hi) / 2;
                Hit h = mid > l0 && InBand(_env.Planet.Shape.ToGeodetic(threat.At(mid)).HeightM)
                    ? Refine(threat.At(mid), mid - l0, [(hit.AzimuthRad, hit.ElevationRad)])
                    : new Hit(double.PositiveInfinity, 0, 0, 0);
                if (h.MissM <= HitM)
                {
                    (hi, hit) = (mid, h);
                }
                else
                {
                    lo = mid;
                }
            }

            return new BruteForceResult(hi, lo, hi - hit.FlightS, hit.AzimuthRad, hit.ElevationRad, hit.MissM, _flights, coarseFlights);
        }

        return null;
    }

    private bool InBand(double heightM) => heightM >= _minAlt && heightM <= _maxAlt;

    /// <summary>The coarse directions: azimuths every step over the bearings of the candidate points plus the margin, elevations over the guidance range.</summary>
    private (double[] Azimuths, double[] Elevations) CoarseGrid(IReadOnlyList<TrackPoint> track, int[] candidates)
    {
        Ellipsoid shape = _env.Planet.Shape;
        double[] bearings = [.. candidates.Select(k =>
        {
            Geodetic g = shape.ToGeodetic(track[k].EcefM);
            double a = Geodesic.Inverse(shape, _site.LatitudeRad, _site.LongitudeRad, g.LatitudeRad, g.LongitudeRad).InitialAzimuthRad;
            return a < 0 ? a + 2 * Math.PI : a;
        }).Order()];

        // The smallest arc holding every bearing: from after the largest gap between neighbours (circularly).
        int start = 0;
        double gap = bearings[0] + 2 * Math.PI - bearings[^1];
        for (int i = 1; i < bearings.Length; i++)
        {
            if (bearings[i] - bearings[i - 1] > gap)
            {
                gap = bearings[i] - bearings[i - 1];
                start = i;
            }
        }

        double from = bearings[start] - AzimuthMarginRad;
        double span = Math.Min(2 * Math.PI, 2 * Math.PI - gap + 2 * AzimuthMarginRad);
        int na = (int)Math.Ceiling(span / AzimuthStepRad) + 1;
        (double lo, double hi) = _interceptor.Rocket.ElevationRange;
        int ne = (int)Math.Ceiling((hi - lo) / ElevationStepRad - 1e-9) + 1;
        return ([.. Enumerable.Range(0, na).Select(i => Math.Floor(from / AzimuthStepRad) * AzimuthStepRad + i * AzimuthStepRad)],
            [.. Enumerable.Range(0, ne).Select(j => Math.Min(hi, lo + j * ElevationStepRad))]);
    }

    private readonly record struct Seed(double MissM, double AzimuthRad, double ElevationRad);

    /// <summary>For each candidate threat sample, up to three distinct coarse directions that come within the coarse miss of it in time.</summary>
    private List<Seed>[] Coarse(IReadOnlyList<TrackPoint> track, int[] candidates, double l0, double longest, double[] azimuths, double[] elevations)
    {
        double cell = CoarseMissM;
        var grid = new Dictionary<(long, long, long), List<int>>();
        for (int c = 0; c < candidates.Length; c++)
        {
            Vec3 p = track[candidates[c]].EcefM;
            var key = ((long)Math.Floor(p.X / cell), (long)Math.Floor(p.Y / cell), (long)Math.Floor(p.Z / cell));
            if (!grid.TryGetValue(key, out var list))
            {
                grid[key] = list = [];
            }

            list.Add(c);
        }

        int nd = azimuths.Length * elevations.Length;
        var perDirection = new List<(int Candidate, double MissM)>[nd];
        var speeds = new double[nd];
        Parallel.For(0, nd, d =>
        {
            double az = azimuths[d / elevations.Length], el = elevations[d % elevations.Length];
            HermitePath f = Flyout(az, el, longest, CoarseStepS, 0, CoarseIntegrator);
            double vMax = 0;
            for (int j = 0; j + 1 < f.Count; j++)
            {
                vMax = Math.Max(vMax, (f.PositionAt(j + 1) - f.PositionAt(j)).Norm / (f.TimeAt(j + 1) - f.TimeAt(j)));
            }

            speeds[d] = vMax;
            var found = new Dictionary<int, double>();
            for (int j = 0; j < f.Count; j++)
            {
                Vec3 x = f.PositionAt(j);
                double tau = f.TimeAt(j);
                long ix = (long)Math.Floor(x.X / cell), iy = (long)Math.Floor(x.Y / cell), iz = (long)Math.Floor(x.Z / cell);
                for (long a = ix - 1; a <= ix + 1; a++)
                {
                    for (long b = iy - 1; b <= iy + 1; b++)
                    {
                        for (long e = iz - 1; e <= iz + 1; e++)
                        {
                            if (!grid.TryGetValue((a, b, e), out var list))
                            {
                                continue;
                            }

                            foreach (int c in list)
                            {
                                TrackPoint p = track[candidates[c]];
                                double miss = (x - p.EcefM).Norm;
                                if (tau <= p.TimeS - l0 && miss < CoarseMissM && (!found.TryGetValue(c, out double m) || miss < m))
                                {
                                    found[c] = miss;
                                }
                            }
                        }
                    }
                }
            }

            perDirection[d] = [.. found.Select(kv => (kv.Key, kv.Value))];
        });

        var best = new List<Seed>[candidates.Length];
        for (int c = 0; c < best.Length; c++)
        {
            best[c] = [];
        }

        for (int d = 0; d < nd; d++)
        {
            foreach (var (c, miss) in perDirection[d])
            {
                Insert(best[c], new Seed(miss, azimuths[d / elevations.Length], elevations[d % elevations.Length]));
            }
        }

        InterceptorSpeedMPerS = speeds.Max();
        return best;
    }

    /// <summary>The fastest the coarse fly-outs moved (chord over a sample step), m/s.</summary>
    private double InterceptorSpeedMPerS { get; set; }

    /// <summary>Keeps the three closest seeds that are more than 3° apart from each other.</summary>
    private static void Insert(List<Seed> seeds, Seed s)
    {
        int near = seeds.FindIndex(x => Math.Abs(Angles(x.AzimuthRad - s.AzimuthRad)) <= 3 * Deg && Math.Abs(x.ElevationRad - s.ElevationRad) <= 3 * Deg);
        if (near >= 0)
        {
            if (s.MissM < seeds[near].MissM)
            {
                seeds[near] = s;
            }
        }
        else
        {
            seeds.Add(s);
        }

        seeds.Sort((a, b) => a.MissM.CompareTo(b.MissM));
        if (seeds.Count > 3)
        {
            seeds.RemoveAt(3);
        }
    }

    private static double Angles(double a) => Math.IEEERemainder(a, 2 * Math.PI);

    private readonly record struct Hit(double MissM, double AzimuthRad, double ElevationRad, double FlightS);

    /// <summary>The least miss of point <paramref name="p"/> over directions (Nelder–Mead from each seed) and flight times in [0, <paramref name="longestS"/>].</summary>
    private Hit Refine(Vec3 p, double longestS, IEnumerable<(double AzimuthRad, double ElevationRad)> seeds)
    {
        longestS = Math.Min(longestS, MaxFlightTimeS);
        Hit best = new(double.PositiveInfinity, 0, 0, 0);
        foreach (var (az, el) in seeds)
        {
            Hit h = NelderMead(p, longestS, az, el);
            if (h.MissM < best.MissM)
            {
                best = h;
            }

            if (best.MissM <= HitM)
            {
                break;
            }
        }

        return best;
    }

    private Hit Evaluate(Vec3 p, double longestS, double az, double el)
    {
        (double lo, double hi) = _interceptor.Rocket.ElevationRange;
        double clamped = Math.Clamp(el, lo, hi);
        HermitePath f = Flyout(az, clamped, longestS, FineStepS);
        int jBest = 0;
        double dBest = double.PositiveInfinity;
        for (int j = 0; j < f.Count; j++)
        {
            double d = (f.PositionAt(j) - p).NormSquared;
            if (d < dBest)
            {
                (dBest, jBest) = (d, j);
            }
        }

        double a = f.TimeAt(Math.Max(0, jBest - 1)), b = f.TimeAt(Math.Min(f.Count - 1, jBest + 1));
        (double tau, double negD2) = Solvers.Maximise(t => -(f.At(t) - p).NormSquared, a, b, 1e-4);
        double miss = Math.Sqrt(Math.Min(dBest, -negD2));
        // Outside the guidance range: a penalty growing with the excess (100 km per 0.01 rad).
        miss += Math.Abs(el - clamped) * 1e7;
        return new Hit(miss, az, clamped, -negD2 < dBest ? tau : f.TimeAt(jBest));
    }

    private Hit NelderMead(Vec3 p, double longestS, double az, double el)
    {
        var x = new (double A, double E)[] { (az, el), (az + AzimuthStepRad / 2, el), (az, el + ElevationStepRad / 2) };
        var h = x.Select(v => Evaluate(p, longestS, v.A, v.E)).ToArray();
        for (int iter = 0; iter < 150; iter++)
        {
            int[] o = [.. Enumerable.Range(0, 3).OrderBy(i => h[i].MissM)];
            (x[0], x[1], x[2]) = (x[o[0]], x[o[1]], x[o[2]]);
            (h[0], h[1], h[2]) = (h[o[0]], h[o[1]], h[o[2]]);
            double size = Math.Max(Math.Abs(x[1].A - x[0].A) + Math.Abs(x[1].E - x[0].E), Math.Abs(x[2].A - x[0].A) + Math.Abs(x[2].E - x[0].E));
            if (h[0].MissM <= HitM / 10 || size < 1e-8)
            {
                break;
            }

            var centroid = ((x[0].A + x[1].A) / 2, (x[0].E + x[1].E) / 2);
            (double A, double E) At(double s) => (centroid.Item1 + s * (x[2].A - centroid.Item1), centroid.Item2 + s * (x[2].E - centroid.Item2));
            var r = At(-1);
            Hit hr = Evaluate(p, longestS, r.A, r.E);
            if (hr.MissM < h[0].MissM)
            {
                var e = At(-2);
                Hit he = Evaluate(p, longestS, e.A, e.E);
                (x[2], h[2]) = he.MissM < hr.MissM ? (e, he) : (r, hr);
            }
            else if (hr.MissM < h[1].MissM)
            {
                (x[2], h[2]) = (r, hr);
            }
            else
            {
                var ct = hr.MissM < h[2].MissM ? At(-0.5) : At(0.5);
                Hit hc = Evaluate(p, longestS, ct.A, ct.E);
                if (hc.MissM < Math.Min(hr.MissM, h[2].MissM))
                {
                    (x[2], h[2]) = (ct, hc);
                }
                else
                {
                    for (int i = 1; i < 3; i++)
                    {
                        x[i] = ((x[0].A + x[i].A) / 2, (x[0].E + x[i].E) / 2);
                        h[i] = Evaluate(p, longestS, x[i].A, x[i].E);
                    }
                }
            }
        }

        return h.MinBy(v => v.MissM);
    }
}
