using System.Runtime.CompilerServices;
using Bulwark.Numerics;

namespace Bulwark.Earth;

/// <summary>
/// Angle helpers for the geodesic solver, working in degrees so that multiples of 90° reduce exactly
/// (after GeographicLib's Math class, C. F. F. Karney, MIT licence).
/// </summary>
internal static class GeoMath
{
    /// <summary>DBL_EPSILON = 2⁻⁵² (not <see cref="double.Epsilon"/>, which is the smallest subnormal).</summary>
    internal const double Epsilon = 2.220446049250313e-16;

    /// <summary>DBL_MIN, the smallest positive normal double.</summary>
    internal const double RealMin = 2.2250738585072014e-308;

    /// <summary>√DBL_MIN: small enough to be negligible, large enough that its square does not underflow.</summary>
    internal static readonly double Tiny = Math.Sqrt(RealMin);

    internal const double Degree = Angle.RadPerDeg;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double Sq(double x) => x * x;

    /// <summary>Radians to degrees; divides by π first so that ±π and ±π/2 map to exactly ±180 and ±90.</summary>
    internal static double ToDegrees(double rad) => rad / Math.PI * 180;

    internal static double ToRadians(double deg) => deg * Degree;

    /// <summary>Error-free sum (Knuth's TwoSum): u + v = s + t exactly, with s = fl(u + v).</summary>
    internal static double SumX(double u, double v, out double t)
    {
        double s = u + v;
        double up = s - v;
        double vpp = s - up;
        up -= u;
        vpp -= v;
        t = s != 0 ? 0 - (up + vpp) : s;
        return s;
    }

    /// <summary>Horner evaluation of the polynomial of degree <paramref name="n"/> with coefficients p[0..n], highest power first.</summary>
    internal static double PolyVal(int n, ReadOnlySpan<double> p, double x)
    {
        double y = n < 0 ? 0 : p[0];
        for (int i = 1; i <= n; i++)
            y = y * x + p[i];
        return y;
    }

    internal static void Norm2(ref double sinx, ref double cosx)
    {
        double r = double.Hypot(sinx, cosx);
        sinx /= r;
        cosx /= r;
    }

    /// <summary>x reduced to [−y/2, y/2] for y &gt; 0 (exact: fmod is exact and the one correction is exact by Sterbenz's lemma).</summary>
    internal static double Remainder(double x, double y)
    {
        double r = x % y;
        if (r > y / 2)
            r -= y;
        else if (r < -y / 2)
            r += y;
        return r;
    }

    /// <summary>An angle in degrees reduced to [−180, 180], keeping the sign of x for ±180.</summary>
    internal static double AngNormalize(double x)
    {
        double y = Remainder(x, 360);
        return Math.Abs(y) == 180 ? Math.CopySign(180, x) : y;
    }

    /// <summary>NaN for a latitude outside [−90°, 90°].</summary>
    internal static double LatFix(double x) => Math.Abs(x) > 90 ? double.NaN : x;

    /// <summary>y − x reduced to [−180, 180] degrees, exactly: the result plus <paramref name="e"/> is the true difference.</summary>
    internal static double AngDiff(double x, double y, out double e)
    {
        double d = SumX(Remainder(-x, 360), Remainder(y, 360), out double t);
        d = SumX(Remainder(d, 360), t, out t);
        if (d == 0 || Math.Abs(d) == 180)
            d = Math.CopySign(d, t == 0 ? y - x : -t);
        e = t;
        return d;
    }

    /// <summary>Rounds tiny angles so that values below 1/16 keep at most 57 significant bits; makes −1e−20 and 0 behave alike.</summary>
    internal static double AngRound(double x)
    {
        const double z = 1.0 / 16;
        double y = Math.Abs(x);
        double w = z - y;
        y = w > 0 ? z - w : y;
        return Math.CopySign(y, x);
    }

    /// <summary>sin and cos of an angle in degrees, with exact reduction to [−45°, 45°] first.</summary>
    internal static void SinCosD(double x, out double sinx, out double cosx) => SinCosDE(x, 0, false, out sinx, out cosx);

    /// <summary>sin and cos of (x + t) degrees where t is a small correction to x.</summary>
    internal static void SinCosDE(double x, double t, out double sinx, out double cosx) => SinCosDE(x, t, true, out sinx, out cosx);

    private static void SinCosDE(double x, double t, bool round, out double sinx, out double cosx)
    {
        double r = x % 360;
        double qd = Math.Round(r / 90);
        int q = double.IsFinite(qd) ? (int)qd : 0;
        r -= 90 * q;
        if (round)
            r = AngRound(r + t);
        r *= Degree;
        (double s, double c) = Math.SinCos(r);
        switch (q & 3)
        {
            case 0: sinx = s; cosx = c; break;
            case 1: sinx = c; cosx = -s; break;
            case 2: sinx = -s; cosx = -c; break;
            default: sinx = -c; cosx = s; break;
        }
        cosx += 0;
        if (sinx == 0)
            sinx = Math.CopySign(sinx, x);
    }

    /// <summary>atan2 in degrees, arranged so that the library atan2 sees an angle in [−45°, 45°].</summary>
    internal static double Atan2D(double y, double x)
    {
        int q = 0;
        if (Math.Abs(y) > Math.Abs(x))
        {
            (x, y) = (y, x);
            q = 2;
        }
        if (double.IsNegative(x))
        {
            x = -x;
            ++q;
        }
        double ang = Math.Atan2(y, x) / Degree;
        return q switch
        {
            1 => Math.CopySign(180, y) - ang,
            2 => 90 - ang,
            3 => -90 + ang,
            _ => ang,
        };
    }
}
