using Bulwark.Flight.Propagation;
using Bulwark.Numerics;

namespace Bulwark.Output;

/// <summary>A trajectory as a GeoJSON Feature with a LineString of [longitude, latitude, height in metres] (RFC 7946).</summary>
public static class TrajectoryGeoJson
{
    public static string Write(IReadOnlyList<TrajectoryPoint> points, string name, IReadOnlyDictionary<string, string>? properties = null) =>
        TrajectoryScene.Of(points, "trajectory", name).ToGeoJson(properties);

    /// <summary>Longitude in [−180, 180).</summary>
    public static double NormalizeLongitude(double lonDeg) => Angle.WrapLonDeg(lonDeg);
}
