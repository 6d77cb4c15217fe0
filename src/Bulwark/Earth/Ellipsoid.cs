using Bulwark.Numerics;

namespace Bulwark.Earth;

/// <summary>An oblate ellipsoid of revolution (a sphere when the flattening is zero), with exact geodetic↔ECEF conversion.</summary>
/// <remarks>
/// <para>
/// ECEF axes: X through (lat 0, lon 0), Z along the rotation axis towards the north pole, Y completing a right-handed
/// set (through lat 0, lon 90° E). Heights are along the ellipsoid normal.
/// </para>
/// <para>
/// <see cref="ToGeodetic"/> is closed form (no iteration): the quartic for the footpoint is solved as in
/// H. Vermeille, "Direct transformation from geocentric coordinates to geodetic coordinates", J. Geodesy 76:451–454
/// (2002), in the form generalised to every point in space, the region inside the evolute near the centre included,
/// by C. F. F. Karney, "Geodesics on an ellipsoid of revolution", arXiv:1102.1215 (2011), Appendix B, as implemented
/// in GeographicLib's Geocentric class (MIT licence). The same problem and its interior cases are treated by
/// H. Vermeille, "An analytical method to transform geocentric into geodetic coordinates", J. Geodesy 85:105–117 (2011).
/// The result is exact up to floating-point round-off (nanometres near the Earth). A prolate spheroid (negative
/// flattening) is handled too. None of the conversions allocate.
/// </para>
/// </remarks>
/// <param name="EquatorialRadiusM">semi-major axis a, m</param>
/// <param name="Flattening">flattening f = (a − b)/a; 0 for a sphere</param>
public sealed record Ellipsoid(double EquatorialRadiusM, double Flattening)
{
    /// <summary>The WGS 84 ellipsoid (a = 6378137 m, f = 1/298.257223563; NIMA TR8350.2).</summary>
    public static readonly Ellipsoid Wgs84 = new(Earth.Wgs84.EquatorialRadiusM, Earth.Wgs84.Flattening);

    /// <summary>A sphere of the given radius, m.</summary>
    public static Ellipsoid Sphere(double radiusM) => new(radiusM, 0);

    /// <summary>Semi-minor (polar) axis b = a(1 − f), m.</summary>
    public double PolarRadiusM => EquatorialRadiusM * (1 - Flattening);

    /// <summary>First eccentricity squared e² = f(2 − f).</summary>
    public double EccentricitySquared => Flattening * (2 - Flattening);

    /// <summary>True when the flattening is exactly zero.</summary>
    public bool IsSphere => Flattening == 0;

    /// <summary>Earth-fixed Cartesian position (m) of a geodetic point.</summary>
    /// <remarks>
    /// x = (N + h) cos φ cos λ, y = (N + h) cos φ sin λ, z = (N(1 − e²) + h) sin φ with the prime-vertical radius of
    /// curvature N = a / √(1 − e² sin²φ) (e.g. NIMA TR8350.2, eq. 4-14).
    /// </remarks>
    public Vec3 ToEcef(Geodetic point)
    {
        double a = EquatorialRadiusM, f = Flattening;
        double e2 = f * (2 - f), e2m = (1 - f) * (1 - f);
        (double sphi, double cphi) = Math.SinCos(point.LatitudeRad);
        (double slam, double clam) = Math.SinCos(point.LongitudeRad);
        double n = a / Math.Sqrt(1 - e2 * sphi * sphi);
        double rxy = (n + point.HeightM) * cphi;
        return new Vec3(rxy * clam, rxy * slam, (e2m * n + point.HeightM) * sphi);
    }

    /// <summary>Geodetic point of an Earth-fixed Cartesian position (m); exact (closed form), valid everywhere including the poles and the centre region.</summary>
    /// <remarks>
    /// Latitude in [−π/2, π/2], longitude atan2(y, x) in (−π, π] (0 on the axis), height in m (negative inside).
    /// On the polar axis the latitude is ±π/2; at the centre it is +π/2 with height −b. On a sphere this is plain
    /// spherical coordinates: latitude atan2(z, √(x² + y²)), height |r| − a.
    /// </remarks>
    public Geodetic ToGeodetic(Vec3 rEcefM)
    {
        double h = HeightOf(rEcefM, out double sinNum, out double cosNum);
        return GeodeticOf(rEcefM, h, sinNum, cosNum);
    }

    /// <summary>Height above the ellipsoid (m) of an ECEF position; same result as ToGeodetic(r).HeightM.</summary>
    /// <remarks>The same closed-form solution as <see cref="ToGeodetic"/>, skipping the two arctangents.</remarks>
    public double HeightOf(Vec3 rEcefM) => Reverse(rEcefM.X, rEcefM.Y, rEcefM.Z, out _, out _);

    /// <summary>
    /// Height above the ellipsoid (m) of an ECEF position, with the two numbers proportional to the sine and cosine of its
    /// latitude that <see cref="GeodeticOf"/> turns into the geodetic point: for a caller that needs the height always
    /// and the latitude and longitude only sometimes (the equations of motion: drag needs the height, only steering the
    /// local axes), so the two arctangents are paid only when asked for.
    /// </summary>
    public double HeightOf(Vec3 rEcefM, out double latitudeSinNum, out double latitudeCosNum) =>
        Reverse(rEcefM.X, rEcefM.Y, rEcefM.Z, out latitudeSinNum, out latitudeCosNum);

