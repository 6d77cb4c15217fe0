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
    public static Vec3 EciToEcef(Vec3 rEci, double timeS, double rotationRateRadPerS) => At(timeS, rotationRateRadPerS).EciToEcef(rEci);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec3 EcefToEci(Vec3 rEcef, double timeS, double rotationRateRadPerS) => At(timeS, rotationRateRadPerS).EcefToEci(rEcef);

    /// <summary>The rotation at time t (one sine and cosine), for callers that turn several vectors at one moment; each
    /// turned as <see cref="EciToEcef"/> and <see cref="EcefToEci"/> turn it, to the bit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Turn At(double timeS, double rotationRateRadPerS) => new(rotationRateRadPerS * timeS);

    /// <summary>The Earth's rotation by the angle θ = ωt: ECEF = Rz(θ)ᵀ·ECI (none at all where θ is 0).</summary>
    public readonly struct Turn
    {
        private readonly double _sin, _cos;
        private readonly bool _none;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Turn(double thetaRad)
        {
            _none = thetaRad == 0;
            (_sin, _cos) = _none ? (0.0, 1.0) : Math.SinCos(thetaRad);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vec3 EciToEcef(Vec3 v) => _none ? v : new Vec3(_cos * v.X + _sin * v.Y, -_sin * v.X + _cos * v.Y, v.Z);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vec3 EcefToEci(Vec3 v) => _none ? v : new Vec3(_cos * v.X - _sin * v.Y, _sin * v.X + _cos * v.Y, v.Z);
    }

    /// <summary>Velocity relative to the rotating Earth, expressed in ECI axes: v − ω×r.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec3 EarthRelativeVelocityEci(Vec3 rEci, Vec3 vEci, double rotationRateRadPerS) =>
        new(vEci.X + rotationRateRadPerS * rEci.Y, vEci.Y - rotationRateRadPerS * rEci.X, vEci.Z);

    /// <summary>Earth-relative velocity in ECEF axes from an ECI state.</summary>
    public static Vec3 EcefVelocity(Vec3 rEci, Vec3 vEci, double timeS, double rotationRateRadPerS) =>
        EcefVelocity(rEci, vEci, At(timeS, rotationRateRadPerS), rotationRateRadPerS);

    /// <summary><see cref="EcefVelocity(Vec3, Vec3, double, double)"/> with the rotation at the state's time given.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec3 EcefVelocity(Vec3 rEci, Vec3 vEci, Turn turn, double rotationRateRadPerS) =>
        turn.EciToEcef(EarthRelativeVelocityEci(rEci, vEci, rotationRateRadPerS));

    /// <summary>Inertial velocity in ECI axes from an ECEF position and Earth-relative ECEF velocity at time t: v = R(v_ecef) + ω×r.</summary>
    public static Vec3 EciVelocity(Vec3 rEcef, Vec3 vEcef, double timeS, double rotationRateRadPerS)
    {
        Turn turn = At(timeS, rotationRateRadPerS);
        Vec3 rEci = turn.EcefToEci(rEcef);
        Vec3 vRelEci = turn.EcefToEci(vEcef);
        return new Vec3(vRelEci.X - rotationRateRadPerS * rEci.Y, vRelEci.Y + rotationRateRadPerS * rEci.X, vRelEci.Z);
    }
}
