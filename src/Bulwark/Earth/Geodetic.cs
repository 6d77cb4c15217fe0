using Bulwark.Numerics;

namespace Bulwark.Earth;

/// <summary>A geodetic position: latitude and longitude in radians (east positive), height in metres above the ellipsoid.</summary>
public readonly record struct Geodetic(double LatitudeRad, double LongitudeRad, double HeightM)
{
    /// <summary>Latitude in degrees.</summary>
    public double LatitudeDeg => Angle.RadToDeg(LatitudeRad);

    /// <summary>Longitude in degrees, east positive.</summary>
    public double LongitudeDeg => Angle.RadToDeg(LongitudeRad);

    /// <summary>A geodetic position from latitude and longitude in degrees and height in metres.</summary>
    public static Geodetic FromDegrees(double latitudeDeg, double longitudeDeg, double heightM = 0) =>
        new(Angle.DegToRad(latitudeDeg), Angle.DegToRad(longitudeDeg), heightM);
}
