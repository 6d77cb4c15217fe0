using Bulwark.Earth;
using Bulwark.Flight;
using Bulwark.Flight.Propagation;
using Bulwark.Flight.Targeting;
using Bulwark.Flight.Vehicles;
using Bulwark.Numerics;
using Shot = Bulwark.Flight.Targeting.AimCorrection.Shot;

namespace Bulwark.Analysis.Footprint;

/// <summary>
/// Minimum-energy trajectories from one launch place, flown once on a grid of launch azimuths and energy fractions, so
/// that a trajectory to any aim point in the fan takes a few flights instead of the targeter's few hundred: the shortcut
/// of <see cref="ThreatGridMethod.Fan"/>.
/// </summary>
/// <remarks>
/// <para>
/// Each node (azimuth a_i, energy fraction e_j) holds the elevation that maximises the range at that energy — the
/// minimum-energy trajectory to that range, as the targeter defines it — with the range and the impact's bearing. To aim
/// at a point at geodesic range ρ and azimuth α, the fan is inverted (launch azimuth a = α − deflection(a, e),
/// energy e with range(a, e) = ρ, bilinear in the nodes), a trajectory is flown with the interpolated elevation, and
/// then corrected by real flights: the azimuth by the impact's bearing error (as the targeter does), the energy by
/// Newton then secant steps on the range, until the miss is under 2 m (or, where no flight gets that close, the closest
/// under 100 m, the targeter's own stopping point).
/// </para>
/// <para>
/// The trajectory is then refined exactly as the targeter refines its own (<see cref="MinimumEnergyRefinement"/>: the
/// range-maximising elevation at that energy to ~1e−6 rad, the impact to 0.5 m), so a cell's track is the targeter's
/// to that precision, in a few flights plus the refinement's 7–20 instead of the targeter's ~370 plus the same. The fan
/// hands the refinement what it knows: the start's miss (within 2 m, the refinement searches at once), the range's slope
/// in the energy its corrections measured, and bounds on the best elevation's slopes from its table (so that one search
/// usually settles it).
/// </para>
/// <para>
/// Aim points beyond 103% of the fan's maximum range at that azimuth are out of range. Between 97% and 103% (the edge
/// band) they are aimed at up to full energy like any other: reached, they are solved; not reached, they are out of range
/// if beyond the maximum range at their launch azimuth (measured exactly, the fan's own search) by more than a
/// kilometre. Those the fan cannot answer well go to the <see cref="Targeter"/>: the rest of the edge band, nearer than
/// the fan's lowest energy reaches, or no convergence (16 flights a correction, or a refinement that does not settle).
/// The agreement with the targeter cell by cell is measured (docs/footprint.md).
/// </para>
/// </remarks>
internal sealed class TrajectoryFan
{
    private const double MissStopM = 100;
    private const int MaxFlights = 16;
    private const double EdgeFraction = 0.97;

    /// <summary>How far beyond the exact maximum range (m) an aim point in the edge band must be to be out of range without the targeter.</summary>
    private const double EdgeMarginM = 1000;
    private const double ElevationToleranceRad = 2e-4;
    private const double FanBracketRad = 0.05;
    private static readonly double[] Energies = [.. Enumerable.Range(0, 9).Select(j => 0.2 + 0.1 * j)];

    private readonly FlightEnvironment _env;
    private readonly IGuidedMissile _missile;
    private readonly Geodetic _launch;
    private readonly double _az0Rad, _dAzRad;
    private readonly double[,] _elevation, _range, _deflection;
    private readonly SharedLaunch _shared;

    private TrajectoryFan(SharedLaunch shared, FlightEnvironment env, IGuidedMissile missile, Geodetic launch, double az0Rad, double dAzRad, double[,] elevation,
        double[,] range, double[,] deflection)
    {
        (_shared, _env, _missile, _launch, _az0Rad, _dAzRad) = (shared, env, missile, launch, az0Rad, dAzRad);
        (_elevation, _range, _deflection) = (elevation, range, deflection);
    }

    /// <summary>Trajectories flown for the fan.</summary>
    public int Flights { get; private init; }

