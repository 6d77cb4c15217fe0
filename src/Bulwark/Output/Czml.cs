using System.Globalization;
using System.Text;
using System.Text.Json;
using Bulwark.Numerics;

namespace Bulwark.Output;

/// <summary>
/// A CZML document for CesiumJS: the document packet (clock) first, then entities. Positions are Earth-fixed (FIXED;
/// paths drawn from inertial samples are wrong in Cesium) as epoch-relative samples; moving entities carry an
/// availability interval and a path resolution no coarser than their sample spacing.
/// </summary>
public sealed class Czml
{
    /// <summary>
    /// The default absolute epoch for t = 0: 2010-11-19T12:00:00Z, the opening day of NATO's Lisbon summit. Only CZML
    /// needs an absolute time; the physics uses seconds since the epoch.
    /// </summary>
    public static readonly DateTimeOffset DefaultEpoch = new(2010, 11, 19, 12, 0, 0, TimeSpan.Zero);

    private readonly List<Action<Utf8JsonWriter>> _packets = [];
    private readonly string _name;
    private readonly DateTimeOffset _epoch;
    private double _start = double.PositiveInfinity;
    private double _end = double.NegativeInfinity;

    public Czml(string name, DateTimeOffset? epoch = null)
    {
        _name = name;
        _epoch = epoch ?? DefaultEpoch;
    }

