using static Bulwark.Earth.GeoMath;

namespace Bulwark.Earth;

/// <summary>
/// The geodesic solver for one ellipsoid: a C# port of the series method (order 6) of C. F. F. Karney,
/// "Algorithms for geodesics", J. Geodesy 87:43–55 (2013), doi:10.1007/s00190-012-0578-z, following the
/// structure of GeographicLib's geodesic.c (Karney, 2012–2022, MIT/X11 licence, https://geographiclib.sourceforge.io/).
/// Angles are handled internally in degrees so that quadrant reductions are exact; only distance,
/// latitude, longitude and azimuth outputs are produced (no reduced length, scale or area).
/// </summary>
internal sealed class GeodesicCore
{
    private const int NA1 = 6, NC1 = 6, NC1p = 6, NA2 = 6, NC2 = 6, NA3 = 6, NC3 = 6, NC3x = 15, NC = 7;
    private const int MaxIt1 = 20, MaxIt2 = MaxIt1 + 53 + 10;
    private const double Tol0 = Epsilon, Tol1 = 200 * Tol0, TolB = Tol0;
    private static readonly double Tol2 = Math.Sqrt(Tol0);
    private static readonly double XThresh = 1000 * Tol2;

    // Series coefficients of Karney (2013), eqs. (17), (18), (21), (24), (25) and the A3/C3 expansions, as tabulated
    // in GeographicLib: each block is a polynomial (highest power first) followed by its common denominator.
    private static readonly double[] A1Coeff = [1, 4, 64, 0, 256];
    private static readonly double[] C1Coeff = [-1, 6, -16, 32, -9, 64, -128, 2048, 9, -16, 768, 3, -5, 512, -7, 1280, -7, 2048];
    private static readonly double[] C1pCoeff =
        [205, -432, 768, 1536, 4005, -4736, 3840, 12288, -225, 116, 384, -7173, 2695, 7680, 3467, 7680, 38081, 61440];
    private static readonly double[] A2Coeff = [-11, -28, -192, 0, 256];
    private static readonly double[] C2Coeff = [1, 2, 16, 32, 35, 64, 384, 2048, 15, 80, 768, 7, 35, 512, 63, 1280, 77, 2048];
    private static readonly double[] A3Coeff = [-3, 128, -2, -3, 64, -1, -3, -1, 16, 3, -1, -2, 8, 1, -1, 2, 1, 1];
    private static readonly double[] C3Coeff =
    [
        3, 128, 2, 5, 128, -1, 3, 3, 64, -1, 0, 1, 8, -1, 1, 4,
        5, 256, 1, 3, 128, -3, -2, 3, 64, 1, -3, 2, 32,
        7, 512, -10, 9, 384, 5, -9, 5, 192,
        7, 512, -14, 7, 512,
        21, 2560,
    ];

    internal static readonly GeodesicCore Wgs84 = new(Earth.Wgs84.EquatorialRadiusM, Earth.Wgs84.Flattening);

    private static GeodesicCore s_last = Wgs84;

    internal readonly double A, F;
    private readonly double _f1, _ep2, _n, _b, _etol2;
    private readonly double[] _a3x = new double[NA3];
    private readonly double[] _c3x = new double[NC3x];

    internal GeodesicCore(double a, double f)
    {
        if (!(double.IsFinite(a) && a > 0))
            throw new ArgumentOutOfRangeException(nameof(a), a, "Equatorial radius must be positive and finite.");
        if (!(double.IsFinite(f) && f < 1))
            throw new ArgumentOutOfRangeException(nameof(f), f, "Flattening must be finite and below 1 (polar radius positive).");
        A = a;
        F = f;
        _f1 = 1 - f;
        double e2 = f * (2 - f);
        _ep2 = e2 / Sq(_f1);
        _n = f / (2 - f);
        _b = a * _f1;
        _etol2 = 0.1 * Tol2 / Math.Sqrt(Math.Max(0.001, Math.Abs(f)) * Math.Min(1.0, 1 - f / 2) / 2);

        int o = 0, k = 0;
        for (int j = NA3 - 1; j >= 0; --j)
        {
            int m = Math.Min(NA3 - j - 1, j);
            _a3x[k++] = PolyVal(m, A3Coeff.AsSpan(o), _n) / A3Coeff[o + m + 1];
            o += m + 2;
        }
        o = 0;
        k = 0;
        for (int l = 1; l < NC3; ++l)
        {
            for (int j = NC3 - 1; j >= l; --j)
            {
                int m = Math.Min(NC3 - j - 1, j);
                _c3x[k++] = PolyVal(m, C3Coeff.AsSpan(o), _n) / C3Coeff[o + m + 1];
                o += m + 2;
            }
        }
    }

