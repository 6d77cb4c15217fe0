using Bulwark.Flight.Forces;
using Bulwark.Numerics;

namespace Bulwark.Flight.Guidance;

/// <summary>A steering law: the direction of thrust (a unit vector in ECI axes) at one moment of powered flight.</summary>
public interface ISteering
{
    Vec3 ThrustDirectionEci(in FlightContext context);
}

/// <summary>Thrust along the local geodetic vertical: the vertical rise off the pad.</summary>
public sealed class VerticalSteering : ISteering
{
    public static readonly VerticalSteering Instance = new();

    public Vec3 ThrustDirectionEci(in FlightContext context) => context.UpEci;
}

/// <summary>
/// The pitch-over ("kick"): the thrust tilts from the vertical toward the launch azimuth at a constant rate, from 0 at
/// <paramref name="startTimeS"/> to <paramref name="finalTiltRad"/> at <paramref name="startTimeS"/> + <paramref name="durationS"/>.
/// </summary>
public sealed class PitchOverSteering(double azimuthRad, double startTimeS, double durationS, double finalTiltRad) : ISteering
{
    private readonly (double Sin, double Cos) _azimuth = Math.SinCos(azimuthRad);

    public Vec3 ThrustDirectionEci(in FlightContext context)
    {
        double f = Math.Clamp((context.TimeS - startTimeS) / durationS, 0, 1);
        var (sinTilt, cosTilt) = Math.SinCos(f * finalTiltRad);
        var (sinAz, cosAz) = _azimuth;
        LocalAxes axes = context.LocalAxesEci();
        Vec3 horizontal = cosAz * axes.North + sinAz * axes.East;
        return cosTilt * axes.Up + sinTilt * horizontal;
    }
}

/// <summary>
/// A commanded attitude: thrust at a fixed elevation <paramref name="elevationRad"/> above the local geodetic horizontal,
/// toward the fixed local azimuth <paramref name="azimuthRad"/> (from north, clockwise):
/// u = sin(ε)·up + cos(ε)·(cos(az)·north + sin(az)·east). The upper stages of a shaped interceptor ascent.
/// </summary>
public sealed class HeldElevationSteering(double azimuthRad, double elevationRad) : ISteering
{
    private readonly (double Sin, double Cos) _elevation = Math.SinCos(elevationRad);
    private readonly (double Sin, double Cos) _azimuth = Math.SinCos(azimuthRad);

    public Vec3 ThrustDirectionEci(in FlightContext context)
    {
        LocalAxes axes = context.LocalAxesEci();
        Vec3 horizontal = _azimuth.Cos * axes.North + _azimuth.Sin * axes.East;
        return _elevation.Sin * axes.Up + _elevation.Cos * horizontal;
    }
}

/// <summary>
/// The gravity turn: thrust along the air-relative velocity (zero angle of attack), so gravity alone turns the path.
/// Used for all powered flight after the pitch-over, inside and above the atmosphere.
/// </summary>
public sealed class GravityTurnSteering : ISteering
{
    public static readonly GravityTurnSteering Instance = new();

    public Vec3 ThrustDirectionEci(in FlightContext context)
    {
        Vec3 v = context.AirVelocityEciMPerS;
        return v.NormSquared > 1e-6 ? v.Normalized() : context.UpEci;
    }
}
