using Bulwark.Numerics;

namespace Bulwark.Earth;

/// <summary>
/// Rotations between Earth-fixed axes and local north-east-down / east-north-up axes at a geodetic latitude and longitude
/// (the axes of the ellipsoid normal). Directions only: no translation.
/// </summary>
public static class LocalFrame
{
    public static Vec3 NedToEcef(Vec3 ned, double latitudeRad, double longitudeRad) => throw new NotImplementedException();

    public static Vec3 EcefToNed(Vec3 ecef, double latitudeRad, double longitudeRad) => throw new NotImplementedException();

    public static Vec3 EnuToEcef(Vec3 enu, double latitudeRad, double longitudeRad) => throw new NotImplementedException();

    public static Vec3 EcefToEnu(Vec3 ecef, double latitudeRad, double longitudeRad) => throw new NotImplementedException();
}