    /// <summary>
    /// The solver for an ellipsoid: WGS 84's is built once; for any other, the most recently used is cached, so repeated
    /// calls on one ellipsoid allocate nothing.
    /// </summary>
    internal static GeodesicCore For(Ellipsoid ellipsoid)
    {
        ArgumentNullException.ThrowIfNull(ellipsoid);
        double a = ellipsoid.EquatorialRadiusM, f = ellipsoid.Flattening;
        if (Wgs84.A == a && Wgs84.F == f)
            return Wgs84;
        GeodesicCore last = Volatile.Read(ref s_last);
        if (last.A == a && last.F == f)
            return last;
        var core = new GeodesicCore(a, f);
        Volatile.Write(ref s_last, core); // immutable once built; a race only costs a rebuild
        return core;
    }

    // ---------------------------------------------------------------- series

    private static double A1m1f(double eps)
    {
        const int m = NA1 / 2;
        double t = PolyVal(m, A1Coeff, Sq(eps)) / A1Coeff[m + 1];
        return (t + eps) / (1 - eps);
    }

    private static double A2m1f(double eps)
    {
        const int m = NA2 / 2;
        double t = PolyVal(m, A2Coeff, Sq(eps)) / A2Coeff[m + 1];
        return (t - eps) / (1 + eps);
    }

    /// <summary>Fills c[1..nc] with the Fourier coefficients of a series in eps² tabulated in <paramref name="coeff"/>.</summary>
    private static void EvenSeries(double[] coeff, int nc, double eps, Span<double> c)
    {
        double eps2 = Sq(eps), d = eps;
        int o = 0;
        for (int l = 1; l <= nc; ++l)
        {
            int m = (nc - l) / 2;
            c[l] = d * PolyVal(m, coeff.AsSpan(o), eps2) / coeff[o + m + 1];
            o += m + 2;
            d *= eps;
        }
    }

    private static void C1f(double eps, Span<double> c) => EvenSeries(C1Coeff, NC1, eps, c);

    private static void C1pf(double eps, Span<double> c) => EvenSeries(C1pCoeff, NC1p, eps, c);

    private static void C2f(double eps, Span<double> c) => EvenSeries(C2Coeff, NC2, eps, c);

    private double A3f(double eps) => PolyVal(NA3 - 1, _a3x, eps);

    private void C3f(double eps, Span<double> c)
    {
        double mult = 1;
        int o = 0;
        for (int l = 1; l < NC3; ++l)
        {
            int m = NC3 - l - 1;
            mult *= eps;
            c[l] = mult * PolyVal(m, _c3x.AsSpan(o), eps);
            o += m + 1;
        }
    }

    /// <summary>
    /// Clenshaw sum of Σ c[i] sin(2ix), i = 1..n (sinp) or Σ c[i] cos((2i+1)x), i = 0..n−1 (not sinp).
    /// </summary>
    private static double SinCosSeries(bool sinp, double sinx, double cosx, ReadOnlySpan<double> c, int n)
    {
        int k = n + (sinp ? 1 : 0);
        double ar = 2 * (cosx - sinx) * (cosx + sinx);
        double y0 = (n & 1) != 0 ? c[--k] : 0, y1 = 0;
        n /= 2;
        while (n-- > 0)
        {
            y1 = ar * y0 - y1 + c[--k];
            y0 = ar * y1 - y0 + c[--k];
        }
        return sinp ? 2 * sinx * cosx * y0 : cosx * (y0 - y1);
    }