    /// <summary>
    /// Flies the fan over launch azimuths [<paramref name="fromAzRad"/>, <paramref name="toAzRad"/>] (unwrapped, from ≤ to)
    /// every <paramref name="stepAzRad"/>; azimuths in parallel, deterministic.
    /// </summary>
    public static TrajectoryFan Build(FlightEnvironment env, IGuidedMissile missile, Geodetic launch, double fromAzRad, double toAzRad, double stepAzRad)
    {
        int na = Math.Max(2, (int)Math.Ceiling((toAzRad - fromAzRad) / stepAzRad) + 1);
        int ne = Energies.Length;
        var elevation = new double[na, ne];
        var range = new double[na, ne];
        var deflection = new double[na, ne];
        var flights = new int[na];
        var shared = new SharedLaunch(env, missile, launch, 0);
        Parallel.For(0, na, i =>
        {
            var flyer = new Flyer(env, shared);
            double az = fromAzRad + i * stepAzRad;
            double? hint = null;
            for (int j = ne - 1; j >= 0; j--)
            {
                double e = Energies[j];
                (double lo, double hi) = missile.ElevationRange;
                // Near the previous energy's optimum first (as the targeter does), the whole elevation range if the
                // maximum is not inside that bracket.
                (double best, Shot shot) = (hint is { } h ? MaxRange(flyer, missile, az, e, h, FanBracketRad) : null)
                    ?? MaxRange(flyer, missile, az, e, (lo + hi) / 2, hi - lo)!.Value;
                elevation[i, j] = best;
                range[i, j] = shot.RangeM;
                deflection[i, j] = Angle.WrapPi(shot.BearingRad - az);
                hint = best;
            }

            flights[i] = flyer.Flights;
        });
        return new TrajectoryFan(shared, env, missile, launch, fromAzRad, (na > 1 ? stepAzRad : 1), elevation, range, deflection) { Flights = flights.Sum() };
    }

    /// <summary>What became of an aim point.</summary>
    public enum Outcome
    {
        /// <summary>Solved from the fan.</summary>
        Solved,

        /// <summary>Beyond the fan's maximum range by more than 3%: out of range without asking the targeter.</summary>
        OutOfRange,

        /// <summary>Left to the targeter (the edge of the range, too close, or no convergence).</summary>
        UseTargeter,
    }

    /// <summary>
    /// A solved neighbour: where it aimed and the launch azimuth, energy and elevation of its refined trajectory. Its
    /// offsets from the fan's own inversion at its aim point correct the fan's inversion at a nearby aim point (the
    /// interpolation's error is smooth), so that the corrections start kilometres closer and the refinement from an
    /// elevation within about 1e−4 rad instead of a few 1e−3 (<see cref="TrySolve"/>).
    /// </summary>
    /// <param name="Aim">the neighbour's aim point</param>
    /// <param name="AzimuthRad">its launch azimuth, rad</param>
    /// <param name="Controls">its energy fraction and elevation</param>
    public readonly record struct Seed(Geodetic Aim, double AzimuthRad, ShapeControls Controls);

