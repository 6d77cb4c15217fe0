using System.Text;
using System.Text.Json;

namespace Bulwark.Output;

/// <summary>Radar coverage areas as a GeoJSON FeatureCollection of Polygons (RFC 7946: [longitude, latitude]).</summary>
public static class CoverageGeoJson
{
    public static string Write(IEnumerable<(string Id, string Name, double AltitudeKm, IReadOnlyList<(double LonDeg, double LatDeg)> Ring)> areas)
    {
        return JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("type", "FeatureCollection");
            w.WriteStartArray("features");
            foreach (var (id, name, altitudeKm, ring) in areas)
            {
                w.WriteStartObject();
                w.WriteString("type", "Feature");
                w.WriteStartObject("properties");
                w.WriteString("sensor", id);
                w.WriteString("name", name);
                w.WriteNumber("target_altitude_km", altitudeKm);
                w.WriteEndObject();
                w.WriteStartObject("geometry");
                w.WriteString("type", "Polygon");
                w.WriteStartArray("coordinates");
                w.WriteStartArray();
                foreach (var (lon, lat) in ring)
                {
                    w.WriteStartArray();
                    w.WriteRawValue(Text.Fixed(TrajectoryGeoJson.NormalizeLongitude(lon), 5));
                    w.WriteRawValue(Text.Fixed(lat, 5));
                    w.WriteEndArray();
                }

                w.WriteEndArray();
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }, indented: false);
    }
}