    // ---------------------------------------------------------------- direct

    /// <summary>Direct problem, degrees and metres in and out; longitude of the result in [−180°, 180°].</summary>
    internal void Direct(double lat1, double lon1, double azi1, double s12, out double lat2, out double lon2, out double azi2)
    {
        azi1 = AngNormalize(azi1);
        SinCosD(AngRound(azi1), out double salp1, out double calp1);
        lat1 = LatFix(lat1);

        SinCosD(AngRound(lat1), out double sbet1, out double cbet1);
        sbet1 *= _f1;
        Norm2(ref sbet1, ref cbet1);
        cbet1 = Math.Max(Tiny, cbet1);

        // Great-circle constants of the geodesic on the auxiliary sphere (Karney 2013, §3).
        double salp0 = salp1 * cbet1;
        double calp0 = double.Hypot(calp1, salp1 * sbet1);
        double ssig1 = sbet1, somg1 = salp0 * sbet1;
        double csig1 = sbet1 != 0 || calp1 != 0 ? cbet1 * calp1 : 1, comg1 = csig1;
        Norm2(ref ssig1, ref csig1);

        double k2 = Sq(calp0) * _ep2;
        double eps = k2 / (2 * (1 + Math.Sqrt(1 + k2)) + k2);

        Span<double> c1a = stackalloc double[NC];
        Span<double> c1pa = stackalloc double[NC];
        Span<double> c3a = stackalloc double[NC];
        double a1m1 = A1m1f(eps);
        C1f(eps, c1a);
        double b11 = SinCosSeries(true, ssig1, csig1, c1a, NC1);
        (double sb, double cb) = Math.SinCos(b11);
        double stau1 = ssig1 * cb + csig1 * sb;
        double ctau1 = csig1 * cb - ssig1 * sb;
        C1pf(eps, c1pa);
        C3f(eps, c3a);
        double a3c = -F * salp0 * A3f(eps);
        double b31 = SinCosSeries(true, ssig1, csig1, c3a, NC3 - 1);

        // Distance to arc length on the auxiliary sphere through the reverted series (eq. 20).
        double tau12 = s12 / (_b * (1 + a1m1));
        (double st, double ct) = Math.SinCos(tau12);
        double b12 = -SinCosSeries(true, stau1 * ct + ctau1 * st, ctau1 * ct - stau1 * st, c1pa, NC1p);
        double sig12 = tau12 - (b12 - b11);
        (double ssig12, double csig12) = Math.SinCos(sig12);
        double ssig2, csig2;
        if (Math.Abs(F) > 0.01)
        {
            // The reverted series loses accuracy for |f| > 1/100: one Newton step on the forward series.
            ssig2 = ssig1 * csig12 + csig1 * ssig12;
            csig2 = csig1 * csig12 - ssig1 * ssig12;
            b12 = SinCosSeries(true, ssig2, csig2, c1a, NC1);
            double serr = (1 + a1m1) * (sig12 + (b12 - b11)) - s12 / _b;
            sig12 -= serr / Math.Sqrt(1 + k2 * Sq(ssig2));
            (ssig12, csig12) = Math.SinCos(sig12);
        }

        ssig2 = ssig1 * csig12 + csig1 * ssig12;
        csig2 = csig1 * csig12 - ssig1 * ssig12;
        double sbet2 = calp0 * ssig2;
        double cbet2 = double.Hypot(salp0, calp0 * csig2);
        if (cbet2 == 0)
            cbet2 = csig2 = Tiny; // meridional line through a pole: break the degeneracy
        double salp2 = salp0, calp2 = calp0 * csig2;

        double somg2 = salp0 * ssig2, comg2 = csig2;
        double omg12 = Math.Atan2(somg2 * comg1 - comg2 * somg1, comg2 * comg1 + somg2 * somg1);
        double lam12 = omg12 + a3c * (sig12 + (SinCosSeries(true, ssig2, csig2, c3a, NC3 - 1) - b31));
        double lon12 = lam12 / Degree;
        lon2 = AngNormalize(AngNormalize(lon1) + AngNormalize(lon12));
        lat2 = Atan2D(sbet2, _f1 * cbet2);
        azi2 = Atan2D(salp2, calp2);
    }

