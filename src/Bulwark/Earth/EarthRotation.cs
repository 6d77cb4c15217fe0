using System.Runtime.CompilerServices;
using Bulwark.Numerics;

namespace Bulwark.Earth;

/// <summary>
/// The ECI↔ECEF transformation for a planet rotating at a constant rate ω about +Z. The ECI frame is aligned with ECEF at
/// the scenario epoch t = 0 (DESIGN §3), so ECEF = Rz(ωt)ᵀ·ECI. Worked example: with ω = 7.292115e−5 rad/s, after
/// t = 21,541 s (a quarter sidereal day, ωt = π/2) the ECI +Y axis is the ECEF +X axis.
/// </summary>
public static class EarthRotation
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec3 EciToEcef(Vec3 rEci, double timeS, double rotationRateRadPerS)
    {
        double theta = rotationRateRadPerS * timeS;
        if (theta == 0)
        {
            return rEci;
        }

        var (s, c) = Math.SinCos(theta);
        return new Vec3(c * rEci.X + s * rEci.Y, -s * rEci.X + c * rEci.Y, rEci.Z);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec3 EcefToEci(Vec3 rEcef, double timeS, double rotationRateRadPerS)
    {
        double theta = rotationRateRadPerS * timeS;
        if (theta == 0)
        {
            return rEcef;
        }

        var (s, c) = Math.SinCos(theta);
        return EcefToEciTurned(rEcef, s, c);
    }

    /// <summary>ECI axes of a vector given in ECEF axes, from the sine and cosine of the angle turned, ωt (not 0): for
    /// callers that turn several vectors at one moment.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec3 EcefToEciTurned(Vec3 rEcef, double sinTheta, double cosTheta) =>
        new(cosTheta * rEcef.X - sinTheta * rEcef.Y, sinTheta * rEcef.X + cosTheta * rEcef.Y, rEcef.Z);

    /// <summary>Velocity relative to the rotating Earth, expressed in ECI axes: v − ω×r.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec3 EarthRelativeVelocityEci(Vec3 rEci, Vec3 vEci, double rotationRateRadPerS) =>
        new(vEci.X + rotationRateRadPerS * rEci.Y, vEci.Y - rotationRateRadPerS * rEci.X, vEci.Z);

    /// <summary>Earth-relative velocity in ECEF axes from an ECI state.</summary>
    public static Vec3 EcefVelocity(Vec3 rEci, Vec3 vEci, double timeS, double rotationRateRadPerS) =>
        EciToEcef(EarthRelativeVelocityEci(rEci, vEci, rotationRateRadPerS), timeS, rotationRateRadPerS);

    /// <summary>Inertial velocity in ECI axes from an ECEF position and Earth-relative ECEF velocity at time t: v = R(v_ecef) + ω×r.</summary>
    public static Vec3 EciVelocity(Vec3 rEcef, Vec3 vEcef, double timeS, double rotationRateRadPerS)
    {
        Vec3 rEci = EcefToEci(rEcef, timeS, rotationRateRadPerS);
        Vec3 vRelEci = EcefToEci(vEcef, timeS, rotationRateRadPerS);
        return new Vec3(vRelEci.X - rotationRateRadPerS * rEci.Y, vRelEci.Y + rotationRateRadPerS * rEci.X, vRelEci.Z);
    }
}
