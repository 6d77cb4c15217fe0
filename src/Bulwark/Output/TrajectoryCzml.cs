using System.Text;
using System.Text.Json;
using Bulwark.Flight.Propagation;

namespace Bulwark.Output;

/// <summary>
/// A trajectory as CZML for CesiumJS: a document packet with the clock, then one entity whose position is sampled in the
/// Earth-fixed frame (FIXED; paths drawn from inertial samples are wrong in Cesium), with an availability interval from
/// launch to the end and a path resolution no coarser than the sample spacing.
/// </summary>
public static class TrajectoryCzml
{
    /// <summary>
    /// The default absolute epoch for t = 0: 2010-11-19T12:00:00Z, the opening day of NATO's Lisbon summit. Only CZML
    /// needs an absolute time; the physics uses seconds since the epoch.
    /// </summary>
    public static readonly DateTimeOffset DefaultEpoch = new(2010, 11, 19, 12, 0, 0, TimeSpan.Zero);

    public static string Write(IReadOnlyList<TrajectoryPoint> points, string id, string name, DateTimeOffset? epoch = null)
    {
        DateTimeOffset t0 = epoch ?? DefaultEpoch;
        double start = points.Count > 0 ? points[0].TimeS : 0;
        double end = points.Count > 0 ? points[^1].TimeS : 0;
        string interval = $"{Iso(t0.AddSeconds(start))}/{Iso(t0.AddSeconds(end))}";
        double spacing = points.Count > 1 ? (end - start) / (points.Count - 1) : 1;
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartArray();
            w.WriteStartObject();
            w.WriteString("id", "document");
            w.WriteString("name", name);
            w.WriteString("version", "1.0");
            w.WriteStartObject("clock");
            w.WriteString("interval", interval);
            w.WriteString("currentTime", Iso(t0.AddSeconds(start)));
            w.WriteNumber("multiplier", 10);
            w.WriteString("range", "LOOP_STOP");
            w.WriteString("step", "SYSTEM_CLOCK_MULTIPLIER");
            w.WriteEndObject();
            w.WriteEndObject();

            w.WriteStartObject();
            w.WriteString("id", id);
            w.WriteString("name", name);
            w.WriteString("availability", interval);
            w.WriteStartObject("point");
            w.WriteNumber("pixelSize", 8);
            w.WriteStartObject("color");
            w.WriteStartArray("rgba");
            foreach (int c in new[] { 255, 64, 64, 255 })
            {
                w.WriteNumberValue(c);
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteStartObject("path");
            w.WriteNumber("resolution", Math.Max(0.01, Math.Min(spacing, 60)));
            w.WriteNumber("width", 2);
            w.WriteNumber("leadTime", 0);
            w.WriteEndObject();
            w.WriteStartObject("position");
            w.WriteString("referenceFrame", "FIXED");
            w.WriteString("epoch", Iso(t0));
            w.WriteStartArray("cartesian");
            foreach (TrajectoryPoint p in points)
            {
                w.WriteRawValue(Text.Fixed(p.TimeS, 3));
                w.WriteRawValue(Text.Fixed(p.PositionEcefM.X, 2));
                w.WriteRawValue(Text.Fixed(p.PositionEcefM.Y, 2));
                w.WriteRawValue(Text.Fixed(p.PositionEcefM.Z, 2));
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);
}