    // ---------------------------------------------------------------- inverse

    /// <summary>
    /// Inverse problem, degrees in; returns the arc length on the auxiliary sphere (degrees) and gives the distance (m)
    /// and the sines and cosines of the azimuths at both ends (not normalised for the final one).
    /// </summary>
    internal double Inverse(double lat1, double lon1, double lat2, double lon2,
        out double s12, out double salp1, out double calp1, out double salp2, out double calp2)
    {
        Span<double> ca = stackalloc double[NC];
        double lon12 = AngDiff(lon1, lon2, out double lon12s);
        int lonsign = double.IsNegative(lon12) ? -1 : 1;
        lon12 *= lonsign;
        lon12s *= lonsign;
        double lam12 = lon12 * Degree;
        SinCosDE(lon12, lon12s, out double slam12, out double clam12);
        lon12s = (180 - lon12) - lon12s; // supplementary longitude difference

        lat1 = AngRound(LatFix(lat1));
        lat2 = AngRound(LatFix(lat2));
        // Canonical configuration (Karney 2013, §4): |lat1| >= |lat2|, lat1 <= 0, 0 <= lon12 <= 180.
        int swapp = Math.Abs(lat1) < Math.Abs(lat2) || double.IsNaN(lat2) ? -1 : 1;
        if (swapp < 0)
        {
            lonsign *= -1;
            (lat1, lat2) = (lat2, lat1);
        }
        int latsign = double.IsNegative(lat1) ? 1 : -1;
        lat1 *= latsign;
        lat2 *= latsign;

        SinCosD(lat1, out double sbet1, out double cbet1);
        sbet1 *= _f1;
        Norm2(ref sbet1, ref cbet1);
        cbet1 = Math.Max(Tiny, cbet1);

        SinCosD(lat2, out double sbet2, out double cbet2);
        sbet2 *= _f1;
        Norm2(ref sbet2, ref cbet2);
        cbet2 = Math.Max(Tiny, cbet2);

        // Force |bet2| = |bet1| exactly when they agree to rounding (avoids a singular Newton step).
        if (cbet1 < -sbet1)
        {
            if (cbet2 == cbet1)
                sbet2 = Math.CopySign(sbet1, sbet2);
        }
        else if (Math.Abs(sbet2) == -sbet1)
        {
            cbet2 = cbet1;
        }

        double dn1 = Math.Sqrt(1 + _ep2 * Sq(sbet1));
        double dn2 = Math.Sqrt(1 + _ep2 * Sq(sbet2));

        double a12 = 0, sig12, s12x = 0;
        calp1 = salp1 = calp2 = salp2 = 0;
        bool meridian = lat1 == -90 || slam12 == 0;

        if (meridian)
        {
            // Both points on one meridian (or point 1 at a pole): the geodesic may be the meridian itself.
            calp1 = clam12;
            salp1 = slam12;
            calp2 = 1;
            salp2 = 0;
            double ssig1 = sbet1, csig1 = calp1 * cbet1;
            double ssig2 = sbet2, csig2 = calp2 * cbet2;
            sig12 = Math.Atan2(Math.Max(0.0, csig1 * ssig2 - ssig1 * csig2) + 0, csig1 * csig2 + ssig1 * ssig2);
            Lengths(_n, sig12, ssig1, csig1, dn1, ssig2, csig2, dn2, true, true,
                out s12x, out double m12x, out _, ca);
            // sig12 > pi/2 with m12 < 0 would mean the meridian is not the shortest path (only for prolate shapes).
            if (sig12 < 1 || m12x >= 0)
            {
                if (sig12 < 3 * Tiny || (sig12 < Tol0 && (s12x < 0 || m12x < 0)))
                    sig12 = s12x = 0;
                s12x *= _b;
                a12 = sig12 / Degree;
            }
            else
            {
                meridian = false;
            }
        }

        if (!meridian && sbet1 == 0 && (F <= 0 || lon12s >= F * 180))
        {
            // Equatorial geodesic (both points on the equator, not nearly antipodal on an oblate ellipsoid).
            calp1 = calp2 = 0;
            salp1 = salp2 = 1;
            s12x = A * lam12;
            sig12 = lam12 / _f1;
            a12 = lon12 / _f1;
        }
        else if (!meridian)
        {
            sig12 = InverseStart(sbet1, cbet1, dn1, sbet2, cbet2, dn2, lam12, slam12, clam12,
                out salp1, out calp1, out double salp2s, out double calp2s, out double dnm, ca);

            if (sig12 >= 0)
            {
                // Short line: the spherical estimate with the mid-latitude scale is already exact to rounding.
                salp2 = salp2s;
                calp2 = calp2s;
                s12x = sig12 * _b * dnm;
                a12 = sig12 / Degree;
            }
            else
            {
                // Newton's method on lambda12(alp1) − lam12 = 0 (Karney 2013, §4), keeping a bracket
                // (alp1a, alp1b) of the root and bisecting when a Newton step leaves it.
                double ssig1 = 0, csig1 = 0, ssig2 = 0, csig2 = 0, eps = 0;
                double salp1a = Tiny, calp1a = 1, salp1b = Tiny, calp1b = -1;
                bool tripn = false, tripb = false;
                for (int numit = 0; ; ++numit)
                {
                    double v = Lambda12(sbet1, cbet1, dn1, sbet2, cbet2, dn2, salp1, calp1, slam12, clam12,
                        out salp2, out calp2, out sig12, out ssig1, out csig1, out ssig2, out csig2, out eps,
                        numit < MaxIt1, out double dv, ca);
                    // Reversed test so that NaN escapes.
                    if (tripb || !(Math.Abs(v) >= (tripn ? 8 : 1) * Tol0) || numit == MaxIt2)
                        break;
                    if (v > 0 && (numit > MaxIt1 || calp1 / salp1 > calp1b / salp1b))
                    {
                        salp1b = salp1;
                        calp1b = calp1;
                    }
                    else if (v < 0 && (numit > MaxIt1 || calp1 / salp1 < calp1a / salp1a))
                    {
                        salp1a = salp1;
                        calp1a = calp1;
                    }
                    if (numit < MaxIt1 && dv > 0)
                    {
                        double dalp1 = -v / dv;
                        if (Math.Abs(dalp1) < Math.PI)
                        {
                            (double sdalp1, double cdalp1) = Math.SinCos(dalp1);
                            double nsalp1 = salp1 * cdalp1 + calp1 * sdalp1;
                            if (nsalp1 > 0)
                            {
                                calp1 = calp1 * cdalp1 - salp1 * sdalp1;
                                salp1 = nsalp1;
                                Norm2(ref salp1, ref calp1);
                                tripn = Math.Abs(v) <= 16 * Tol0;
                                continue;
                            }
                        }
                    }
                    // Newton step unusable: bisect the bracket.
                    salp1 = (salp1a + salp1b) / 2;
                    calp1 = (calp1a + calp1b) / 2;
                    Norm2(ref salp1, ref calp1);
                    tripn = false;
                    tripb = Math.Abs(salp1a - salp1) + (calp1a - calp1) < TolB
                        || Math.Abs(salp1 - salp1b) + (calp1 - calp1b) < TolB;
                }
                Lengths(eps, sig12, ssig1, csig1, dn1, ssig2, csig2, dn2, true, false,
                    out s12x, out _, out _, ca);
                s12x *= _b;
                a12 = sig12 / Degree;
            }
        }

        s12 = 0 + s12x; // −0 to +0

        // Undo the canonical transformation.
        if (swapp < 0)
        {
            (salp1, salp2) = (salp2, salp1);
            (calp1, calp2) = (calp2, calp1);
        }
        salp1 *= swapp * lonsign;
        calp1 *= swapp * latsign;
        salp2 *= swapp * lonsign;
        calp2 *= swapp * latsign;
        return a12;
    }

