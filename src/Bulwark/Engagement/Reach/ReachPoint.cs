namespace Bulwark.Engagement.Reach;

/// <summary>
/// The earliest an interceptor can be at a point, and how it arrives there.
/// </summary>
/// <param name="ArrivalS">time after launch, s; <see cref="double.PositiveInfinity"/> when the point is out of reach</param>
/// <param name="SpeedMPerS">the Earth-relative speed of that earliest fly-out at the point, m/s (NaN when out of reach)</param>
/// <param name="FlightPathAngleRad">its flight-path angle above the local horizontal there, rad (NaN when out of reach)</param>
public readonly record struct ReachPoint(double ArrivalS, double SpeedMPerS, double FlightPathAngleRad)
{
    /// <summary>
    /// The program of the fly-out family that arrives then: its commanded elevation ε, rad (<c>ShapeControls</c>;
    /// NaN when out of reach or not known).
    /// </summary>
    public double ElevationRad { get; init; } = double.NaN;

    /// <summary>That fly-out's launch azimuth, rad clockwise from north (NaN when out of reach or not known).</summary>
    public double LaunchAzimuthRad { get; init; } = double.NaN;

    /// <summary>Out of reach: arrival +∞, speed and flight-path angle NaN.</summary>
    public static readonly ReachPoint Unreachable = new(double.PositiveInfinity, double.NaN, double.NaN);

    /// <summary>True when the point can be reached (the arrival time is finite).</summary>
    public bool IsReachable => double.IsFinite(ArrivalS);
}
