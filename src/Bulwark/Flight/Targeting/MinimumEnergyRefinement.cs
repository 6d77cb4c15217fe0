using Bulwark.Earth;
using Bulwark.Flight.Propagation;
using Bulwark.Flight.Vehicles;
using Bulwark.Integration;
using Bulwark.Numerics;
using Shot = Bulwark.Flight.Targeting.AimCorrection.Shot;

namespace Bulwark.Flight.Targeting;

/// <summary>
/// Pins a minimum-energy trajectory down, from any start near it, to the one trajectory the aim point defines: the
/// range-maximising elevation to about 1e−6 rad and the impact to 0.5 m of the aim point. Both the
/// <see cref="Targeter"/> and the footprint's trajectory fans end with it, so the two agree to that precision instead of
/// to the few 1e−4 rad at which a bracketing search stops on a range that is flat at its maximum.
/// </summary>
/// <remarks>
/// <para>
/// Each round (i) finds the elevation that maximises the range at the current azimuth and energy as the maximum of the
/// least-squares cubic through five flights 0.005 rad apart (<see cref="FivePointMaximum"/>), re-centred until that
/// maximum is within one spacing of the middle flight, and (ii) corrects the azimuth by the impact's bearing error and
/// the energy by secant steps on the range, at that elevation, until the miss is under 0.5 m. It stops when a round
/// moves the elevation by no more than 1e−6 rad (usually the second).
/// </para>
/// <para>
/// These flights use a tighter integrator (relative tolerance 1e−12) than the searches (1e−10): at 1e−10 the range
/// carries about a metre of step-selection noise, which on a range falling by about 5.5e6 m·rad⁻² × δ² from its maximum
/// (550 m at 0.01 rad, for the Sejjil-3 at 2,400 km) moves the fitted maximum by 4e−6 to 2e−5 rad; at 1e−12 the noise is
/// centimetres and fits from starts 3e−4 rad apart agree within 7e−7 rad (measured for the Sejjil-2, the Sejjil-3 and an
/// ICBM by MinimumEnergyRefinementTests.IntegratorToleranceSweep; docs/targeting.md).
/// </para>
/// </remarks>
internal sealed class MinimumEnergyRefinement
{
    /// <summary>The integrator of the refined flights and of the tracks flown from them.</summary>
    public static readonly IntegratorOptions Integrator = new(1e-12, 1e-8, 60, 0, 1_000_000);

    /// <summary>The refined solution lands this close to the aim point, m.</summary>
    public const double MissM = 0.5;

    private const double StencilRad = 0.005, LatticeRad = 1e-4;
    private const double SettledRad = 1e-6;
    private const double SlopeStep = 1e-4, SecantMinStep = 1e-6;
    private const double MinEnergy = 1e-3;
    private const int MaxRounds = 4, MaxCorrections = 16, MaxRecentres = 4;

    private readonly FlightEnvironment _env;
    private readonly IGuidedMissile _missile;
    private readonly Geodetic _launch;
    private readonly double _launchTimeS;
    private readonly Propagator _propagator;
    private double? _slope;

    public MinimumEnergyRefinement(FlightEnvironment env, IGuidedMissile missile, Geodetic launch, double launchTimeS)
    {
        (_env, _missile, _launch, _launchTimeS) = (env, missile, launch, launchTimeS);
        _propagator = new Propagator(env, Options());
    }

    /// <summary>Trajectories flown so far.</summary>
    public int Flights { get; private set; }

    /// <summary>The propagation of the refined flights, with samples every <paramref name="outputStepS"/> (0: none).</summary>
    public static PropagationOptions Options(double outputStepS = 0) => PropagationOptions.ToImpact(outputStepS) with { Integrator = Integrator };

    /// <summary>The refined trajectory.</summary>
    /// <param name="AzimuthRad">launch azimuth, rad</param>
    /// <param name="Controls">energy fraction and the range-maximising elevation</param>
    /// <param name="Trajectory">the flight (no samples), launch to impact</param>
    /// <param name="Impact">where it lands</param>
    /// <param name="MissM">impact to aim point, m</param>
    /// <param name="RangeM">launch to impact, m</param>
    public readonly record struct Solution(double AzimuthRad, ShapeControls Controls, Trajectory Trajectory, Geodetic Impact, double MissM, double RangeM);