    /// <summary>
    /// The geodetic point of <paramref name="rEcefM"/> from what <see cref="HeightOf(Vec3, out double, out double)"/>
    /// gave for it: the same numbers, to the bit, as <see cref="ToGeodetic"/>.
    /// </summary>
    public static Geodetic GeodeticOf(Vec3 rEcefM, double heightM, double latitudeSinNum, double latitudeCosNum) =>
        new(Math.Atan2(latitudeSinNum, latitudeCosNum), Math.Atan2(rEcefM.Y, rEcefM.X), heightM);

    /// <summary>
    /// The sines and cosines of a point's latitude and longitude without trigonometric functions: the latitude's from the
    /// numbers <see cref="HeightOf(Vec3, out double, out double)"/> gave for it, normalised, the longitude's from the point's
    /// own x and y over its distance from the axis (the longitude in the axes <paramref name="r"/> is given in: ECEF, or
    /// ECI for the inertial longitude). False, with the longitude's left 0, on the axis, where it is undefined.
    /// </summary>
    public static bool SinCosOf(Vec3 r, double latitudeSinNum, double latitudeCosNum, out double sinLatitude, out double cosLatitude,
        out double sinLongitude, out double cosLongitude)
    {
        double n = double.Hypot(latitudeSinNum, latitudeCosNum);
        (sinLatitude, cosLatitude) = (latitudeSinNum / n, latitudeCosNum / n);
        double fromAxis = double.Hypot(r.X, r.Y);
        (sinLongitude, cosLongitude) = fromAxis > 0 ? (r.Y / fromAxis, r.X / fromAxis) : (0.0, 0.0);
        return fromAxis > 0;
    }

    /// <summary>
    /// Height above the ellipsoid (m) of the point (x, y, z); latitude = atan2(<paramref name="sinNum"/>, <paramref name="cosNum"/>),
    /// two numbers proportional to sin φ and cos φ.
    /// </summary>
    private double Reverse(double x, double y, double z, out double sinNum, out double cosNum)
    {
        double a = EquatorialRadiusM, f = Flattening;
        double rXy = Math.Sqrt(x * x + y * y);
        double dist = Math.Sqrt(rXy * rXy + z * z);

        // Beyond 2a/ε (~6e22 m for the Earth) the body is a point; this also avoids overflow in the quartic.
        // The negated test sends NaN and an overflowed square root here too.
        if (!(dist <= 2 * a / GeoMath.Epsilon))
        {
            sinNum = z / 2;
            cosNum = double.Hypot(x / 2, y / 2);
            return double.Hypot(double.Hypot(x, y), z);
        }

        if (f == 0)
        {
            // Sphere: spherical coordinates; the centre maps to the north pole as on the ellipsoid.
            sinNum = dist != 0 ? z : 1;
            cosNum = rXy;
            return dist - a;
        }

        double e2 = f * (2 - f), e2m = (1 - f) * (1 - f), e2a = Math.Abs(e2), e4a = e2 * e2;
        double p = GeoMath.Sq(rXy / a);
        double q = e2m * GeoMath.Sq(z / a);
        double r = (p + q - e4a) / 6;
        if (f < 0)
            (p, q) = (q, p); // prolate: exchange the roles of the axis and the equatorial plane

        if (!(e4a * q == 0 && r <= 0))
        {
            // Vermeille's quartic reduced to a cubic in u; S = r³·s and T = r·t avoid division by r = 0.
            double s = e4a * p * q / 4;
            double r2 = r * r, r3 = r * r2;
            double disc = s * (2 * r3 + s);
            double u = r;
            if (disc >= 0)
            {
                double t3 = r3 + s;
                t3 += t3 < 0 ? -Math.Sqrt(disc) : Math.Sqrt(disc); // sign that avoids cancellation
                double t = CubeRoot.Of(t3);
                u += t + (t != 0 ? r2 / t : 0);
            }
            else
            {
                // Inside the evolute: three real roots; take the one free of cancellation (disc < 0 implies r < 0).
                double ang = Math.Atan2(Math.Sqrt(-disc), -(s + r3));
                u += 2 * r * Math.Cos(ang / 3);
            }
            double v = Math.Sqrt(u * u + e4a * q);
            double uv = u < 0 ? e4a * q / (v - u) : u + v; // u + v > 0 without cancellation
            double w = Math.Max(0.0, e2a * (uv - q) / (2 * v));
            double k = uv / (Math.Sqrt(uv + w * w) + w);
            double k1 = f >= 0 ? k : k - e2;
            double k2 = f >= 0 ? k + e2 : k;
            double d = k1 * rXy / k2;
            sinNum = z / k1;
            cosNum = rXy / k2;
            return (1 - e2m / k1) * Math.Sqrt(d * d + z * z);
        }

        // On the equatorial plane inside the evolute (oblate), or on the axis inside it (prolate): the limits of the
        // general formulas, which would give 0/0 here.
        double zz = Math.Sqrt((f >= 0 ? e4a - p : p) / e2m);
        double xx = Math.Sqrt(f < 0 ? e4a - p : p);
        sinNum = z < 0 ? -zz : zz;
        cosNum = xx;
        return -a * (f >= 0 ? e2m : 1) * Math.Sqrt(xx * xx + zz * zz) / e2a;
    }
}
