using Bulwark.Earth;
using Bulwark.Flight;
using Bulwark.Flight.Propagation;
using Bulwark.Flight.Vehicles;
using Bulwark.Numerics;

namespace Bulwark.Engagement;

/// <summary>
/// The standard fly-out that interceptors' catalog burnout speeds are calibrated on (docs/interceptors.md): launched from
/// 45° N, 0° E at sea level toward azimuth 0° on rotating WGS-84 with J2 and the 1976 atmosphere, at full energy and a
/// 45° pitch-over elevation; the burnout speed is the Earth-relative speed at the "burnout" event. The flight stops a
/// second after burnout (flying on to impact changes nothing before it, and a fly-out near escape speed never lands).
/// </summary>
public static class StandardFlyout
{
    public static readonly Geodetic LaunchPoint = Geodetic.FromDegrees(45, 0, 0);

    public static readonly ShapeControls Controls = new(1, Angle.DegToRad(45));

    /// <summary>The interceptor's burnout speed on the standard fly-out, m/s.</summary>
    public static double BurnoutSpeedMPerS(Interceptor interceptor) =>
        Burnout(interceptor, Controls.ElevationRad)?.SpeedMPerS
        ?? throw new InvalidOperationException($"{interceptor.Id}: no burnout event");

    /// <summary>
    /// The state at burnout of the standard fly-out flown with the pitch-over elevation <paramref name="elevationRad"/>
    /// instead of 45° (Earth-relative speed and flight-path angle, geodetic height); null when the fly-out comes down
    /// before it burns out (the flattest GBI shots).
    /// </summary>
    public static TrajectoryPoint? Burnout(Interceptor interceptor, double elevationRad)
    {
        ArgumentNullException.ThrowIfNull(interceptor);
        FlightEnvironment env = FlightEnvironment.Default;
        FlightPlan plan = interceptor.Rocket.Plan(env, LaunchPoint, 0, 0, Controls with { ElevationRad = elevationRad });
        double poweredS = interceptor.Rocket.TotalBurnTimeS + interceptor.Rocket.Stages.Sum(s => s.CoastAfterS);
        Trajectory t = new Propagator(env, PropagationOptions.ToImpact()).Run(plan, poweredS + 1);
        return t.Find("burnout") is { } burnout ? TrajectoryPoint.From(env, burnout.State) : null;
    }
}
