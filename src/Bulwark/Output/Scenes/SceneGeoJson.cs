using System.Text.Json;
using Bulwark.Earth;

namespace Bulwark.Output.Scenes;

/// <summary>
/// A <see cref="GeoScene"/> as a GeoJSON FeatureCollection (RFC 7946): tracks as LineStrings and markers as Points of
/// [longitude, latitude, height m], areas as Polygons of [longitude, latitude]; longitudes in [−180, 180).
/// </summary>
internal static class SceneGeoJson
{
    /// <summary>Decimals of degrees written (1e-7° is about 1 cm).</summary>
    public const int DegreeDecimals = 7;

    public static string Write(GeoScene scene, IReadOnlyDictionary<string, string>? properties)
    {
        return JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("type", "FeatureCollection");
            w.WriteStartArray("features");
            foreach (SceneItem item in scene.Items)
            {
                w.WriteStartObject();
                w.WriteString("type", "Feature");
                w.WriteStartObject("properties");
                w.WriteString("name", item.Name);
                w.WriteString("id", item.Id);
                w.WriteString("layer", item.Layer);
                w.WriteString("style", ScenePalette.Name(item.Style));
                switch (item)
                {
                    case SceneTrack t:
                        w.WriteNumber("start_s", t.Samples[0].TimeS);
                        w.WriteNumber("end_s", t.Samples[^1].TimeS);
                        break;
                    case SceneMarker { FromS: { } from }:
                        w.WriteNumber("from_s", from);
                        break;
                }

                if (item.Description is { } d)
                {
                    w.WriteString("description", d);
                }

                foreach (var (k, v) in properties ?? new Dictionary<string, string>())
                {
                    w.WriteString(k, v);
                }

                w.WriteEndObject();
                w.WriteStartObject("geometry");
                switch (item)
                {
                    case SceneTrack t:
                        w.WriteString("type", "LineString");
                        w.WriteStartArray("coordinates");
                        foreach (SceneSample s in t.Samples)
                        {
                            Position(w, s.Position);
                        }

                        w.WriteEndArray();
                        break;
                    case SceneMarker m:
                        w.WriteString("type", "Point");
                        w.WritePropertyName("coordinates");
                        Position(w, m.Position);
                        break;
                    case SceneArea a:
                        w.WriteString("type", "Polygon");
                        w.WriteStartArray("coordinates");
                        w.WriteStartArray();
                        foreach (var (lon, lat) in Closed(a.Ring))
                        {
                            w.WriteStartArray();
                            w.WriteRawValue(Text.Fixed(TrajectoryGeoJson.NormalizeLongitude(lon), DegreeDecimals));
                            w.WriteRawValue(Text.Fixed(lat, DegreeDecimals));
                            w.WriteEndArray();
                        }

                        w.WriteEndArray();
                        w.WriteEndArray();
                        break;
                }

                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }, indented: false);
    }

    /// <summary>The ring with its first point repeated at the end (RFC 7946 §3.1.6), if it is not already.</summary>
    public static IReadOnlyList<(double LonDeg, double LatDeg)> Closed(IReadOnlyList<(double LonDeg, double LatDeg)> ring) =>
        ring.Count > 0 && ring[0] != ring[^1] ? [.. ring, ring[0]] : ring;

    private static void Position(Utf8JsonWriter w, Geodetic g)
    {
        w.WriteStartArray();
        w.WriteRawValue(Text.Fixed(TrajectoryGeoJson.NormalizeLongitude(g.LongitudeDeg), DegreeDecimals));
        w.WriteRawValue(Text.Fixed(g.LatitudeDeg, DegreeDecimals));
        w.WriteRawValue(Text.Fixed(g.HeightM, 1));
        w.WriteEndArray();
    }
}