    /// <summary>
    /// Distance s12/b and reduced length m12/b (and the secular coefficient m0) on the auxiliary sphere between
    /// sig1 and sig2 (Karney 2013, eqs. 7, 38–40). <paramref name="ca"/> is scratch of length 7; it ends with C1.
    /// </summary>
    private static void Lengths(double eps, double sig12,
        double ssig1, double csig1, double dn1, double ssig2, double csig2, double dn2,
        bool wantDistance, bool wantReduced, out double s12b, out double m12b, out double m0, Span<double> ca)
    {
        Span<double> cb = stackalloc double[NC];
        double m0x = 0, j12 = 0, a1 = 0, a2 = 0;
        s12b = m12b = 0;
        if (wantDistance || wantReduced)
        {
            a1 = A1m1f(eps);
            C1f(eps, ca);
            if (wantReduced)
            {
                a2 = A2m1f(eps);
                C2f(eps, cb);
                m0x = a1 - a2;
                a2 = 1 + a2;
            }
            a1 = 1 + a1;
        }
        if (wantDistance)
        {
            double b1 = SinCosSeries(true, ssig2, csig2, ca, NC1) - SinCosSeries(true, ssig1, csig1, ca, NC1);
            s12b = a1 * (sig12 + b1);
            if (wantReduced)
            {
                double b2 = SinCosSeries(true, ssig2, csig2, cb, NC2) - SinCosSeries(true, ssig1, csig1, cb, NC2);
                j12 = m0x * sig12 + (a1 * b1 - a2 * b2);
            }
        }
        else if (wantReduced)
        {
            for (int l = 1; l <= NC2; ++l)
                cb[l] = a1 * ca[l] - a2 * cb[l];
            j12 = m0x * sig12 + (SinCosSeries(true, ssig2, csig2, cb, NC2) - SinCosSeries(true, ssig1, csig1, cb, NC2));
        }
        m0 = m0x;
        if (wantReduced)
            m12b = dn2 * (csig1 * ssig2) - dn1 * (ssig1 * csig2) - csig1 * csig2 * j12;
    }

