using Bulwark.Numerics;

namespace Bulwark.Earth;

/// <summary>
/// Geodesic azimuth and distance from one fixed site to other points on its ellipsoid, fast: Vincenty's (1975) inverse
/// with a fixed number of longitude iterations (<see cref="Iterations"/>), no convergence loop, no allocation. The
/// library's geodesic inverse is <see cref="Geodesic.Inverse"/> (Karney, tested against published values); this is the
/// one shortcut beside it, for hot loops from one site within 10,000 km: the reach tables use it for both their fly-out
/// samples and their lookups, so the two agree exactly.
/// </summary>
/// <remarks>
/// <para>
/// Vincenty's iteration converges linearly, each pass multiplying the longitude error on the auxiliary sphere by about
/// f ≈ 1/298; starting from λ = L the error after two passes is of order f³. Measured against the Karney inverse
/// (<see cref="Geodesic.Inverse"/>) on WGS-84 up to 10,000 km (tests/…/Earth/SiteGeodesicTests.cs): distance within
/// 0.02 m and azimuth within 2e−8 rad. About ten times faster than <see cref="Geodesic.Inverse"/> here (0.3–0.4 µs
/// against 2–4 µs). Not for nearly antipodal points (Vincenty's method fails there; the reach tables never go so far).
/// </para>
/// <para>
/// T. Vincenty, "Direct and inverse solutions of geodesics on the ellipsoid with application of nested equations",
/// Survey Review 23(176):88–93, 1975.
/// </para>
/// </remarks>
public readonly struct SiteGeodesic
{
    /// <summary>Longitude iterations on the auxiliary sphere.</summary>
    public const int Iterations = 2;

    private readonly double _a, _b, _f, _lon1, _sinU1, _cosU1, _ep2;

    /// <summary>A site on an ellipsoid (the site's height is ignored).</summary>
    public SiteGeodesic(Ellipsoid ellipsoid, Geodetic site)
    {
        _a = ellipsoid.EquatorialRadiusM;
        _f = ellipsoid.Flattening;
        _b = ellipsoid.PolarRadiusM;
        _lon1 = site.LongitudeRad;
        double u1 = Math.Atan((1 - _f) * Math.Tan(site.LatitudeRad));
        (_sinU1, _cosU1) = Math.SinCos(u1);
        _ep2 = (_a * _a - _b * _b) / (_b * _b);
    }

    /// <summary>The geodesic from the site to (latitude, longitude) in radians: initial azimuth (radians clockwise from north, in (−π, π]) and length (m).</summary>
    public (double AzimuthRad, double DistanceM) To(double latitudeRad, double longitudeRad)
    {
        double f = _f;
        double u2 = Math.Atan((1 - f) * Math.Tan(latitudeRad));
        (double sinU2, double cosU2) = Math.SinCos(u2);
        double sinU1 = _sinU1, cosU1 = _cosU1;
        double l = Angle.WrapPiFast(longitudeRad - _lon1);
        double lambda = l;
        double sinLambda = 0, cosLambda = 0, sinSigma = 0, cosSigma = 0, sigma = 0, cos2Alpha = 0, cos2SigmaM = 0;
        for (int i = 0; i <= Iterations; i++)
        {
            (sinLambda, cosLambda) = Math.SinCos(lambda);
            double x = cosU2 * sinLambda;
            double y = cosU1 * sinU2 - sinU1 * cosU2 * cosLambda;
            sinSigma = Math.Sqrt(x * x + y * y);
            if (sinSigma == 0)
            {
                return (0, 0);
            }

            cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda;
            sigma = Math.Atan2(sinSigma, cosSigma);
            double sinAlpha = cosU1 * cosU2 * sinLambda / sinSigma;
            cos2Alpha = 1 - sinAlpha * sinAlpha;
            cos2SigmaM = cos2Alpha != 0 ? cosSigma - 2 * sinU1 * sinU2 / cos2Alpha : 0;
            if (i == Iterations)
            {
                break;
            }

            double c = f / 16 * cos2Alpha * (4 + f * (4 - 3 * cos2Alpha));
            lambda = l + (1 - c) * f * sinAlpha
                * (sigma + c * sinSigma * (cos2SigmaM + c * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
        }

        double uSq = cos2Alpha * _ep2;
        double a = 1 + uSq / 16384 * (4096 + uSq * (-768 + uSq * (320 - 175 * uSq)));
        double b = uSq / 1024 * (256 + uSq * (-128 + uSq * (74 - 47 * uSq)));
        double c2 = cos2SigmaM * cos2SigmaM;
        double deltaSigma = b * sinSigma * (cos2SigmaM + b / 4 * (cosSigma * (-1 + 2 * c2)
            - b / 6 * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * c2)));
        double distance = _b * a * (sigma - deltaSigma);
        double azimuth = Math.Atan2(cosU2 * sinLambda, cosU1 * sinU2 - sinU1 * cosU2 * cosLambda);
        return (azimuth, distance);
    }
}
