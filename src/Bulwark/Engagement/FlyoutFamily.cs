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
/// standard program's burnout (the one the catalog speed is calibrated on); the flattest climbing burnout (the lowest
/// program, on a 1° scan up from the bottom of the guidance's elevation range, that burns out level or climbing: as flat
/// as the vehicle flies out); the lowest program that burns out at all (the programs below the flattest dive: they serve
/// low, near points, and a faster copy of the interceptor needs them to reach every point a slower one reaches); and the
/// steepest (the top of the range).
/// </summary>
public sealed record FlyoutFamily(FlyoutBurnout Standard, FlyoutBurnout Flattest, FlyoutBurnout Lowest, FlyoutBurnout Steepest)
{
    /// <summary>The fly-out family of <paramref name="interceptor"/>; a few to about 120 fly-outs.</summary>
    public static FlyoutFamily Of(Interceptor interceptor)
    {
        ArgumentNullException.ThrowIfNull(interceptor);
        (double lo, double hi) = interceptor.Rocket.ElevationRange;
        FlyoutBurnout At(double e) => StandardFlyout.Burnout(interceptor, e) is { } p
            ? FlyoutBurnout.From(e, p)
            : throw new InvalidOperationException($"{interceptor.Id}: the fly-out at {e * 180 / Math.PI:F1}° does not burn out");

        FlyoutBurnout? lowest = null, flattest = null;
        const double StepRad = Math.PI / 180;
        for (double e = lo; e <= hi && flattest is null; e += StepRad)
        {
            if (StandardFlyout.Burnout(interceptor, e) is { } p)
            {
                lowest ??= FlyoutBurnout.From(e, p);
                if (p.FlightPathAngleRad >= 0)
                {
                    flattest = FlyoutBurnout.From(e, p);
                }
            }
        }

        FlyoutBurnout steepest = At(hi);
        return new FlyoutFamily(At(StandardFlyout.Controls.ElevationRad), flattest ?? steepest, lowest ?? steepest, steepest);
    }
}