    /// <summary>
    /// Positive root k of k⁴ + 2k³ − (x² + y² − 1)k² − 2y²k − y² = 0 (Karney 2013, eq. 55), the astroid problem
    /// that gives the starting azimuth for nearly antipodal points.
    /// </summary>
    private static double Astroid(double x, double y)
    {
        double p = Sq(x), q = Sq(y), r = (p + q - 1) / 6;
        if (q == 0 && r <= 0)
            return 0; // y = 0 with |x| <= 1
        double s = p * q / 4; // r³ s
        double r2 = Sq(r), r3 = r * r2;
        double disc = s * (s + 2 * r3);
        double u = r;
        if (disc >= 0)
        {
            double t3 = s + r3;
            t3 += t3 < 0 ? -Math.Sqrt(disc) : Math.Sqrt(disc); // sign chosen to avoid cancellation
            double t = Math.Cbrt(t3);
            u += t + (t != 0 ? r2 / t : 0);
        }
        else
        {
            double ang = Math.Atan2(Math.Sqrt(-disc), -(s + r3));
            u += 2 * r * Math.Cos(ang / 3);
        }
        double v = Math.Sqrt(Sq(u) + q);
        double uv = u < 0 ? q / (v - u) : u + v;
        double w = (uv - q) / (2 * v);
        return uv / (Math.Sqrt(uv + Sq(w)) + w);
    }