    /// <summary>
    /// A moving point with its path, from Earth-fixed samples (time s, position m). With <paramref name="hold"/> the
    /// point stays at its last sample until the document's end (forward extrapolation HOLD), so that a finished
    /// trajectory or fly-out stays drawn beside the intercept or impact it led to.
    /// </summary>
    public Czml Path(string id, string name, IReadOnlyList<(double TimeS, Vec3 EcefM)> samples, int[] rgba, double widthPx = 2, string? description = null, bool hold = false)
    {
        if (samples.Count == 0)
        {
            return this;
        }

        double start = samples[0].TimeS, end = samples[^1].TimeS;
        Extend(start, end);
        double spacing = samples.Count > 1 ? (end - start) / (samples.Count - 1) : 1;
        _packets.Add(w =>
        {
            w.WriteString("id", id);
            w.WriteString("name", name);
            Description(w, description);
            w.WriteString("availability", Interval(start, hold ? Math.Max(end, _end) : end));
            w.WriteStartObject("point");
            w.WriteNumber("pixelSize", 7);
            Colour(w, rgba);
            w.WriteEndObject();
            w.WriteStartObject("path");
            w.WriteNumber("resolution", Math.Max(0.01, Math.Min(spacing, 60)));
            w.WriteNumber("width", widthPx);
            w.WriteNumber("leadTime", 0);
            w.WriteStartObject("material");
            w.WriteStartObject("solidColor");
            Colour(w, rgba);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteStartObject("position");
            w.WriteString("referenceFrame", "FIXED");
            if (hold)
            {
                w.WriteString("forwardExtrapolationType", "HOLD");
            }

            w.WriteString("epoch", Iso(0));
            w.WriteStartArray("cartesian");
            foreach (var (t, r) in samples)
            {
                w.WriteRawValue(Text.Fixed(t, 3));
                w.WriteRawValue(Text.Fixed(r.X, 2));
                w.WriteRawValue(Text.Fixed(r.Y, 2));
                w.WriteRawValue(Text.Fixed(r.Z, 2));
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
        return this;
    }

    /// <summary>A fixed point (a site; an intercept shown from <paramref name="fromS"/> on), Earth-fixed position in m.</summary>
    public Czml Point(string id, string name, Vec3 ecefM, int[] rgba, double? fromS = null, string? description = null, bool label = true)
    {
        _packets.Add(w =>
        {
            w.WriteString("id", id);
            w.WriteString("name", name);
            Description(w, description);
            if (fromS is { } t)
            {
                w.WriteString("availability", Interval(t, Math.Max(t, _end)));
            }

            w.WriteStartObject("point");
            w.WriteNumber("pixelSize", 10);
            Colour(w, rgba);
            w.WriteEndObject();
            if (label)
            {
                w.WriteStartObject("label");
                w.WriteString("text", name);
                w.WriteString("font", "12px sans-serif");
                w.WriteStartObject("pixelOffset");
                w.WriteStartArray("cartesian2");
                w.WriteNumberValue(12);
                w.WriteNumberValue(0);
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteStartObject("position");
            w.WriteStartArray("cartesian");
            w.WriteRawValue(Text.Fixed(ecefM.X, 2));
            w.WriteRawValue(Text.Fixed(ecefM.Y, 2));
            w.WriteRawValue(Text.Fixed(ecefM.Z, 2));
            w.WriteEndArray();
            w.WriteEndObject();
        });
        return this;
    }

    /// <summary>A filled area on the ellipsoid through (longitude, latitude) points in degrees, with its outline.</summary>
    public Czml Polygon(string id, string name, IReadOnlyList<(double LonDeg, double LatDeg)> ring, int[] rgba, string? description = null)
    {
        _packets.Add(w =>
        {
            w.WriteString("id", id);
            w.WriteString("name", name);
            Description(w, description);
            w.WriteStartObject("polygon");
            w.WriteStartObject("positions");
            w.WriteStartArray("cartographicDegrees");
            foreach (var (lon, lat) in ring)
            {
                w.WriteRawValue(Text.Fixed(lon, 6));
                w.WriteRawValue(Text.Fixed(lat, 6));
                w.WriteNumberValue(0);
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteNumber("height", 0);
            w.WriteStartObject("material");
            w.WriteStartObject("solidColor");
            Colour(w, rgba);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteBoolean("outline", true);
            w.WriteStartObject("outlineColor");
            w.WriteStartArray("rgba");
            w.WriteNumberValue(rgba[0]);
            w.WriteNumberValue(rgba[1]);
            w.WriteNumberValue(rgba[2]);
            w.WriteNumberValue(255);
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        });
        return this;
    }

    public override string ToString()
    {
        double start = double.IsFinite(_start) ? _start : 0, end = double.IsFinite(_end) ? _end : 0;
        return JsonText.Write(w =>
        {
            w.WriteStartArray();
            w.WriteStartObject();
            w.WriteString("id", "document");
            w.WriteString("name", _name);
            w.WriteString("version", "1.0");
            w.WriteStartObject("clock");
            w.WriteString("interval", Interval(start, end));
            w.WriteString("currentTime", Iso(start));
            w.WriteNumber("multiplier", 10);
            w.WriteString("range", "LOOP_STOP");
            w.WriteString("step", "SYSTEM_CLOCK_MULTIPLIER");
            w.WriteEndObject();
            w.WriteEndObject();
            foreach (var packet in _packets)
            {
                w.WriteStartObject();
                packet(w);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }, indented: true);
    }

    private void Extend(double start, double end)
    {
        _start = Math.Min(_start, start);
        _end = Math.Max(_end, end);
    }

    /// <summary>
    /// A description: CZML's is HTML (CesiumJS shows it in its info box), a scene item's is text, so the characters that
    /// mean something in HTML are escaped: a name from a user's file (<c>&lt;img onerror=…&gt;</c>) shows as written.
    /// </summary>
    private static void Description(Utf8JsonWriter w, string? description)
    {
        if (description is not null)
        {
            w.WriteString("description", HtmlText(description));
        }
    }

    /// <summary>Text as HTML: &amp;, &lt;, &gt;, " and ' escaped, everything else as it is.</summary>
    public static string HtmlText(string text) =>
        text.AsSpan().IndexOfAny("&<>\"'") < 0 ? text
            : text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
                .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal)
                .Replace("'", "&#39;", StringComparison.Ordinal);

    private static void Colour(Utf8JsonWriter w, int[] rgba)
    {
        w.WriteStartObject("color");
        w.WriteStartArray("rgba");
        foreach (int c in rgba)
        {
            w.WriteNumberValue(c);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private string Interval(double start, double end) => $"{Iso(start)}/{Iso(end)}";

    private string Iso(double t) => _epoch.AddSeconds(t).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
