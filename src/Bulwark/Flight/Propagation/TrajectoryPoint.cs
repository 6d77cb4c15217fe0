using Bulwark.Earth;
using Bulwark.Numerics;

namespace Bulwark.Flight.Propagation;

/// <summary>
/// A trajectory sample as reported: geodetic position, Earth-relative velocity in local north-east-down axes, the
/// Earth-fixed position (for CZML) and the mass.
/// </summary>
public readonly record struct TrajectoryPoint(double TimeS, Geodetic Position, Vec3 VelocityNedMPerS, Vec3 PositionEcefM, double MassKg)
{
    public double SpeedMPerS => VelocityNedMPerS.Norm;

    /// <summary>Flight-path angle above the local horizontal, rad.</summary>
    public double FlightPathAngleRad => Math.Atan2(-VelocityNedMPerS.Z, Math.Sqrt(VelocityNedMPerS.X * VelocityNedMPerS.X + VelocityNedMPerS.Y * VelocityNedMPerS.Y));

    public static TrajectoryPoint From(FlightEnvironment environment, FlightState state)
    {
        Vec3 rEcef = environment.EcefPosition(state);
        Geodetic g = environment.Planet.Shape.ToGeodetic(rEcef);
        Vec3 vNed = LocalFrame.EcefToNed(environment.EcefVelocity(state), g.LatitudeRad, g.LongitudeRad);
        return new TrajectoryPoint(state.TimeS, g, vNed, rEcef, state.MassKg);
    }

    public static IReadOnlyList<TrajectoryPoint> From(FlightEnvironment environment, IEnumerable<FlightState> states) =>
        [.. states.Select(s => From(environment, s))];
}
