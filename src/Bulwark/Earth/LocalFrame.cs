using Bulwark.Numerics;

namespace Bulwark.Earth;

/// <summary>
/// Rotations between Earth-fixed axes and local north-east-down / east-north-up axes at a geodetic latitude and longitude
/// (the axes of the ellipsoid normal). Directions only: no translation.
/// </summary>
/// <remarks>
/// <para>
/// At geodetic latitude φ and longitude λ the local unit vectors in ECEF are the standard ones (e.g. P. D. Groves, <i>Principles of
/// GNSS, Inertial, and Multisensor Integrated Navigation Systems</i>, 2nd ed., 2013, §2.4):
/// north n = (−sin φ cos λ, −sin φ sin λ, cos φ), east e = (−sin λ, cos λ, 0), up u = (cos φ cos λ, cos φ sin λ, sin φ),
/// down d = −u. NED→ECEF is the matrix with columns [n e d]; ECEF→NED is its transpose. ENU uses columns [e n u].
/// </para>
/// <para>
/// Worked example, φ = 0, λ = 0 (on the equator at the prime meridian): north = +Z, east = +Y, down = −X, up = +X;
/// so NED (1, 0, 0) → ECEF (0, 0, 1), NED (0, 1, 0) → ECEF (0, 1, 0), NED (0, 0, 1) → ECEF (−1, 0, 0).
/// At the north pole (φ = π/2, λ = 0): north = −X, east = +Y, down = −Z.
/// </para>
/// <para>
/// Because the latitude is geodetic, "down" is along the ellipsoid normal, not towards the centre (except on a sphere,
/// at the poles and on the equator). Nothing here allocates.
/// </para>
/// </remarks>
public static class LocalFrame
{
    /// <summary>ECEF components of a vector given in north-east-down axes at (latitude, longitude), radians.</summary>
    public static Vec3 NedToEcef(Vec3 ned, double latitudeRad, double longitudeRad)
    {
        (double sphi, double cphi) = Math.SinCos(latitudeRad);
        (double slam, double clam) = Math.SinCos(longitudeRad);
        // v = N·n + E·e + D·d
        double t = -sphi * ned.X - cphi * ned.Z; // component along the equatorial radial direction
        return new Vec3(
            t * clam - slam * ned.Y,
            t * slam + clam * ned.Y,
            cphi * ned.X - sphi * ned.Z);
    }

    /// <summary>North-east-down components, at (latitude, longitude) in radians, of a vector given in ECEF axes.</summary>
    public static Vec3 EcefToNed(Vec3 ecef, double latitudeRad, double longitudeRad)
    {
        (double sphi, double cphi) = Math.SinCos(latitudeRad);
        (double slam, double clam) = Math.SinCos(longitudeRad);
        return EcefToNed(ecef, sphi, cphi, slam, clam);
    }

    /// <summary>North-east-down components of a vector given in ECEF axes, from the sines and cosines of the latitude and
    /// longitude.</summary>
    public static Vec3 EcefToNed(Vec3 ecef, double sinLatitude, double cosLatitude, double sinLongitude, double cosLongitude)
    {
        double sphi = sinLatitude, cphi = cosLatitude, slam = sinLongitude, clam = cosLongitude;
        double radial = clam * ecef.X + slam * ecef.Y; // along (cos λ, sin λ, 0)
        return new Vec3(
            -sphi * radial + cphi * ecef.Z,
            -slam * ecef.X + clam * ecef.Y,
            -cphi * radial - sphi * ecef.Z);
    }

    /// <summary>ECEF components of a vector given in east-north-up axes at (latitude, longitude), radians.</summary>
    public static Vec3 EnuToEcef(Vec3 enu, double latitudeRad, double longitudeRad)
    {
        (double sphi, double cphi) = Math.SinCos(latitudeRad);
        (double slam, double clam) = Math.SinCos(longitudeRad);
        return EnuToEcef(enu, sphi, cphi, slam, clam);
    }

    /// <summary>
    /// ECEF components of a vector given in east-north-up axes, from the sines and cosines of the latitude (φ) and
    /// longitude (λ): for callers that turn several vectors at one place.
    /// </summary>
    public static Vec3 EnuToEcef(Vec3 enu, double sinLatitude, double cosLatitude, double sinLongitude, double cosLongitude)
    {
        double sphi = sinLatitude, cphi = cosLatitude, slam = sinLongitude, clam = cosLongitude;
        // v = E·e + N·n + U·u
        double t = -sphi * enu.Y + cphi * enu.Z;
        return new Vec3(
            t * clam - slam * enu.X,
            t * slam + clam * enu.X,
            cphi * enu.Y + sphi * enu.Z);
    }

    /// <summary>East-north-up components, at (latitude, longitude) in radians, of a vector given in ECEF axes.</summary>
    public static Vec3 EcefToEnu(Vec3 ecef, double latitudeRad, double longitudeRad)
    {
        (double sphi, double cphi) = Math.SinCos(latitudeRad);
        (double slam, double clam) = Math.SinCos(longitudeRad);
        return EcefToEnu(ecef, sphi, cphi, slam, clam);
    }

    /// <summary>East-north-up components of a vector given in ECEF axes, from the sines and cosines of the latitude and
    /// longitude: for callers that turn many vectors at one place (a radar's site).</summary>
    public static Vec3 EcefToEnu(Vec3 ecef, double sinLatitude, double cosLatitude, double sinLongitude, double cosLongitude)
    {
        double sphi = sinLatitude, cphi = cosLatitude, slam = sinLongitude, clam = cosLongitude;
        double radial = clam * ecef.X + slam * ecef.Y;
        return new Vec3(
            -slam * ecef.X + clam * ecef.Y,
            -sphi * radial + cphi * ecef.Z,
            cphi * radial + sphi * ecef.Z);
    }
}