    /// <summary>
    /// Aims at the request's aim point; on <see cref="Outcome.Solved"/>, <paramref name="solution"/> holds the flight
    /// (sampled every <paramref name="outputStepS"/>). A <paramref name="seed"/> (a solved neighbour) only moves where the
    /// corrections start; the outcome is the same trajectory to the refinement's precision (1e−6 rad, 0.5 m).
    /// </summary>
    public Outcome TrySolve(TargetingRequest request, double outputStepS, out TargetingSolution? solution, Seed? seed = null)
    {
        solution = null;
        Geodetic aim = request.Aim;
        if (Invert(aim) is not { } inverted)
        {
            return Outcome.UseTargeter;
        }

        if (inverted.Outcome is { } early)
        {
            return early;
        }

        (GeodesicLine line, double rho, double az, double e) = (inverted.Line, inverted.Rho, inverted.Az, inverted.E);
        double elevation = Interpolate(_elevation, az, e);
        if (seed is { } s && Invert(s.Aim) is { Outcome: null } at)
        {
            // The fan's inversion is off by what it was off at the neighbour, nearly: take that off.
            az += Angle.WrapPi(s.AzimuthRad - at.Az);
            e = Math.Clamp(e + s.Controls.EnergyFraction - at.E, Energies[0], 1);
            elevation += s.Controls.ElevationRad - Interpolate(_elevation, at.Az, at.E);
        }

        // Correct the azimuth and the energy at the interpolated elevation until the impact is within 100 m, then refine
        // to the minimum-energy trajectory as the targeter does (the same code: the range-maximising elevation to ~1e−6
        // rad, the impact to 0.5 m).
        var flyer = new Flyer(_env, _shared);
        if (Correct(flyer, line, aim, ref az, ref e, elevation) is not { } landed)
        {
            // In the edge band a point the corrections cannot reach at full energy is out of range if it lies beyond the
            // maximum range at this launch azimuth, measured exactly (the fan's own search, ~15 flights); else the targeter.
            return rho > EdgeFraction * Bilinear(_range, az, Energies.Length - 1, 0) && ExactMaxRangeM(flyer, az) is { } max && rho > max + EdgeMarginM
                ? Outcome.OutOfRange
                : Outcome.UseTargeter;
        }

        // The refinement's last flight, sampled at the output step, is the track. A start that landed within 2 m is searched
        // at once; where that does not settle (near an ICBM's full energy, where the range bends), the refinement starts
        // again with its own correction first, as from any other start, before the targeter is asked.
        var start = new ShapeControls(e, elevation);
        MinimumEnergyRefinement.Sensitivity sensitivity = Sensitivity(az, e, landed.RangePerEnergyM);
        var refinement = new MinimumEnergyRefinement(_env, _missile, _launch, request.LaunchTimeS, outputStepS, _shared);
        MinimumEnergyRefinement.Solution? refined = refinement.Refine(aim, az, start, sensitivity, landed.MissM);
        int refinementFlights = refinement.Flights;
        if (refined is null && landed.MissM <= MinimumEnergyRefinement.StartLandedM)
        {
            var again = new MinimumEnergyRefinement(_env, _missile, _launch, request.LaunchTimeS, outputStepS, _shared);
            refined = again.Refine(aim, az, start, sensitivity);
            refinementFlights += again.Flights;
        }

        if (refined is not { } r)
        {
            return Outcome.UseTargeter;
        }

        solution = new TargetingSolution(_missile, request, r.AzimuthRad, r.Controls, r.Trajectory, r.Impact, r.MissM, r.RangeM, flyer.Flights + refinementFlights)
        {
            Refined = true,
        };
        return Outcome.Solved;
    }

    /// <summary>The fan inverted at an aim point: its geodesic, range, launch azimuth and energy; or what became of it at once.</summary>
    private readonly record struct Inversion(GeodesicLine Line, double Rho, double Az, double E, Outcome? Outcome);

    /// <summary>
    /// Inverts the fan for <paramref name="aim"/> (a few fixed-point passes on the table): the launch azimuth and energy
    /// whose interpolated impact is the aim point; <see cref="Inversion.Outcome"/> says when it is out of range at once
    /// (beyond 103% of the fan's maximum range) or left to the targeter (nearer than the lowest energy reaches); null when
    /// the azimuth leaves the fan.
    /// </summary>
    private Inversion? Invert(Geodetic aim)
    {
        GeodesicLine line = Geodesic.Inverse(_env.Planet.Shape, _launch.LatitudeRad, _launch.LongitudeRad, aim.LatitudeRad, aim.LongitudeRad);
        double rho = line.DistanceM, alpha = Unwrap(line.InitialAzimuthRad);
        double az = alpha, e = 1;
        for (int k = 0; k < 4; k++)
        {
            if (!Inside(az))
            {
                return null;
            }

            double maxRange = Bilinear(_range, az, Energies.Length - 1, 0);
            if (rho > (2 - EdgeFraction) * maxRange)
            {
                return new Inversion(line, rho, az, e, Outcome.OutOfRange);
            }

            if (rho < Bilinear(_range, az, 0, 0))
            {
                return new Inversion(line, rho, az, e, Outcome.UseTargeter);
            }

            e = EnergyFor(az, rho);
            az = alpha - Interpolate(_deflection, az, e);
        }

        return new Inversion(line, rho, az, e, null);
    }