    /// <summary>
    /// Starting azimuth for Newton's method (Karney 2013, §5); returns sig12 ≥ 0, with the final azimuth, when the
    /// line is so short that no iteration is needed, else −1. dnm is set for short lines.
    /// </summary>
    private double InverseStart(double sbet1, double cbet1, double dn1, double sbet2, double cbet2, double dn2,
        double lam12, double slam12, double clam12,
        out double salp1, out double calp1, out double salp2, out double calp2, out double dnm, Span<double> ca)
    {
        salp2 = calp2 = dnm = 0;
        double sig12 = -1;
        double sbet12 = sbet2 * cbet1 - cbet2 * sbet1;
        double cbet12 = cbet2 * cbet1 + sbet2 * sbet1;
        double sbet12a = sbet2 * cbet1 + cbet2 * sbet1;
        bool shortline = cbet12 >= 0 && sbet12 < 0.5 && cbet2 * lam12 < 0.5;
        double somg12, comg12;
        if (shortline)
        {
            double sbetm2 = Sq(sbet1 + sbet2);
            sbetm2 /= sbetm2 + Sq(cbet1 + cbet2);
            dnm = Math.Sqrt(1 + _ep2 * sbetm2);
            double omg12 = lam12 / (_f1 * dnm);
            (somg12, comg12) = Math.SinCos(omg12);
        }
        else
        {
            somg12 = slam12;
            comg12 = clam12;
        }

        salp1 = cbet2 * somg12;
        calp1 = comg12 >= 0
            ? sbet12 + cbet2 * sbet1 * Sq(somg12) / (1 + comg12)
            : sbet12a - cbet2 * sbet1 * Sq(somg12) / (1 - comg12);

        double ssig12 = double.Hypot(salp1, calp1);
        double csig12 = sbet1 * sbet2 + cbet1 * cbet2 * comg12;

        if (shortline && ssig12 < _etol2)
        {
            salp2 = cbet1 * somg12;
            calp2 = sbet12 - cbet1 * sbet2 * (comg12 >= 0 ? Sq(somg12) / (1 + comg12) : 1 - comg12);
            Norm2(ref salp2, ref calp2);
            sig12 = Math.Atan2(ssig12, csig12);
        }
        else if (Math.Abs(_n) > 0.1 || csig12 >= 0 || ssig12 >= 6 * Math.Abs(_n) * Math.PI * Sq(cbet1))
        {
            // The zeroth-order spherical estimate is good enough.
        }
        else
        {
            // Nearly antipodal: scale to coordinates where the antipode is the origin and solve the astroid.
            double x, y, lamscale, betscale;
            double lam12x = Math.Atan2(-slam12, -clam12); // lam12 − π
            if (F >= 0)
            {
                double k2 = Sq(sbet1) * _ep2;
                double eps = k2 / (2 * (1 + Math.Sqrt(1 + k2)) + k2);
                lamscale = F * cbet1 * A3f(eps) * Math.PI;
                betscale = lamscale * cbet1;
                x = lam12x / lamscale;
                y = sbet12a / betscale;
            }
            else
            {
                double cbet12a = cbet2 * cbet1 - sbet2 * sbet1;
                double bet12a = Math.Atan2(sbet12a, cbet12a);
                Lengths(_n, Math.PI + bet12a, sbet1, -cbet1, dn1, sbet2, cbet2, dn2, false, true,
                    out _, out double m12b, out double m0, ca);
                x = -1 + m12b / (cbet1 * cbet2 * m0 * Math.PI);
                betscale = x < -0.01 ? sbet12a / x : -F * Sq(cbet1) * Math.PI;
                lamscale = betscale / cbet1;
                y = lam12x / lamscale;
            }

            if (y > -Tol1 && x > -1 - XThresh)
            {
                // Strip near the cut.
                if (F >= 0)
                {
                    salp1 = Math.Min(1.0, -x);
                    calp1 = -Math.Sqrt(1 - Sq(salp1));
                }
                else
                {
                    calp1 = Math.Max(x > -Tol1 ? 0.0 : -1.0, x);
                    salp1 = Math.Sqrt(1 - Sq(calp1));
                }
            }
            else
            {
                double k = Astroid(x, y);
                double omg12a = lamscale * (F >= 0 ? -x * k / (1 + k) : -y * (1 + k) / k);
                (somg12, comg12) = Math.SinCos(omg12a);
                comg12 = -comg12;
                salp1 = cbet2 * somg12;
                calp1 = sbet12a - cbet2 * sbet1 * Sq(somg12) / (1 - comg12);
            }
        }

        // Sanity check on the starting guess; the reversed test lets NaN through.
        if (!(salp1 <= 0))
        {
            Norm2(ref salp1, ref calp1);
        }
        else
        {
            salp1 = 1;
            calp1 = 0;
        }
        return sig12;
    }

