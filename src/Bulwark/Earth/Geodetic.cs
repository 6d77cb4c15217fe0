namespace Bulwark.Earth;

/// <summary>A geodetic position: latitude and longitude in radians (east positive), height in metres above the ellipsoid.</summary>
public readonly record struct Geodetic(double LatitudeRad, double LongitudeRad, double HeightM)
{
    /// <summary>Latitude in degrees.</summary>
    public double LatitudeDeg => LatitudeRad * 180.0 / Math.PI;

    /// <summary>Longitude in degrees, east positive.</summary>
    public double LongitudeDeg => LongitudeRad * 180.0 / Math.PI;

    /// <summary>A geodetic position from latitude and longitude in degrees and height in metres.</summary>
    public static Geodetic FromDegrees(double latitudeDeg, double longitudeDeg, double heightM = 0) =>
        new(latitudeDeg * Math.PI / 180.0, longitudeDeg * Math.PI / 180.0, heightM);
}