    /// <summary>
    /// Corrects <paramref name="az"/> by the impact's bearing error and <paramref name="e"/> by Newton then secant steps on
    /// the range, at a fixed elevation, until the miss is under the refinement's <see cref="MinimumEnergyRefinement.StartLandedM"/>
    /// (2 m; then the refinement searches at once) or, where no flight gets that close, the closest under 100 m (the
    /// targeter's own stopping point); null if not within <see cref="MaxFlights"/>. The loop is the refinement's
    /// (<see cref="AimCorrection"/>); the slope comes from the fan where there is no secant yet. With the miss, the last
    /// secant over an energy step of at least 1e−6 (null if none: smaller steps are mostly the integrator's metre of noise).
    /// </summary>
    private (double MissM, double? RangePerEnergyM)? Correct(Flyer flyer, GeodesicLine line, Geodetic aim, ref double az, ref double e, double elevation)
    {
        double? measured = null;
        return AimCorrection.Run(_env.Planet.Shape, line, aim, MinimumEnergyRefinement.StartLandedM, Energies[0], MaxFlights, ref az, ref e,
            (a, x) => flyer.Fly(a, new ShapeControls(x, elevation)),
            (shot, previous, a, x) =>
            {
                if (previous is { } p && Math.Abs(x - p.E) > 1e-12)
                {
                    double secant = (shot.RangeM - p.R) / (x - p.E);
                    measured = Math.Abs(x - p.E) >= MinimumEnergyRefinement.SecantMinStep && secant > 0 ? secant : measured;
                    return secant;
                }

                return Slope(a, x);
            },
            Inside, acceptM: MissStopM) is { } landed ? (landed.MissM, measured) : null;
    }

    /// <summary>
    /// The refinement's bounds at (<paramref name="az"/>, <paramref name="e"/>), with the corrections' measured slope of the
    /// range in the energy (<paramref name="rangePerEnergyM"/>), from the table: twice the steepest slope
    /// of the best elevation in the energy and in the azimuth over the table's cells around the point (the slope of a cell
    /// is its mean, not its local, slope), each widened by what the nodes' own 2e−4 rad search tolerance could make of a
    /// slope across a cell.
    /// </summary>
    private MinimumEnergyRefinement.Sensitivity Sensitivity(double az, double e, double? rangePerEnergyM)
    {
        int na = _elevation.GetLength(0), ne = Energies.Length;
        var (i, _) = AzCell(az);
        var (j, _) = ECell(e);
        double perEnergy = 0, perAzimuth = 0;
        double dE = Energies[1] - Energies[0];
        for (int ii = Math.Max(0, i - 1); ii <= Math.Min(na - 1, i + 2); ii++)
        {
            for (int jj = Math.Max(0, j - 1); jj <= Math.Min(ne - 1, j + 2); jj++)
            {
                if (jj + 1 < ne && jj + 1 <= j + 2)
                {
                    perEnergy = Math.Max(perEnergy, Math.Abs(_elevation[ii, jj + 1] - _elevation[ii, jj]) / dE);
                }

                if (ii + 1 < na && ii + 1 <= i + 2)
                {
                    perAzimuth = Math.Max(perAzimuth, Math.Abs(_elevation[ii + 1, jj] - _elevation[ii, jj]) / _dAzRad);
                }
            }
        }

        return new MinimumEnergyRefinement.Sensitivity(2 * perEnergy + 2 * ElevationToleranceRad / dE, 2 * perAzimuth + 2 * ElevationToleranceRad / _dAzRad,
            rangePerEnergyM);
    }

    /// <summary>
    /// The elevation that maximises the range at energy <paramref name="e"/> (golden section to the targeter's 2e−4 rad)
    /// within <paramref name="halfWidthRad"/> of <paramref name="centreRad"/> (cut at the guidance's limits), with its
    /// flight; null if the maximum is at a side of the bracket that is not a guidance limit (so not inside it).
    /// </summary>
    private static (double ElevationRad, Shot Shot)? MaxRange(Flyer flyer, IGuidedMissile missile, double az, double e, double centreRad, double halfWidthRad)
    {
        (double lo, double hi) = missile.ElevationRange;
        double l = Math.Max(lo, centreRad - halfWidthRad), u = Math.Min(hi, centreRad + halfWidthRad);
        var shots = new Dictionary<double, Shot>();
        (double best, _) = Solvers.Maximise(x => (shots[x] = flyer.Fly(az, new ShapeControls(e, x))).RangeM, l, u, ElevationToleranceRad);
        bool interior = (best - l > 2 * ElevationToleranceRad || l == lo) && (u - best > 2 * ElevationToleranceRad || u == hi);
        return interior ? (best, shots[best]) : null;
    }

