namespace Bulwark.Earth;

/// <summary>The solution of the inverse geodesic problem between two points on an ellipsoid.</summary>
/// <param name="DistanceM">length of the shortest geodesic, m</param>
/// <param name="InitialAzimuthRad">azimuth at the first point, clockwise from north, radians in (−π, π]</param>
/// <param name="FinalAzimuthRad">forward azimuth at the second point, radians</param>
public readonly record struct GeodesicLine(double DistanceM, double InitialAzimuthRad, double FinalAzimuthRad);

/// <summary>Geodesics on an ellipsoid of revolution (Karney 2013, "Algorithms for geodesics", J. Geodesy 87:43–55).</summary>
public static class Geodesic
{
    /// <summary>Shortest geodesic between two points (radians); accurate to well under a millimetre, antipodal cases included.</summary>
    public static GeodesicLine Inverse(Ellipsoid ellipsoid, double lat1Rad, double lon1Rad, double lat2Rad, double lon2Rad) =>
        throw new NotImplementedException();

    /// <summary>The point reached from (lat1, lon1) along initial azimuth <paramref name="azimuthRad"/> after <paramref name="distanceM"/>.</summary>
    public static Geodetic Direct(Ellipsoid ellipsoid, double lat1Rad, double lon1Rad, double azimuthRad, double distanceM) =>
        throw new NotImplementedException();
}
