using System.Text.Json;
using Bulwark.Catalog;
using Bulwark.Engagement;

namespace Bulwark.Output.Json;

/// <summary>
/// <c>bulwark catalog --format json</c>: each entry's numbers with unit, confidence, source and citation; an interceptor's
/// fly-out family (<c>flyout</c>: the standard, flattest and steepest programs' burnouts) when the given fly-outs have it.
/// </summary>
public static class CatalogJson
{
    public static string Write(BulwarkCatalog catalog, IReadOnlyList<CatalogEntry> entries, IReadOnlyDictionary<string, FlyoutFamily>? flyouts = null)
    {
        return JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("entries");
            foreach (CatalogEntry e in entries)
            {
                w.WriteStartObject();
                w.WriteString("id", e.Id);
                w.WriteString("kind", e.Kind);
                w.WriteString("name", e.Name);
                w.WriteStartArray("numbers");
                foreach (CatalogNumber number in e.Figures())
                {
                    string path = number.Path;
                    Provenance? p = e.ProvenanceOf(path);
                    w.WriteStartObject();
                    w.WriteString("key", path);
                    w.WriteNumber("value", number.Value);
                    w.WriteString("unit", Units.Of(path));
                    w.WriteString("confidence", p is null ? null : Provenance.Name(p.Confidence));
                    w.WriteString("source", p?.SourceId);
                    w.WriteString("citation", p?.SourceId is { } id && catalog.Sources.TryGetValue(id, out Source? s) ? s.Citation : null);
                    if (p?.CalibratedTo is { } c)
                    {
                        w.WriteString("calibrated_to", c);
                    }

                    if (p?.Derivation is { } d)
                    {
                        w.WriteString("derivation", d);
                    }

                    if (p?.Note is { } n)
                    {
                        w.WriteString("note", n);
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
                if (flyouts is not null && flyouts.TryGetValue(e.Id, out FlyoutFamily? family))
                {
                    w.WriteStartObject("flyout");
                    w.WriteString("computed_on", "the standard fly-out (docs/interceptors.md); derived from the entry's notional stages and guidance");
                    Burnout(w, "standard", family.Standard);
                    Burnout(w, "flattest", family.Flattest);
                    Burnout(w, "lowest", family.Lowest);
                    Burnout(w, "steepest", family.Steepest);
                    w.WriteEndObject();
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }, indented: true);
    }

    private static void Burnout(Utf8JsonWriter w, string name, FlyoutBurnout b)
    {
        w.WriteStartObject(name);
        w.WriteNumber("commanded_elevation_deg", Rounding.AngleDeg(b.ElevationRad));
        w.WriteNumber("burnout_flight_path_angle_deg", Rounding.AngleDeg(b.FlightPathAngleRad));
        w.WriteNumber("burnout_speed_km_s", Rounding.KmPerS(b.SpeedMPerS));
        w.WriteNumber("burnout_altitude_km", Rounding.Km(b.HeightM));
        w.WriteNumber("burnout_time_s", Rounding.Time(b.TimeS));
        w.WriteEndObject();
    }
}
