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
/// It first corrects the start's azimuth and energy at the start's elevation until the impact is within 0.5 m (where it
/// can; a start the caller landed within <see cref="StartLandedM"/> goes on at once). Each round then (i) finds the
/// elevation that maximises the range at the current azimuth and energy as the maximum of the least-squares cubic
/// through five flights 0.005 rad apart (<see cref="FivePointMaximum"/>), re-centred until that maximum is within one
/// spacing of the middle flight, and (ii) corrects the azimuth by the impact's bearing error and the energy by secant
/// steps on the range, at that elevation, until the miss is under 0.5 m, the first step taken from where the search's
/// fits (of the five flights' ranges and bearings) put a flight at the maximum, without flying it. It stops when (ii)
/// moved the azimuth and energy so little that the maximising elevation cannot have moved by more than 1e−6 rad (not at
/// all, or by the caller's <see cref="Sensitivity"/> bounds: usually the first round, since moving the elevation by δ
/// along a range flat at its maximum moves the impact by about 5.5e6 m·rad⁻² × δ², centimetres for δ = 1e−4 rad), or
/// when a round moves the elevation by no more than 1e−6 rad. The flights of (ii) are sampled at the caller's step, so the last of
/// them is the refined track itself, not flown again.
/// </para>
/// <para>
/// These flights use a tighter integrator (relative tolerance 1e−12, down to 86 km on the way down) than the searches (1e−10): at 1e−10 the range
/// carries step-selection noise that, on a range falling by about 5.5e6 m·rad⁻² × δ² from its maximum (550 m at
/// 0.01 rad, for the Sejjil-3 at 2,400 km), moves the fitted maximum by up to 1.4e−6 rad; at 1e−12 the noise is
/// centimetres and fits from starts 3e−4 rad apart agree within 2.3e−7 rad for the MRBM and IRBM classes and 1.1e−6 for
/// an ICBM, whose spread is the cubic's model error rather than noise (measured on fourteen shots by
/// MinimumEnergyRefinementTests.IntegratorToleranceSweep, with the propagator ending its segments at the forces' kinks;
/// docs/targeting.md).
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
    private const double SlopeStep = 1e-4;

    /// <summary>The least energy step (fraction) over which a secant is taken as the range's slope in the energy.</summary>
    internal const double SecantMinStep = 1e-6;
    private const double MinEnergy = 1e-3;
    private const int MaxRounds = 4, MaxCorrections = 16, MaxRecentres = 4;

    private readonly FlightEnvironment _env;
    private readonly IGuidedMissile _missile;
    private readonly Geodetic _launch;
    private readonly double _launchTimeS;
    private readonly Propagator _propagator, _sampled;
    private readonly SharedLaunch? _shared;
    private double? _slope, _hint;

    /// <param name="env">the flight environment</param>
    /// <param name="missile">the missile flown</param>
    /// <param name="launch">the launch place</param>
    /// <param name="launchTimeS">the launch time, s</param>
    /// <param name="outputStepS">the sample step of the refined trajectory (<see cref="Solution.Trajectory"/>), s; 0: no samples</param>
    /// <param name="shared">the vertical rise flown once for the launch place and time (a threat grid's fan holds it); null, or
    /// another launch time: each flight flies its own</param>
    internal MinimumEnergyRefinement(FlightEnvironment env, IGuidedMissile missile, Geodetic launch, double launchTimeS, double outputStepS = 0,
        SharedLaunch? shared = null)
    {
        (_env, _missile, _launch, _launchTimeS) = (env, missile, launch, launchTimeS);
        _shared = shared is not null && shared.LaunchTimeS == launchTimeS ? shared : null;
        _propagator = new Propagator(env, Options());
        _sampled = outputStepS > 0 ? new Propagator(env, Options(outputStepS)) : _propagator;
    }

    /// <summary>Trajectories flown so far.</summary>
    public int Flights { get; private set; }

    /// <summary>The propagation of the refined flights, with samples every <paramref name="outputStepS"/> (0: none).</summary>
    /// <remarks>
    /// The descent below 86 km is flown at the searches' 1e−10 (<see cref="PropagationOptions.DefaultIntegrator"/>): it
    /// takes two fifths of a flight's evaluations at 1e−12 (drag, the layers' kinks), and its errors move the impact
    /// without the boost's amplification over the flight; the fits' spread is the same as at 1e−12 throughout
    /// (MinimumEnergyRefinementTests.IntegratorToleranceSweep).
    /// </remarks>
    public static PropagationOptions Options(double outputStepS = 0) =>
        PropagationOptions.ToImpact(outputStepS) with { Integrator = Integrator, DescentIntegrator = PropagationOptions.DefaultIntegrator };

    /// <summary>The refined trajectory.</summary>
    /// <param name="AzimuthRad">launch azimuth, rad</param>
    /// <param name="Controls">energy fraction and the range-maximising elevation</param>
    /// <param name="Trajectory">the flight, launch to impact, sampled at the constructor's output step (none at 0)</param>
    /// <param name="Impact">where it lands</param>
    /// <param name="MissM">impact to aim point, m</param>
    /// <param name="RangeM">launch to impact, m</param>
    public readonly record struct Solution(double AzimuthRad, ShapeControls Controls, Trajectory Trajectory, Geodetic Impact, double MissM, double RangeM);

    /// <summary>
    /// What a caller knows of the trajectories near the start (the footprint's fan): bounds on how fast the
    /// range-maximising elevation moves with the energy and with the launch azimuth (from its table), and the range's slope
    /// in the energy its own corrections measured.
    /// </summary>
    /// <param name="ElevationPerEnergyRad">a bound on |∂(best elevation)/∂(energy fraction)|, rad</param>
    /// <param name="ElevationPerAzimuth">a bound on |∂(best elevation)/∂(launch azimuth)|, rad per rad</param>
    /// <param name="RangePerEnergyM">the range's slope in the energy fraction, m, measured near the start (at the searches'
    /// tolerance); used for the first correction step that has no slope of the refinement's own, instead of a finite
    /// difference, and not kept after it; null: none</param>
    public readonly record struct Sensitivity(double ElevationPerEnergyRad, double ElevationPerAzimuth, double? RangePerEnergyM = null);

    /// <summary>A start that lands this close to the aim point (m, at the searches' tolerance) is not corrected before the first search.</summary>
    public const double StartLandedM = 2;

    /// <summary>
    /// Refines a trajectory toward <paramref name="aim"/> that starts near the minimum-energy one (a miss of kilometres
    /// and an elevation within a few 1e−3 rad will do); null if it does not settle (no concave maximum, an orbital
    /// flight, or no convergence), in which case the caller keeps what it had. With <paramref name="sensitivity"/>, a round
    /// whose correction moves the azimuth and energy so little that the best elevation moves by no more than 1e−6 rad by
    /// those bounds settles without a search to confirm it.
    /// </summary>
    /// <param name="aim">the aim point</param>
    /// <param name="azimuthRad">the start's launch azimuth, rad</param>
    /// <param name="start">the start's energy fraction and elevation</param>
    /// <param name="sensitivity">what the caller knows of the trajectories near the start; null: nothing</param>
    /// <param name="startMissM">how far from the aim point the start lands, m, when the caller knows; within
    /// <see cref="StartLandedM"/>, the first search is at the start's azimuth and energy</param>
    public Solution? Refine(Geodetic aim, double azimuthRad, ShapeControls start, Sensitivity? sensitivity = null, double startMissM = double.PositiveInfinity)
    {
        Ellipsoid shape = _env.Planet.Shape;
        GeodesicLine line = Geodesic.Inverse(shape, _launch.LatitudeRad, _launch.LongitudeRad, aim.LatitudeRad, aim.LongitudeRad);
        double az = azimuthRad, e = start.EnergyFraction, elevation = start.ElevationRad;
        _hint = sensitivity?.RangePerEnergyM;

        // Land on the aim point at the start's elevation first (unless the start already does), so that the first maximum
        // is searched at (nearly) the azimuth and energy it ends at. Where that cannot land (at the edge of the range,
        // where only the best elevation reaches), the search starts from the start itself.
        if (!(startMissM <= StartLandedM) && Correct(line, aim, ref az, ref e, elevation, _propagator) is null)
        {
            (az, e) = (azimuthRad, start.EnergyFraction);
        }

        for (int round = 0; round < MaxRounds; round++)
        {
            if (Maximum(az, e, elevation) is not { } found)
            {
                return null;
            }

            var (best, rangeM, bearingRad) = found;

            bool settled = round > 0 && Math.Abs(best - elevation) <= SettledRad;
            elevation = best;
            (double azSearched, double eSearched) = (az, e);

            // The first correction is made from where the search's fits say a flight at the maximum lands, without flying
            // it: the azimuth by its bearing error, the energy by its range error over the slope when one is known.
            az = AimCorrection.CorrectAzimuth(az, bearingRad, line);
            if ((_slope ?? _hint) is > 0 and var slope)
            {
                e = Math.Clamp(e + (line.DistanceM - rangeM) / slope, MinEnergy, 1);
            }

            if (Correct(line, aim, ref az, ref e, elevation, _sampled) is not { } landed)
            {
                return null;
            }

            // Settled when the best elevation moved by no more than 1e−6 rad since the last round, or when the correction
            // after the search moved the azimuth and energy by so little that it cannot have moved by more (nothing moved
            // at all: a search here again would find the same maximum; or by the caller's bounds).
            double moved = sensitivity is { } k
                ? k.ElevationPerEnergyRad * Math.Abs(e - eSearched) + k.ElevationPerAzimuth * Math.Abs(Angle.WrapPi(az - azSearched))
                : az == azSearched && e == eSearched ? 0 : double.PositiveInfinity;
            if (settled || moved <= SettledRad)
            {
                return new Solution(az, new ShapeControls(e, elevation), landed.Shot.Trajectory!, landed.Shot.Impact, landed.MissM, landed.Shot.RangeM);
            }
        }

        return null;
    }

    /// <summary>
    /// The range-maximising elevation at (<paramref name="az"/>, <paramref name="e"/>), searched from
    /// <paramref name="centre"/>, with the range and bearing of a flight there as the search's fits give them.
    /// </summary>
    private (double ElevationRad, double RangeM, double BearingRad)? Maximum(double az, double e, double centre)
    {
        (double lo, double hi) = _missile.ElevationRange;
        if (hi - lo < 4 * StencilRad)
        {
            return null;
        }

        Span<double> ranges = stackalloc double[5], bearings = stackalloc double[5];
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
                bearings[k] = shot.BearingRad;
            }

            if (FivePointMaximum.Offset(ranges) is not { } u)
            {
                return null;
            }

            double x = c + u * StencilRad;
            if (Math.Abs(u) <= 1 || x <= lo || x >= hi)
            {
                // Inside the stencil, or at a limit of the guidance; with where a flight there lands, by the same fits
                // (bearings taken about the middle flight's, so that none wraps).
                double best = Math.Clamp(x, lo, hi), at = (best - c) / StencilRad;
                double b0 = bearings[2];
                for (int k = 0; k < 5; k++)
                {
                    bearings[k] = Angle.WrapPi(bearings[k] - b0);
                }

                return (best, FivePointMaximum.Value(ranges, at), b0 + FivePointMaximum.Value(bearings, at));
            }

            centre = c + Math.Clamp(u, -2, 2) * StencilRad;
        }

        return null;
    }

    /// <summary>Corrects the azimuth and energy at a fixed elevation until the miss is under <see cref="MissM"/>; the last flight and its miss, or null.</summary>
    private (Shot Shot, double MissM)? Correct(GeodesicLine line, Geodetic aim, ref double az, ref double e, double elevation, Propagator propagator) =>
        AimCorrection.Run(_env.Planet.Shape, line, aim, MissM, MinEnergy, MaxCorrections, ref az, ref e, (a, x) => Fly(a, x, elevation, propagator),
            (shot, previous, a, x) => Slope(shot, previous, a, x, elevation));

    /// <summary>
    /// The range's slope in the energy: a secant where the energy moved enough for the range to say something (a miss
    /// that is mostly across the track moves it by next to nothing), else the last slope, else the caller's (once), else a
    /// finite difference; null if none is positive.
    /// </summary>
    private double? Slope(Shot shot, (double E, double R)? previous, double az, double e, double elevation)
    {
        double slope = previous is { } p && Math.Abs(e - p.E) >= SecantMinStep ? (shot.RangeM - p.R) / (e - p.E) : double.NaN;
        if (!(slope > 0) && _slope is { } known)
        {
            slope = known;
        }

        if (!(slope > 0) && _hint is > 0 and var hint)
        {
            _hint = null;       // once: the next step measures its own
            return hint;
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

    private Shot? Fly(double az, double e, double elevation, Propagator? propagator = null)
    {
        Flights++;
        Propagator p = propagator ?? _propagator;
        var controls = new ShapeControls(e, elevation);
        Trajectory t = _shared is { } shared
            ? shared.Run(p, az, controls, _launchTimeS + Targeter.MaxFlightTimeS)
            : p.Run(_missile.Plan(_env, _launch, _launchTimeS, az, controls), _launchTimeS + Targeter.MaxFlightTimeS);
        return t.End == FlightEnd.Altitude ? Shot.Measure(_env, _launch, t) : null;
    }
}
