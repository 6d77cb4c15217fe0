using System.Globalization;
using Bulwark.Caching;
using Bulwark.Earth;
using Bulwark.Flight.Vehicles;
using Bulwark.Numerics;

namespace Bulwark.Flight.Targeting;

/// <summary>
/// A staged missile made to reach another maximum range: every stage's specific impulse (and so its thrust, the mass
/// flow being kept) scaled by one factor, found by root-finding so that the maximum range due north from the missile's
/// calibration launch point (docs/missiles.md: rotating WGS-84 with J2, the 1976 atmosphere, full energy, the best
/// elevation) is the one asked for. This is how a sweep varies a threat missile's disputed range (its catalog entry's
/// <c>calibration.range_km</c>; docs/sweeps.md): the stages are notional and calibrated to that figure in the first
/// place, so a missile of another figure is the same notional design with more or less energetic propellant.
/// </summary>
/// <remarks>
/// The range grows monotonically with the factor (more exhaust velocity, more burnout speed). The burn times, masses,
/// body and guidance are kept, so the boost time (what the sensors see first) is the same, and the burnout speed and
/// apogee move with the range. Calibrations are kept per process, keyed by the missile's numbers, the launch point and
/// the range.
/// </remarks>
public static class RangeScaledMissile
{
    /// <summary>Relative tolerance on the maximum range reached, 1e−4 (0.2 km at 2,000 km).</summary>
    public const double RelativeTolerance = 1e-4;

    private static readonly BoundedCache<(StagedRocket Base, double LatRad, double LonRad, double RangeM), StagedRocket> Calibrations = new(256);

    /// <summary>Calibrations solved in this process so far (each a root-find over maximum-range searches).</summary>
    public static long CalibrationCount => Calibrations.Computed;

    /// <summary>
    /// <paramref name="baseMissile"/> with its stages' specific impulses scaled so that its maximum range due north from
    /// <paramref name="launch"/> is <paramref name="maxRangeM"/> (to <see cref="RelativeTolerance"/>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">the range is not positive, or no factor from 0.3 to 3 reaches it</exception>
    public static StagedRocket For(StagedRocket baseMissile, Geodetic launch, double maxRangeM)
    {
        ArgumentNullException.ThrowIfNull(baseMissile);
        if (!(maxRangeM > 0) || !double.IsFinite(maxRangeM))
        {
            throw new ArgumentOutOfRangeException(nameof(maxRangeM), "a positive range is required");
        }

        return Calibrations.GetOrAdd((baseMissile, launch.LatitudeRad, launch.LongitudeRad, maxRangeM), k => Calibrate(k.Base, launch, k.RangeM));
    }

    /// <summary>The maximum range due north from <paramref name="launch"/>, m (the calibration case of docs/missiles.md).</summary>
    public static double MaximumRangeDueNorthM(IGuidedMissile missile, Geodetic launch) =>
        new Targeter(FlightEnvironment.Default).MaximumRangeM(missile, launch with { HeightM = 0 }, 0);

    /// <summary>The base missile with every stage's specific impulse times <paramref name="factor"/>.</summary>
    public static StagedRocket Scaled(StagedRocket baseMissile, double factor)
    {
        ArgumentNullException.ThrowIfNull(baseMissile);
        return baseMissile with { Stages = [.. baseMissile.Stages.Select(s => s with { VacuumIspS = s.VacuumIspS * factor })] };
    }

    // What f returns for a copy that goes into orbit: far beyond any range on Earth.
    private const double Orbital = 1e12;

    private static StagedRocket Calibrate(StagedRocket baseMissile, Geodetic launch, double maxRangeM)
    {
        // A copy that cannot lift off ranges 0; one that goes into orbit counts as beyond every range asked for.
        double f(double k)
        {
            StagedRocket copy = Scaled(baseMissile, k);
            try
            {
                return (copy.LiftsOff ? MaximumRangeDueNorthM(copy, launch) : 0) - maxRangeM;
            }
            catch (TargetingException e) when (e.Failure == TargetingFailure.NoImpact)
            {
                return Orbital;
            }
        }

        // Range grows faster than the exhaust velocity (about as its square at these speeds): start near the square root
        // of the ratio and widen the bracket as needed.
        double k0 = Math.Sqrt(maxRangeM / MaximumRangeDueNorthM(baseMissile, launch));
        double lo = 0.95 * k0, hi = 1.05 * k0;
        double flo = f(lo), fhi = f(hi);
        for (int i = 0; i < 12 && flo > 0 && lo > 0.3; i++)
        {
            (hi, fhi) = (lo, flo);
            lo *= 0.9;
            flo = f(lo);
        }

        for (int i = 0; i < 12 && fhi < 0 && hi < 3; i++)
        {
            (lo, flo) = (hi, fhi);
            hi *= 1.1;
            fhi = f(hi);
        }

        if (flo > 0 || fhi < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxRangeM), string.Create(CultureInfo.InvariantCulture,
                $"{baseMissile.Name} cannot be scaled to a maximum range of {maxRangeM / 1000:0} km: its specific impulses would have to change by more than a factor of 3"));
        }

        double tolerance = RelativeTolerance * maxRangeM;
        double k = Solvers.FindRoot(f, lo, hi, flo, fhi, 1e-9, tolerance);
        return Math.Abs(f(k)) <= tolerance ? Scaled(baseMissile, k) : throw new ArgumentOutOfRangeException(nameof(maxRangeM), string.Create(CultureInfo.InvariantCulture,
            $"{baseMissile.Name} cannot be scaled to a maximum range of {maxRangeM / 1000:0} km: the copies around it either fall short or go into orbit"));
    }
}
