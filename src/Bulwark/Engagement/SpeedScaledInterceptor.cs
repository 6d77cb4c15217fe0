using Bulwark.Caching;
using Bulwark.Numerics;

namespace Bulwark.Engagement;

/// <summary>
/// An interceptor made faster or slower than its catalog entry: every stage's vacuum specific impulse (exhaust velocity)
/// and burn time are multiplied by one factor k — so each stage keeps its propellant and its thrust (mass flow / k × Isp · k)
/// and the ideal Δv scales by k — masses, body, guidance and kill vehicle kept, and k is solved so that
/// the standard fly-out (<see cref="StandardFlyout"/>, the flight the catalog's burnout speeds are calibrated on) reaches the
/// requested burnout speed. The altitude limits, reaction time and Pk are the base interceptor's.
/// </summary>
/// <remarks>
/// Used by the deterrent's threshold search (speeds on a grid) and by the catalog when a scenario overrides an
/// interceptor's <c>burnout_speed_km_s</c> (<see cref="Catalog.BulwarkCatalog.Interceptor"/>). The catalog's two GBI
/// readings were tuned by propellant mass at fixed gross mass (docs/interceptors.md); that cannot take an SM-3 to 8 km/s (the propellant fraction would pass 1), so a threshold search scales the exhaust velocity
/// instead, which reaches any speed with the same vehicle. Keeping the thrust keeps the thrust-to-weight ratio, so a
/// slower variant still lifts off (scaling the Isp alone leaves a 3 km/s GBI unable to). The burnout speed grows
/// monotonically with the factor.
/// </remarks>
public static class SpeedScaledInterceptor
{
    /// <summary>Relative tolerance on the burnout speed reached, 1e−4 (0.6 m/s at 6 km/s).</summary>
    public const double RelativeTolerance = 1e-4;

    /// <summary>
    /// Calibrations kept per process, keyed by the base interceptor's numbers (records compare by content) and the speed:
    /// each (interceptor, speed) is solved once however many scenarios, shots or threads ask for it. Bounded: a threshold
    /// search asks for about 80 speeds per interceptor.
    /// </summary>
    private static readonly BoundedCache<(Interceptor Base, double SpeedMPerS), Interceptor> Calibrations = new(1024);

    /// <summary>Calibrations solved in this process so far (each is a root-find over a few dozen fly-outs).</summary>
    public static long CalibrationCount => Calibrations.Computed;

    /// <summary>
    /// <paramref name="baseInterceptor"/> with its stages' specific impulses scaled so that the standard fly-out burns out at
    /// <paramref name="burnoutSpeedMPerS"/>; its <see cref="Interceptor.BurnoutSpeedMPerS"/> is that speed and its id
    /// <c>{id}@{speed km/s}</c>.
    /// </summary>
    public static Interceptor For(Interceptor baseInterceptor, double burnoutSpeedMPerS)
    {
        ArgumentNullException.ThrowIfNull(baseInterceptor);
        if (!(burnoutSpeedMPerS > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(burnoutSpeedMPerS), "a positive burnout speed is required");
        }

        return Calibrations.GetOrAdd((baseInterceptor, burnoutSpeedMPerS), k => Calibrate(k.Base, k.SpeedMPerS));
    }

    private static Interceptor Calibrate(Interceptor baseInterceptor, double burnoutSpeedMPerS)
    {
        double f(double k) => StandardFlyout.BurnoutSpeedMPerS(Scaled(baseInterceptor, k, burnoutSpeedMPerS)) - burnoutSpeedMPerS;
        // The burnout speed is roughly proportional to the exhaust velocity: start from the ratio and widen the bracket.
        double k0 = burnoutSpeedMPerS / StandardFlyout.BurnoutSpeedMPerS(baseInterceptor);
        double lo = 0.9 * k0, hi = 1.1 * k0;
        double flo = f(lo), fhi = f(hi);
        for (int i = 0; i < 20 && flo > 0; i++)
        {
            (hi, fhi) = (lo, flo);
            lo *= 0.8;
            flo = f(lo);
        }

        for (int i = 0; i < 20 && fhi < 0; i++)
        {
            (lo, flo) = (hi, fhi);
            hi *= 1.25;
            fhi = f(hi);
        }

        double k = Solvers.FindRoot(f, lo, hi, flo, fhi, 1e-9, RelativeTolerance * burnoutSpeedMPerS);
        return Scaled(baseInterceptor, k, burnoutSpeedMPerS);
    }

    /// <summary>The base interceptor with every stage's Isp and burn time times <paramref name="factor"/>.</summary>
    public static Interceptor Scaled(Interceptor baseInterceptor, double factor, double burnoutSpeedMPerS)
    {
        ArgumentNullException.ThrowIfNull(baseInterceptor);
        var rocket = baseInterceptor.Rocket with
        {
            Stages = [.. baseInterceptor.Rocket.Stages.Select(s => s with { VacuumIspS = s.VacuumIspS * factor, BurnTimeS = s.BurnTimeS * factor })],
        };
        string id = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{baseInterceptor.Id}@{burnoutSpeedMPerS / 1000:0.###}");
        return baseInterceptor with { Id = id, Rocket = rocket, BurnoutSpeedMPerS = burnoutSpeedMPerS };
    }
}
