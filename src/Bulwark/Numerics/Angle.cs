using System.Runtime.CompilerServices;

namespace Bulwark.Numerics;

/// <summary>
/// Degree↔radian conversions and angle wrapping: the one place the library writes them.
/// </summary>
/// <remarks>
/// <para>
/// The conversions keep the operation order the code has always used, so results are the same to the bit:
/// <see cref="DegToRad"/> is (deg·π)/180 and <see cref="RadToDeg"/> is (rad·180)/π. <see cref="RadPerDeg"/> is the
/// rounded constant π/180; deg·RadPerDeg can differ from <see cref="DegToRad"/> in the last bit, and is what the
/// catalog's sensor and missile readers, the area sums and the geodesic solver multiply by.
/// </para>
/// <para>
/// Wrapping: <see cref="WrapPi"/> is the exact remainder by 2π (<see cref="Math.IEEERemainder(double, double)"/>);
/// <see cref="WrapPiFast"/> avoids that call where it is hot (the reach tables) and agrees with it to the bit for
/// |rad| ≤ 3π except within a few ulp of ±π and for −0 (which it gives as +0).
/// </para>
/// </remarks>
public static class Angle
{
    /// <summary>2π.</summary>
    public const double TwoPi = 2 * Math.PI;

    /// <summary>π/180, rounded once: radians per degree.</summary>
    public const double RadPerDeg = Math.PI / 180;

    /// <summary>Degrees to radians, as (deg·π)/180.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double DegToRad(double deg) => deg * Math.PI / 180;

    /// <summary>Radians to degrees, as (rad·180)/π.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double RadToDeg(double rad) => rad * 180 / Math.PI;

    /// <summary>The angle reduced to [−π, π], exactly (the IEEE remainder by 2π; ±π keep their sign, −0 stays −0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double WrapPi(double rad) => Math.IEEERemainder(rad, TwoPi);

    /// <summary>The angle reduced to (−π, π]: <see cref="WrapPi"/> with −π taken to π (an azimuth due south is +π).</summary>
    public static double WrapPiHalfOpen(double rad)
    {
        double r = WrapPi(rad);
        return r <= -Math.PI ? r + TwoPi : r;
    }

    /// <summary>
    /// The angle reduced to [−π, π] as rad − 2π·round(rad / 2π), without the IEEE remainder, which is slow; see the
    /// remarks for where it differs from <see cref="WrapPi"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double WrapPiFast(double rad) => rad - TwoPi * Math.Round(rad / TwoPi);

    /// <summary>The angle brought into the turn [<paramref name="startRad"/>, <paramref name="startRad"/> + 2π).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double WrapFrom(double rad, double startRad) => rad - TwoPi * Math.Floor((rad - startRad) / TwoPi);

    /// <summary>The angle reduced to [0, 2π).</summary>
    public static double WrapTwoPi(double rad) => WrapFrom(rad, 0);

    /// <summary>An angle in degrees reduced to [−180, 180] as deg − 360·round(deg / 360) (±180 keep their sign; 540 gives −180).</summary>
    public static double WrapDeg180(double deg) => deg - 360 * Math.Round(deg / 360);

    /// <summary>A longitude in degrees reduced to [−180, 180) as deg − 360·floor((deg + 180) / 360): 180 gives −180, and values inside keep every bit (except within an ulp of 180).</summary>
    public static double WrapLonDeg(double deg) => deg - 360 * Math.Floor((deg + 180) / 360);
}