    /// <summary>
    /// The longitude difference reached by the geodesic leaving point 1 at azimuth alp1 when it gets to latitude bet2,
    /// minus the target (Karney 2013, eqs. 5–9 and 51), and its derivative with respect to alp1 (eq. 46).
    /// </summary>
    private double Lambda12(double sbet1, double cbet1, double dn1, double sbet2, double cbet2, double dn2,
        double salp1, double calp1, double slam120, double clam120,
        out double salp2, out double calp2, out double sig12,
        out double ssig1, out double csig1, out double ssig2, out double csig2, out double eps,
        bool diffp, out double dlam12, Span<double> ca)
    {
        if (sbet1 == 0 && calp1 == 0)
            calp1 = -Tiny; // break the degeneracy of the equatorial line

        double salp0 = salp1 * cbet1;
        double calp0 = double.Hypot(calp1, salp1 * sbet1);

        ssig1 = sbet1;
        double somg1 = salp0 * sbet1;
        csig1 = calp1 * cbet1;
        double comg1 = csig1;
        Norm2(ref ssig1, ref csig1);

        salp2 = cbet2 != cbet1 ? salp0 / cbet2 : salp1;
        calp2 = cbet2 != cbet1 || Math.Abs(sbet2) != -sbet1
            ? Math.Sqrt(Sq(calp1 * cbet1) + (cbet1 < -sbet1
                ? (cbet2 - cbet1) * (cbet1 + cbet2)
                : (sbet1 - sbet2) * (sbet1 + sbet2))) / cbet2
            : Math.Abs(calp1);

        ssig2 = sbet2;
        double somg2 = salp0 * sbet2;
        csig2 = calp2 * cbet2;
        double comg2 = csig2;
        Norm2(ref ssig2, ref csig2);

        sig12 = Math.Atan2(Math.Max(0.0, csig1 * ssig2 - ssig1 * csig2) + 0, csig1 * csig2 + ssig1 * ssig2);
        double somg12 = Math.Max(0.0, comg1 * somg2 - somg1 * comg2) + 0;
        double comg12 = comg1 * comg2 + somg1 * somg2;
        double eta = Math.Atan2(somg12 * clam120 - comg12 * slam120, comg12 * clam120 + somg12 * slam120);
        double k2 = Sq(calp0) * _ep2;
        eps = k2 / (2 * (1 + Math.Sqrt(1 + k2)) + k2);
        C3f(eps, ca);
        double b312 = SinCosSeries(true, ssig2, csig2, ca, NC3 - 1) - SinCosSeries(true, ssig1, csig1, ca, NC3 - 1);
        double domg12 = -F * A3f(eps) * salp0 * (sig12 + b312);
        double lam12 = eta + domg12;

        dlam12 = 0;
        if (diffp)
        {
            if (calp2 == 0)
            {
                dlam12 = -2 * _f1 * dn1 / sbet1;
            }
            else
            {
                Lengths(eps, sig12, ssig1, csig1, dn1, ssig2, csig2, dn2, false, true,
                    out _, out dlam12, out _, ca);
                dlam12 *= _f1 / (calp2 * cbet2);
            }
        }
        return lam12;
    }
}
