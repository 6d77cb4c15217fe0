using Bulwark.Numerics;

namespace Bulwark.Engagement;

/// <summary>How the interceptor arrives at a point: time after launch, Earth-relative speed and flight-path angle.</summary>
/// <param name="ArrivalS">time from launch to the point, s (+∞ when unreachable)</param>
/// <param name="SpeedMPerS">Earth-relative speed there, m/s</param>
/// <param name="FlightPathAngleRad">flight-path angle above the local horizontal there, rad</param>
public readonly record struct Arrival(double ArrivalS, double SpeedMPerS, double FlightPathAngleRad)
{
    public static readonly Arrival Never = new(double.PositiveInfinity, 0, 0);

    public bool Reachable => double.IsFinite(ArrivalS);
}

/// <summary>
/// An interceptor's reach from its site: the earliest it can be at an Earth-fixed point after launch (a lookup in a
/// precomputed table in practice; see docs/reach-tables.md).
/// </summary>
public interface IInterceptorReach
{
    /// <summary>The earliest arrival at <paramref name="pointEcefM"/> (Earth-fixed, m) at height <paramref name="heightM"/>.</summary>
    Arrival Earliest(Vec3 pointEcefM, double heightM);
}
