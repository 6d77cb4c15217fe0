using Bulwark.Caching;
using Bulwark.Numerics;

namespace Bulwark.Engagement;

/// <summary>
/// An interceptor made faster or slower than its catalog entry: every stage's vacuum specific impulse (exhaust velocity) is
/// multiplied by one factor k — each stage keeps its propellant, its burn time and so its mass flow, and its thrust scales
/// by k, as does the ideal Δv — masses, body, guidance and kill vehicle kept, and k is solved so that the standard fly-out
/// (<see cref="StandardFlyout"/>, the flight the catalog's burnout speeds are calibrated on) reaches the requested burnout
/// speed. The altitude limits, reaction time and Pk are the base interceptor's.
/// </summary>
/// <remarks>
/// Used by the deterrent's threshold search (speeds on a grid) and by the catalog when a scenario overrides an
/// interceptor's <c>burnout_speed_km_s</c> (<see cref="Catalog.BulwarkCatalog.Interceptor"/>). Why the specific impulse
/// alone: at every instant of the burn a faster copy has the same mass and more thrust than a slower one, so on the same
/// program it is ahead, and with the whole fly-out family to choose from it reaches every point no later
/// (<c>SpeedMonotonicityTests</c>; docs/engagement.md, "Speed and shots"). The earlier scaling (I_sp and burn time
/// together, thrust kept) made a faster copy heavier at every instant, slower off the pad, and reach nearby points later.
/// The price: a slow enough copy cannot lift off (thrust ∝ k; a GBI's first stage has a thrust-to-weight ratio of about
/// 2.3–2.7), and a speed below the slowest copy that still burns out on the standard fly-out cannot be had:
/// <see cref="TryFor"/> says so (the threshold search counts such a speed as reaching nothing; a scenario override is
/// refused). The burnout speed grows monotonically with the factor.
/// </remarks>
public static class SpeedScaledInterceptor
{
    /// <summary>Relative tolerance on the burnout speed reached, 1e−4 (0.6 m/s at 6 km/s).</summary>
    public const double RelativeTolerance = 1e-4;

    /// <summary>
    /// Calibrations kept per process, keyed by the base interceptor's numbers (records compare by content) and the speed:
    /// each (interceptor, speed) is solved once however many scenarios, shots or threads ask for it; null when that speed
    /// cannot be had. Bounded: a threshold search asks for about 80 speeds per interceptor.
    /// </summary>
    private static readonly BoundedCache<(Interceptor Base, double SpeedMPerS), Interceptor?> Calibrations = new(1024);

    /// <summary>Calibrations solved in this process so far (each is a root-find over a few dozen fly-outs).</summary>
    public static long CalibrationCount => Calibrations.Computed;

    /// <summary>
    /// <paramref name="baseInterceptor"/> with its stages' specific impulses scaled so that the standard fly-out burns out at
    /// <paramref name="burnoutSpeedMPerS"/>; its <see cref="Interceptor.BurnoutSpeedMPerS"/> is that speed and its id
    /// <c>{id}@{speed km/s}</c>. Throws <see cref="ArgumentOutOfRangeException"/> when the speed is too low for any copy
    /// that still flies (<see cref="TryFor"/>).
    /// </summary>
    public static Interceptor For(Interceptor baseInterceptor, double burnoutSpeedMPerS) =>
        TryFor(baseInterceptor, burnoutSpeedMPerS) ?? throw new ArgumentOutOfRangeException(nameof(burnoutSpeedMPerS), string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"{baseInterceptor.Id} cannot be scaled down to {burnoutSpeedMPerS / 1000:0.###} km/s: a copy that slow (specific impulses scaled, thrust with them) does not burn out on the standard fly-out"));

    /// <summary>As <see cref="For"/>, or null when no copy that still burns out on the standard fly-out is that slow.</summary>
    public static Interceptor? TryFor(Interceptor baseInterceptor, double burnoutSpeedMPerS)
    {
        ArgumentNullException.ThrowIfNull(baseInterceptor);
        if (!(burnoutSpeedMPerS > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(burnoutSpeedMPerS), "a positive burnout speed is required");
        }

        return Calibrations.GetOrAdd((baseInterceptor, burnoutSpeedMPerS), k => Calibrate(k.Base, k.SpeedMPerS));
    }

    private static Interceptor? Calibrate(Interceptor baseInterceptor, double burnoutSpeedMPerS)
    {
        // A copy that does not burn out (it cannot lift off, or comes down first) counts as speed 0: below every target.
        double Speed(double k)
        {
            Interceptor copy = Scaled(baseInterceptor, k, burnoutSpeedMPerS);
            return copy.Rocket.LiftsOff ? StandardFlyout.Burnout(copy, StandardFlyout.Controls.ElevationRad)?.SpeedMPerS ?? 0 : 0;
        }

        double f(double k) => Speed(k) - burnoutSpeedMPerS;
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

        double tolerance = RelativeTolerance * burnoutSpeedMPerS;
        double k = Solvers.FindRoot(f, lo, hi, flo, fhi, 1e-9, tolerance);
        // Below the slowest copy that flies the root-find ends on the jump from "does not burn out" to that copy's speed.
        return Math.Abs(f(k)) <= tolerance ? Scaled(baseInterceptor, k, burnoutSpeedMPerS) : null;
    }

    /// <summary>The base interceptor with every stage's specific impulse times <paramref name="factor"/>.</summary>
    public static Interceptor Scaled(Interceptor baseInterceptor, double factor, double burnoutSpeedMPerS)
    {
        ArgumentNullException.ThrowIfNull(baseInterceptor);
        var rocket = baseInterceptor.Rocket with
        {
            Stages = [.. baseInterceptor.Rocket.Stages.Select(s => s with { VacuumIspS = s.VacuumIspS * factor })],
        };
        string id = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{baseInterceptor.Id}@{burnoutSpeedMPerS / 1000:0.###}");
        return baseInterceptor with { Id = id, Rocket = rocket, BurnoutSpeedMPerS = burnoutSpeedMPerS };
    }
}
