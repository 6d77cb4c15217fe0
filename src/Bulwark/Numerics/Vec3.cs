using System.Runtime.CompilerServices;

namespace Bulwark.Numerics;

/// <summary>
/// A 3-vector of doubles. The frame and unit are the caller's to name (<c>rEciM</c>, <c>vEcefMPerS</c>):
/// <see cref="System.Numerics.Vector3"/> is single precision and loses about half a metre at Earth radius.
/// </summary>
public readonly record struct Vec3(double X, double Y, double Z)
{
    public static readonly Vec3 Zero = new(0, 0, 0);
    public static readonly Vec3 UnitX = new(1, 0, 0);
    public static readonly Vec3 UnitY = new(0, 1, 0);
    public static readonly Vec3 UnitZ = new(0, 0, 1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec3 operator +(Vec3 a, Vec3 b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec3 operator -(Vec3 a, Vec3 b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec3 operator -(Vec3 a) => new(-a.X, -a.Y, -a.Z);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec3 operator *(double s, Vec3 a) => new(s * a.X, s * a.Y, s * a.Z);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec3 operator *(Vec3 a, double s) => new(s * a.X, s * a.Y, s * a.Z);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec3 operator /(Vec3 a, double s) => new(a.X / s, a.Y / s, a.Z / s);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Dot(Vec3 b) => X * b.X + Y * b.Y + Z * b.Z;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vec3 Cross(Vec3 b) => new(Y * b.Z - Z * b.Y, Z * b.X - X * b.Z, X * b.Y - Y * b.X);

    public double NormSquared => X * X + Y * Y + Z * Z;

    public double Norm => Math.Sqrt(X * X + Y * Y + Z * Z);

    /// <summary>The unit vector along this one; a zero vector stays zero.</summary>
    public Vec3 Normalized()
    {
        double n = Norm;
        return n > 0 ? this / n : Zero;
    }

    /// <summary>Reads three consecutive components from <paramref name="span"/> starting at <paramref name="offset"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec3 From(ReadOnlySpan<double> span, int offset) => new(span[offset], span[offset + 1], span[offset + 2]);

    /// <summary>Writes the three components into <paramref name="span"/> starting at <paramref name="offset"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void CopyTo(Span<double> span, int offset)
    {
        span[offset] = X;
        span[offset + 1] = Y;
        span[offset + 2] = Z;
    }

    public override string ToString() => FormattableString.Invariant($"({X:G17}, {Y:G17}, {Z:G17})");
}