    /// <summary>
    /// Refines a trajectory toward <paramref name="aim"/> that starts near the minimum-energy one (a miss of kilometres
    /// and an elevation within a few 1e−3 rad will do); null if it does not settle (no concave maximum, an orbital
    /// flight, or no convergence), in which case the caller keeps what it had.
    /// </summary>
    public Solution? Refine(Geodetic aim, double azimuthRad, ShapeControls start)
    {
        Ellipsoid shape = _env.Planet.Shape;
        GeodesicLine line = Geodesic.Inverse(shape, _launch.LatitudeRad, _launch.LongitudeRad, aim.LatitudeRad, aim.LongitudeRad);
        double az = azimuthRad, e = start.EnergyFraction, elevation = start.ElevationRad;
        for (int round = 0; round < MaxRounds; round++)
        {
            if (Maximum(az, e, elevation) is not { } best)
            {
                return null;
            }

            bool settled = round > 0 && Math.Abs(best - elevation) <= SettledRad;
            elevation = best;
            if (Correct(line, aim, ref az, ref e, elevation) is not { } landed)
            {
                return null;
            }

            if (settled)
            {
                return new Solution(az, new ShapeControls(e, elevation), landed.Shot.Trajectory!, landed.Shot.Impact, landed.MissM, landed.Shot.RangeM);
            }
        }

        return null;
    }

    /// <summary>The range-maximising elevation at (<paramref name="az"/>, <paramref name="e"/>), searched from <paramref name="centre"/>.</summary>
    private double? Maximum(double az, double e, double centre)
    {
        (double lo, double hi) = _missile.ElevationRange;
        if (hi - lo < 4 * StencilRad)
        {
            return null;
        }

        Span<double> ranges = stackalloc double[5];
        for (int t = 0; t < MaxRecentres; t++)
        {
            // The stencil sits on a fixed lattice of elevations, so that two refinements of the same aim point from
            // different starts fly the same five elevations and see the same integration error.
            double c = Math.Clamp(Math.Round(centre / LatticeRad) * LatticeRad, lo + 2 * StencilRad, hi - 2 * StencilRad);
            for (int k = 0; k < 5; k++)
            {
                if (Fly(az, e, c + (k - 2) * StencilRad) is not { } shot)
                {
                    return null;
                }

                ranges[k] = shot.RangeM;
            }

            if (FivePointMaximum.Offset(ranges) is not { } u)
            {
                return null;
            }

            double x = c + u * StencilRad;
            if (Math.Abs(u) <= 1 || x <= lo || x >= hi)
            {
                return Math.Clamp(x, lo, hi);    // inside the stencil, or at a limit of the guidance
            }

            centre = c + Math.Clamp(u, -2, 2) * StencilRad;
        }

        return null;
    }

    /// <summary>Corrects the azimuth and energy at a fixed elevation until the miss is under <see cref="MissM"/>; the last flight and its miss, or null.</summary>
    private (Shot Shot, double MissM)? Correct(GeodesicLine line, Geodetic aim, ref double az, ref double e, double elevation) =>
        AimCorrection.Run(_env.Planet.Shape, line, aim, MissM, MinEnergy, MaxCorrections, ref az, ref e, (a, x) => Fly(a, x, elevation),
            (shot, previous, a, x) => Slope(shot, previous, a, x, elevation));

    /// <summary>
    /// The range's slope in the energy: a secant where the energy moved enough for the range to say something (a miss
    /// that is mostly across the track moves it by next to nothing), else the last slope, else a finite difference; null
    /// if none is positive.
    /// </summary>
    private double? Slope(Shot shot, (double E, double R)? previous, double az, double e, double elevation)
    {
        double slope = previous is { } p && Math.Abs(e - p.E) >= SecantMinStep ? (shot.RangeM - p.R) / (e - p.E) : double.NaN;
        if (!(slope > 0) && _slope is { } known)
        {
            slope = known;
        }

        if (!(slope > 0))
        {
            double step = e + SlopeStep <= 1 ? SlopeStep : -SlopeStep;
            if (Fly(az, e + step, elevation) is not { } other)
            {
                return null;
            }

            slope = (other.RangeM - shot.RangeM) / step;
            if (!(slope > 0))
            {
                return null;
            }
        }

        _slope = slope;
        return slope;
    }

    private Shot? Fly(double az, double e, double elevation)
    {
        Flights++;
        Trajectory t = _propagator.Run(_missile.Plan(_env, _launch, _launchTimeS, az, new ShapeControls(e, elevation)), _launchTimeS + Targeter.MaxFlightTimeS);
        return t.End == FlightEnd.Altitude ? Shot.Measure(_env, _launch, t) : null;
    }
}