    /// <summary>The maximum range at full energy from launch azimuth <paramref name="az"/>, m (null if the search finds no interior maximum).</summary>
    private double? ExactMaxRangeM(Flyer flyer, double az)
    {
        (double lo, double hi) = _missile.ElevationRange;
        var found = MaxRange(flyer, _missile, az, 1, Interpolate(_elevation, az, 1), FanBracketRad) ?? MaxRange(flyer, _missile, az, 1, (lo + hi) / 2, hi - lo);
        return found?.Shot.RangeM;
    }

    private bool Inside(double az) => az >= _az0Rad && az <= _az0Rad + (_range.GetLength(0) - 1) * _dAzRad;

    // Fan azimuths are unwrapped from _az0Rad; bring a geodesic azimuth into the same turn.
    private double Unwrap(double az) => Angle.WrapFrom(az, _az0Rad);

    private (int I, double U) AzCell(double az)
    {
        double x = (az - _az0Rad) / _dAzRad;
        int i = Math.Clamp((int)Math.Floor(x), 0, _range.GetLength(0) - 2);
        return (i, x - i);
    }

    private static (int J, double V) ECell(double e)
    {
        double y = (e - Energies[0]) / (Energies[1] - Energies[0]);
        int j = Math.Clamp((int)Math.Floor(y), 0, Energies.Length - 2);
        return (j, y - j);
    }

    /// <summary>A node column j (with offset v towards j + 1) interpolated linearly in azimuth.</summary>
    private double Bilinear(double[,] table, double az, int j, double v)
    {
        var (i, u) = AzCell(az);
        double a = table[i, j] + u * (table[i + 1, j] - table[i, j]);
        if (v == 0)
        {
            return a;
        }

        double b = table[i, j + 1] + u * (table[i + 1, j + 1] - table[i, j + 1]);
        return a + v * (b - a);
    }

    private double Interpolate(double[,] table, double az, double e)
    {
        var (j, v) = ECell(e);
        return Bilinear(table, az, j, v);
    }

    private double Slope(double az, double e)
    {
        var (j, _) = ECell(e);
        return (Bilinear(_range, az, j + 1, 0) - Bilinear(_range, az, j, 0)) / (Energies[j + 1] - Energies[j]);
    }

    /// <summary>The energy whose interpolated range at <paramref name="az"/> is <paramref name="rangeM"/> (ranges rise with energy).</summary>
    private double EnergyFor(double az, double rangeM)
    {
        for (int j = 0; j < Energies.Length - 1; j++)
        {
            double r0 = Bilinear(_range, az, j, 0), r1 = Bilinear(_range, az, j + 1, 0);
            if (rangeM <= r1 || j == Energies.Length - 2)
            {
                return Energies[j] + (Energies[j + 1] - Energies[j]) * Math.Clamp((rangeM - r0) / (r1 - r0), 0, 1);
            }
        }

        return 1;
    }

    /// <summary>Flies one trajectory to impact (launched at t = 0, the shared vertical rise first) and measures it; one per thread.</summary>
    private sealed class Flyer(FlightEnvironment env, SharedLaunch shared)
    {
        private readonly Propagator _propagator = new(env, PropagationOptions.ToImpact());

        public int Flights { get; private set; }

        public Shot Fly(double azimuthRad, ShapeControls controls)
        {
            Flights++;
            Trajectory t = shared.Run(_propagator, azimuthRad, controls, Targeter.MaxFlightTimeS);
            if (t.End != FlightEnd.Altitude)
            {
                return new Shot(null, shared.Launch, 0, azimuthRad);       // orbital: never the answer (ranges rise with energy)
            }

            return Shot.Measure(env, shared.Launch, t);
        }
    }
}
