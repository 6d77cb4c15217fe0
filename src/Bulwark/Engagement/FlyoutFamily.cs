using Bulwark.Flight.Propagation;

namespace Bulwark.Engagement;

/// <summary>One fly-out of the family at burnout: its commanded elevation and where and how it burns out.</summary>
/// <param name="ElevationRad">the commanded elevation (the family's control), rad</param>
/// <param name="FlightPathAngleRad">the flight-path angle above the local horizontal at burnout, rad</param>
/// <param name="SpeedMPerS">the Earth-relative speed at burnout, m/s</param>
/// <param name="HeightM">the geodetic height at burnout, m</param>
/// <param name="TimeS">the time of burnout after launch, s</param>
public readonly record struct FlyoutBurnout(double ElevationRad, double FlightPathAngleRad, double SpeedMPerS, double HeightM, double TimeS)
{
    internal static FlyoutBurnout From(double elevationRad, TrajectoryPoint p) =>
        new(elevationRad, p.FlightPathAngleRad, p.SpeedMPerS, p.Position.HeightM, p.TimeS);
}

/// <summary>
/// What an interceptor's fly-out family spans, measured on the standard fly-out (<see cref="StandardFlyout"/>): the
/// standard program's burnout (the one the catalog speed is calibrated on) and the flattest and steepest programs'
/// burnouts (the ends of the guidance's elevation range; the flattest that burns out at all).
/// </summary>
public sealed record FlyoutFamily(FlyoutBurnout Standard, FlyoutBurnout Flattest, FlyoutBurnout Steepest)
{
    /// <summary>The fly-out family of <paramref name="interceptor"/>; three to a few dozen fly-outs.</summary>
    public static FlyoutFamily Of(Interceptor interceptor)
    {
        ArgumentNullException.ThrowIfNull(interceptor);
        (double lo, double hi) = interceptor.Rocket.ElevationRange;
        double standard = StandardFlyout.Controls.ElevationRad;
        FlyoutBurnout At(double e) => StandardFlyout.Burnout(interceptor, e) is { } p
            ? FlyoutBurnout.From(e, p)
            : throw new InvalidOperationException($"{interceptor.Id}: the fly-out at {e * 180 / Math.PI:F1}° does not burn out");

        // The flattest programs of the heaviest interceptors may come down before burnout: step up to the first that does not.
        FlyoutBurnout? flattest = null;
        const double StepRad = Math.PI / 180;
        for (double e = lo; e <= hi && flattest is null; e += StepRad)
        {
            if (StandardFlyout.Burnout(interceptor, e) is { } p)
            {
                flattest = FlyoutBurnout.From(e, p);
            }
        }

        return new FlyoutFamily(At(standard), flattest ?? At(hi), At(hi));
    }
}
