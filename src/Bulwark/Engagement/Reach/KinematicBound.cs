using Bulwark.Earth;
using Bulwark.Flight.Forces;
using Bulwark.Flight.Propagation;
using Bulwark.Flight.Vehicles;
using Bulwark.Numerics;

namespace Bulwark.Engagement.Reach;

/// <summary>One burnout state the bound may start from: a program of the family, measured on the standard fly-out.</summary>
/// <param name="ElevationRad">the program's commanded elevation, rad</param>
/// <param name="TimeS">burnout time after launch, s</param>
/// <param name="HeightM">geodetic height at burnout, m</param>
/// <param name="SpeedMPerS">Earth-relative speed at burnout, m/s</param>
/// <param name="DownrangeM">ground range (Karney geodesic) of the burnout sub-point from the launch point, m</param>
public readonly record struct KinematicBurnout(double ElevationRad, double TimeS, double HeightM, double SpeedMPerS, double DownrangeM);

/// <summary>The bound's earliest arrival at a point.</summary>
/// <param name="ArrivalS">time after launch, s (+∞ when even the idealised interceptor cannot get there)</param>
/// <param name="Powered">true when the bound is the powered-phase one (the loss-free rocket), false when a vacuum arc from a burnout</param>
/// <param name="ElevationRad">the program whose burnout gives the arc (NaN when powered or unreachable)</param>
public readonly record struct KinematicArrival(double ArrivalS, bool Powered, double ElevationRad)
{
    public bool IsReachable => double.IsFinite(ArrivalS);
}

/// <summary>
/// An independent lower bound on an interceptor's earliest arrival at a point (issue 14 item 7): the literature's
/// kinematic model, in which the interceptor reaches its burnout speed at its burnout height and time and then flies
/// ballistically, in vacuum, at whatever flight-path angle and azimuth get it to the point soonest. It is to the guided
/// fly-out family what <see cref="DirectFlyout"/> is to <see cref="ReachTable"/>: a separate model to measure against,
/// here not a reference of equal answers but a floor the guided envelope must not go below (docs/reach-tables.md,
/// "The kinematic bound").
/// </summary>
/// <remarks>
/// <para>
/// <b>After burnout.</b> Each program ε of the family (every <c>elevationStep</c> over the guidance's elevation range)
/// gives a candidate burnout state (t_b, h_b, v_b, d_b) measured on the standard fly-out (<see cref="StandardFlyout"/>).
/// At a site, the candidate's burnout point is put d_b down the geodesic toward the point, at height h_b (where any
/// launch azimuth would put it nearest the point). From there the bound flies a vacuum Kepler arc about the centre of
/// the Earth (point mass μ, no J2), in the inertial frame aligned with ECEF at burnout, to the point as the Earth has
/// turned it by ω·T: the arc's inertial velocity v₁ must have Earth-relative speed |v₁ − ω×r₁| = v_b, in any direction.
/// For a given inertial speed the quickest conic through r₁ and r₂ is the short-way, fast branch of Lambert's problem,
/// whose time is Lagrange's: with c = |r₂ − r₁|, s = (r₁ + r₂ + c)/2 and a = 1/(2/r₁ − v²/μ),
/// sin²(α/2) = s/2a, sin²(β/2) = (s − c)/2a, T = √(a³/μ)·[(α − sin α) − (β − sin β)] (ellipse; sinh and reversed signs
/// for a hyperbola, Euler's equation for a parabola); a &lt; s/2 cannot reach. The inertial speed is solved (bisection,
/// bracketed by v_b ± ω·r₁) so that the Earth-relative speed is v_b, T by fixed-point iteration on the target's
/// rotation (contracting by about ω·r/v). The arrival is t_b + T, the least over the candidates.
/// </para>
/// <para>
/// <b>Before burnout.</b> A guided program may pass through a point before it burns out (a flat GBI program 300 km
/// down and 120 km up). There the bound is the loss-free rocket: Earth-relative speed never exceeds the ideal
/// (Tsiolkovsky) speed V(t) = Σ g₀·I_sp·ln(m₀/m(t)) of the stages burnt by t, plus ω²·a·t for the centrifugal
/// acceleration (drag, back-pressure and, while climbing, gravity only take speed away; Coriolis does no work), so a
/// fly-out cannot be at a point whose straight-line distance from the site exceeds L(t) = ∫₀ᵗ V. The powered arrival is
/// the least t ≤ t_b with L(t) ≥ that distance (right-endpoint sum at 0.01 s, so L is overestimated and t
/// underestimated).
/// </para>
/// <para>
/// <b>Why it bounds the guided flight.</b> Any guided fly-out reaches a point either before its last burnout, where the
/// powered bound holds, or after it, on a ballistic arc from that program's burnout state that is one of the arcs the
/// bound minimises over, slowed by drag and with its azimuth and flight-path angle fixed by the program. The bound's
/// relaxations are all optimistic: any direction at burnout, no drag, arcs not required to stay above the ground. What
/// is not exact: the candidates are flown at 45° N toward north (the Earth-relative burnout state changes with the
/// launch latitude and azimuth by a few m/s), programs between the sampled elevations, the burnout placed on the
/// geodesic (a sideways offset δ changes the distance by δ²/2L), and point-mass gravity where the guided flight has
/// J2. <c>KinematicBoundTests</c> measures these against the reach tables' own stated error.
/// </para>
/// </remarks>
public sealed class KinematicBound
{
    private const double PoweredStepS = 0.01;
    private readonly double[] _reachM;
    private readonly Planet _planet;

