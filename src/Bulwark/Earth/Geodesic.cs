using Bulwark.Numerics;

namespace Bulwark.Earth;

/// <summary>The solution of the inverse geodesic problem between two points on an ellipsoid.</summary>
/// <param name="DistanceM">length of the shortest geodesic, m</param>
/// <param name="InitialAzimuthRad">azimuth at the first point, clockwise from north, radians in (−π, π]</param>
/// <param name="FinalAzimuthRad">forward azimuth at the second point, radians</param>
public readonly record struct GeodesicLine(double DistanceM, double InitialAzimuthRad, double FinalAzimuthRad);

/// <summary>
/// Geodesics on an ellipsoid of revolution (Karney 2013, "Algorithms for geodesics", J. Geodesy 87:43–55,
/// doi:10.1007/s00190-012-0578-z).
/// </summary>
/// <remarks>
/// <para>
/// This is our own C# port of Karney's method with the series taken to order 6, following GeographicLib's
/// <c>geodesic.c</c> (C. F. F. Karney, MIT/X11 licence). We write it ourselves because no geodesy NuGet package is served to
/// this build (GeographicLib itself is C++; its .NET ports are not available here) and the library takes no native
/// dependencies. For the Earth (|f| ≤ 1/50) the error is about 15 nm on the inverse and direct problems,
/// nearly antipodal points included, where Vincenty's (1975) iteration fails to converge.
/// </para>
/// <para>
/// Angles are radians: latitudes in [−π/2, π/2], longitudes east positive, azimuths clockwise from north.
/// Internally the solver works in degrees so that quadrant reductions are exact; radians are converted as
/// rad / π · 180, which maps ±π and ±π/2 exactly to ±180° and ±90°. A latitude outside [−90°, 90°] gives NaN results.
/// Heights are ignored: the geodesic is on the ellipsoid surface.
/// </para>
/// </remarks>
public static class Geodesic
{
    /// <summary>Shortest geodesic between two points (radians); accurate to well under a millimetre, antipodal cases included.</summary>
    public static GeodesicLine Inverse(Ellipsoid ellipsoid, double lat1Rad, double lon1Rad, double lat2Rad, double lon2Rad)
    {
        GeodesicCore core = GeodesicCore.For(ellipsoid);
        core.Inverse(GeoMath.ToDegrees(lat1Rad), GeoMath.ToDegrees(lon1Rad), GeoMath.ToDegrees(lat2Rad), GeoMath.ToDegrees(lon2Rad),
            out double s12, out double salp1, out double calp1, out double salp2, out double calp2);
        return new GeodesicLine(s12, Azimuth(salp1, calp1), Azimuth(salp2, calp2));
    }

    /// <summary>The point reached from (lat1, lon1) along initial azimuth <paramref name="azimuthRad"/> after <paramref name="distanceM"/>.</summary>
    public static Geodetic Direct(Ellipsoid ellipsoid, double lat1Rad, double lon1Rad, double azimuthRad, double distanceM) =>
        Direct(ellipsoid, lat1Rad, lon1Rad, azimuthRad, distanceM, out _);

    /// <summary>
    /// The point reached from (lat1, lon1) along initial azimuth <paramref name="azimuthRad"/> (radians clockwise from north)
    /// after <paramref name="distanceM"/> metres (negative goes backwards), with the forward azimuth there.
    /// </summary>
    /// <param name="ellipsoid">the ellipsoid</param>
    /// <param name="lat1Rad">start latitude, radians</param>
    /// <param name="lon1Rad">start longitude, radians</param>
    /// <param name="azimuthRad">initial azimuth, radians clockwise from north</param>
    /// <param name="distanceM">distance along the geodesic, m</param>
    /// <param name="finalAzimuthRad">forward azimuth at the end point, radians clockwise from north, in (−π, π]</param>
    /// <returns>the end point; longitude in [−π, π], height 0</returns>
    public static Geodetic Direct(Ellipsoid ellipsoid, double lat1Rad, double lon1Rad, double azimuthRad, double distanceM,
        out double finalAzimuthRad)
    {
        GeodesicCore core = GeodesicCore.For(ellipsoid);
        core.Direct(GeoMath.ToDegrees(lat1Rad), GeoMath.ToDegrees(lon1Rad), GeoMath.ToDegrees(azimuthRad), distanceM,
            out double lat2, out double lon2, out double azi2);
        finalAzimuthRad = Angle.WrapPiHalfOpen(GeoMath.ToRadians(azi2));
        return new Geodetic(GeoMath.ToRadians(lat2), GeoMath.ToRadians(lon2), 0);
    }

    // (−π, π]: atan2(−0, −1) = −π is the same direction as π.
    private static double Azimuth(double salp, double calp) => Angle.WrapPiHalfOpen(Math.Atan2(salp, calp));
}
