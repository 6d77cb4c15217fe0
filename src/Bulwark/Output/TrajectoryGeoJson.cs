using System.Text;
using System.Text.Json;
using Bulwark.Flight.Propagation;

namespace Bulwark.Output;

/// <summary>A trajectory as a GeoJSON Feature with a LineString of [longitude, latitude, height in metres] (RFC 7946).</summary>
public static class TrajectoryGeoJson
{
    public static string Write(IReadOnlyList<TrajectoryPoint> points, string name, IReadOnlyDictionary<string, string>? properties = null)
    {
        return JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("type", "FeatureCollection");
            w.WriteStartArray("features");
            w.WriteStartObject();
            w.WriteString("type", "Feature");
            w.WriteStartObject("properties");
            w.WriteString("name", name);
            if (points.Count > 0)
            {
                w.WriteNumber("start_s", points[0].TimeS);
                w.WriteNumber("end_s", points[^1].TimeS);
            }

            foreach (var (k, v) in properties ?? new Dictionary<string, string>())
            {
                w.WriteString(k, v);
            }

            w.WriteEndObject();
            w.WriteStartObject("geometry");
            w.WriteString("type", "LineString");
            w.WriteStartArray("coordinates");
            foreach (TrajectoryPoint p in points)
            {
                w.WriteStartArray();
                w.WriteRawValue(Text.Fixed(NormalizeLongitude(p.Position.LongitudeDeg), 7));
                w.WriteRawValue(Text.Fixed(p.Position.LatitudeDeg, 7));
                w.WriteRawValue(Text.Fixed(p.Position.HeightM, 1));
                w.WriteEndArray();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }, indented: false);
    }

    /// <summary>Longitude in [−180, 180).</summary>
    public static double NormalizeLongitude(double lonDeg)
    {
        double x = (lonDeg + 180) % 360;
        return (x < 0 ? x + 360 : x) - 180;
    }
}