    /// <summary>A bound from explicit candidates (for tests); <paramref name="poweredReachM"/>[k] is L(k·0.01 s), empty for none.</summary>
    public KinematicBound(IReadOnlyList<KinematicBurnout> candidates, Planet planet, double[]? poweredReachM = null)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        Candidates = candidates;
        _planet = planet;
        _reachM = poweredReachM ?? [];
    }

    /// <summary>The burnout states the arcs start from.</summary>
    public IReadOnlyList<KinematicBurnout> Candidates { get; }

    /// <summary>The planet of the arcs (its ellipsoid places the points; μ and ω fly the arcs; J2 is ignored).</summary>
    public Planet Planet => _planet;

    /// <summary>The latest time the powered-phase bound covers, s (0 when none).</summary>
    public double PoweredUntilS => _reachM.Length == 0 ? 0 : (_reachM.Length - 1) * PoweredStepS;

    /// <summary>
    /// The bound for <paramref name="interceptor"/>: a candidate burnout per program every <paramref name="elevationStepRad"/>
    /// (default 0.5°) over its elevation range, each flown on the standard fly-out, and the loss-free powered phase.
    /// </summary>
    public static KinematicBound Of(Interceptor interceptor, double? elevationStepRad = null)
    {
        ArgumentNullException.ThrowIfNull(interceptor);
        double step = elevationStepRad ?? Angle.DegToRad(0.5);
        (double lo, double hi) = interceptor.Rocket.ElevationRange;
        int n = Math.Max(2, (int)Math.Ceiling((hi - lo) / step - 1e-9) + 1);
        var found = new KinematicBurnout?[n];
        Parallel.For(0, n, i =>
        {
            double e = i == n - 1 ? hi : lo + (hi - lo) * i / (n - 1);
            if (StandardFlyout.Burnout(interceptor, e) is { } p)
            {
                double d = Geodesic.Inverse(Ellipsoid.Wgs84, StandardFlyout.LaunchPoint.LatitudeRad, StandardFlyout.LaunchPoint.LongitudeRad,
                    p.Position.LatitudeRad, p.Position.LongitudeRad).DistanceM;
                found[i] = new KinematicBurnout(e, p.TimeS, p.Position.HeightM, p.SpeedMPerS, d);
            }
        });
        KinematicBurnout[] candidates = [.. found.Where(c => c is not null).Select(c => c!.Value)];
        return new KinematicBound(candidates, Planet.Wgs84, PoweredReach(interceptor.Rocket, Planet.Wgs84));
    }

    /// <summary>
    /// L(k·0.01 s), k up to the last burnout: the farthest a loss-free rocket can have gone from rest on the Earth (upper sum).
    /// </summary>
    public static double[] PoweredReach(StagedRocket rocket, Planet planet)
    {
        ArgumentNullException.ThrowIfNull(rocket);
        double endS = rocket.TotalBurnTimeS + rocket.Stages.Take(rocket.Stages.Count - 1).Sum(s => s.CoastAfterS);
        int n = (int)Math.Ceiling(endS / PoweredStepS) + 1;
        var reach = new double[n];
        double centrifugal = planet.RotationRateRadPerS * planet.RotationRateRadPerS * planet.Shape.EquatorialRadiusM;
        double length = 0;
        for (int k = 1; k < n; k++)
        {
            double t = k * PoweredStepS;
            length += IdealSpeedMPerS(rocket, t) * PoweredStepS + centrifugal * t * PoweredStepS;
            reach[k] = length;
        }

        return reach;
    }

    /// <summary>The Tsiolkovsky speed of the stages' burns up to <paramref name="timeS"/> after launch (vacuum I_sp, no losses), m/s.</summary>
    public static double IdealSpeedMPerS(StagedRocket rocket, double timeS)
    {
        ArgumentNullException.ThrowIfNull(rocket);
        double v = 0, start = 0;
        for (int i = 0; i < rocket.Stages.Count && timeS > start; i++)
        {
            RocketStage stage = rocket.Stages[i];
            double m0 = rocket.Stages.Skip(i).Sum(s => s.GrossMassKg) + rocket.PayloadMassKg;
            double burnt = Math.Min(timeS - start, stage.BurnTimeS);
            v += stage.VacuumIspS * ThrustForce.StandardGravityMPerS2 * Math.Log(m0 / (m0 - stage.MassFlowKgPerS * burnt));
            start += stage.BurnTimeS + stage.CoastAfterS;
        }

        return v;
    }

    /// <summary>The earliest arrival of the idealised interceptor launched from <paramref name="site"/> at <paramref name="point"/> (its height is the altitude).</summary>
    public KinematicArrival Earliest(Geodetic site, Geodetic point)
    {
        Ellipsoid shape = _planet.Shape;
        Vec3 siteEcef = shape.ToEcef(site), pointEcef = shape.ToEcef(point);
        GeodesicLine line = Geodesic.Inverse(shape, site.LatitudeRad, site.LongitudeRad, point.LatitudeRad, point.LongitudeRad);
        double bearing = line.DistanceM > 0 ? line.InitialAzimuthRad : 0;

        var best = new KinematicArrival(double.PositiveInfinity, false, double.NaN);
        double straight = (pointEcef - siteEcef).Norm;
        if (_reachM.Length > 0 && straight <= _reachM[^1])
        {
            int k = Array.BinarySearch(_reachM, straight);
            best = new KinematicArrival((k >= 0 ? k : ~k) * PoweredStepS, true, double.NaN);
        }

        foreach (KinematicBurnout c in Candidates)
        {
            if (c.TimeS >= best.ArrivalS)
            {
                continue;
            }

            Geodetic b = Geodesic.Direct(shape, site.LatitudeRad, site.LongitudeRad, bearing, c.DownrangeM) with { HeightM = c.HeightM };
            double t = c.TimeS + CoastTimeS(_planet, shape.ToEcef(b), c.SpeedMPerS, pointEcef);
            if (t < best.ArrivalS)
            {
                best = new KinematicArrival(t, false, c.ElevationRad);
            }
        }

        return best;
    }

    /// <summary>
    /// The least time, s, for a vacuum Kepler arc about the planet's centre (μ, rotating at ω; no J2) from
    /// <paramref name="fromEcefM"/> with Earth-relative speed <paramref name="speedMPerS"/> in any direction to the
    /// Earth-fixed <paramref name="toEcefM"/> (ECEF at the start); +∞ when no direction reaches it.
    /// </summary>
    public static double CoastTimeS(Planet planet, Vec3 fromEcefM, double speedMPerS, Vec3 toEcefM) =>
        CoastArc(planet, fromEcefM, speedMPerS, toEcefM).TimeS;

    /// <summary>
    /// <see cref="CoastTimeS"/> with the arc's Earth-relative velocity at its start, in ECEF axes (m/s; the speed is
    /// <paramref name="speedMPerS"/> to within 1e−7 m/s, never below it). Time +∞ and velocity zero when unreachable.
    /// </summary>
    public static (double TimeS, Vec3 VelocityEcefMPerS) CoastArc(Planet planet, Vec3 fromEcefM, double speedMPerS, Vec3 toEcefM)
    {
        ArgumentNullException.ThrowIfNull(planet);
        double w = planet.RotationRateRadPerS, mu = planet.MuM3PerS2;
        if (w == 0)
        {
            double t0 = Arc(mu, fromEcefM, toEcefM, speedMPerS, out Vec3 v0);
            return double.IsFinite(t0) ? (t0, v0) : (double.PositiveInfinity, Vec3.Zero);
        }

        // Inertial frame aligned with ECEF at the start: r₁ fixed, the point turned by ω·T; Earth-relative velocity v₁ − ω×r₁.
        Vec3 spin = new(-w * fromEcefM.Y, w * fromEcefM.X, 0);
        double RelativeSpeed(double inertial, out double timeS, out Vec3 relative)
        {
            timeS = double.NaN;
            relative = Vec3.Zero;
            double t = Arc(mu, fromEcefM, toEcefM, inertial, out _);
            for (int k = 0; k < 60 && double.IsFinite(t); k++)
            {
                double next = Arc(mu, fromEcefM, EarthRotation.EcefToEci(toEcefM, t, w), inertial, out _);
                bool done = Math.Abs(next - t) < 1e-9 * Math.Max(1, t);
                t = next;
                if (done)
                {
                    break;
                }
            }

            if (!double.IsFinite(t))
            {
                return double.NegativeInfinity;
            }

            Arc(mu, fromEcefM, EarthRotation.EcefToEci(toEcefM, t, w), inertial, out Vec3 v1);
            timeS = t;
            relative = v1 - spin;
            return relative.Norm;
        }

        // |v₁| is the inertial speed, and |v₁ − ω×r₁| differs from it by at most |ω×r₁|: the bracket holds the root.
        // The Earth-relative speed grows with the inertial one; bisection keeps the end at or above the wanted speed.
        double margin = spin.Norm + 1;
        double lo = Math.Max(0, speedMPerS - margin), hi = speedMPerS + margin;
        if (!(RelativeSpeed(hi, out double tHi, out Vec3 vHi) >= speedMPerS))
        {
            return (double.PositiveInfinity, Vec3.Zero);
        }

        for (int k = 0; k < 100 && hi - lo > 1e-7; k++)
        {
            double mid = 0.5 * (lo + hi);
            if (RelativeSpeed(mid, out double tMid, out Vec3 vMid) >= speedMPerS)
            {
                (hi, tHi, vHi) = (mid, tMid, vMid);
            }
            else
            {
                lo = mid;
            }
        }

        return (tHi, vHi);
    }

    /// <summary>
    /// Lagrange's time of the short-way, fast conic from r₁ to r₂ with speed v at r₁ (inertial, point mass μ), and its
    /// velocity at r₁; +∞ when that energy cannot reach r₂.
    /// </summary>
    internal static double Arc(double mu, Vec3 r1, Vec3 r2, double speedMPerS, out Vec3 velocity)
    {
        velocity = default;
        double n1 = r1.Norm, n2 = r2.Norm;
        double c = (r2 - r1).Norm;
        if (c == 0)
        {
            return 0;
        }

        double s = 0.5 * (n1 + n2 + c);
        double energy = 0.5 * speedMPerS * speedMPerS - mu / n1;
        double x = 2 * energy / mu; // −1/a
        double t;

        // p = 4a(s − r₁)(s − r₂)/c²·sin²((α+β)/2) (sinh for the hyperbola) gives the velocity by f and g.
        if (Math.Abs(x * s) < 1e-10)
        {
            t = Math.Sqrt(2 / mu) / 3 * (Math.Pow(s, 1.5) - Math.Pow(Math.Max(0, s - c), 1.5)); // Euler (parabola)
        }
        else if (x < 0)
        {
            double a = -1 / x;
            if (s > 2 * a)
            {
                return double.PositiveInfinity;
            }

            double alpha = 2 * Math.Asin(Math.Sqrt(s / (2 * a)));
            double beta = 2 * Math.Asin(Math.Sqrt(Math.Max(0, s - c) / (2 * a)));
            t = Math.Sqrt(a * a * a / mu) * (alpha - Math.Sin(alpha) - (beta - Math.Sin(beta)));
            double sinHalfSum = Math.Sin(0.5 * (alpha + beta));
            double p = 4 * a * (s - n1) * (s - n2) / (c * c) * sinHalfSum * sinHalfSum;
            velocity = Velocity(mu, r1, r2, n1, n2, p, speedMPerS);
            return t;
        }
        else
        {
            double a = 1 / x; // |a|
            double alpha = 2 * Asinh(Math.Sqrt(s / (2 * a)));
            double beta = 2 * Asinh(Math.Sqrt(Math.Max(0, s - c) / (2 * a)));
            t = Math.Sqrt(a * a * a / mu) * (Math.Sinh(alpha) - alpha - (Math.Sinh(beta) - beta));
            double sinHalfSum = Math.Sinh(0.5 * (alpha + beta));
            double p = 4 * a * (s - n1) * (s - n2) / (c * c) * sinHalfSum * sinHalfSum;
            velocity = Velocity(mu, r1, r2, n1, n2, p, speedMPerS);
            return t;
        }

        double root = Math.Sqrt(s / 2) + Math.Sqrt(Math.Max(0, s - c) / 2); // the ellipse's p as a → ∞
        velocity = Velocity(mu, r1, r2, n1, n2, 4 * (s - n1) * (s - n2) / (c * c) * root * root, speedMPerS);
        return t;
    }

    private static double Asinh(double x) => Math.Log(x + Math.Sqrt(x * x + 1));

    /// <summary>v₁ = (r₂ − f·r₁)/g with f = 1 − r₂(1 − cos θ)/p, g = r₁r₂ sin θ/√(μp); along the chord when the transfer is radial.</summary>
    private static Vec3 Velocity(double mu, Vec3 r1, Vec3 r2, double n1, double n2, double p, double speed)
    {
        double cos = Math.Clamp(r1.Dot(r2) / (n1 * n2), -1, 1);
        double sin = r1.Cross(r2).Norm / (n1 * n2);
        if (sin < 1e-9 || !(p > 0))
        {
            return speed * (r2 - r1).Normalized();
        }

        double f = 1 - n2 * (1 - cos) / p;
        double g = n1 * n2 * sin / Math.Sqrt(mu * p);
        return (r2 - f * r1) / g;
    }
}
