using System.Globalization;

namespace Bulwark.Catalog;

/// <summary>The figures that summarise an entry in a listing, each with the key it comes from (for its provenance).</summary>
public static class KeyFigures
{
    /// <summary>(label, value text, key path) for the entry's headline numbers or facts.</summary>
    public static IReadOnlyList<(string Label, string Value, string? Path)> Of(CatalogEntry e)
    {
        var n = e.Node;
        string? S(string key) => n.TryGet(key)?.ScalarText;
        var list = new List<(string, string, string?)>();
        void Add(string label, string? value, string? path)
        {
            if (value is not null)
            {
                list.Add((label, value, path));
            }
        }

        switch (e.Kind)
        {
            case "places":
                Add("lat, lon", $"{S("lat_deg")}, {S("lon_deg")}", "lat_deg");
                Add("roles", string.Join(" ", n.TryGet("roles")?.Items().Select(r => r.ScalarText) ?? []), null);
                Add("± km", S("uncertainty_km"), "uncertainty_km");
                break;
            case "missiles":
                Add("class", S("class"), null);
                if (n.TryGet("calibration") is { } c)
                {
                    Add("calibrated to", $"{c.TryGet("payload_mass_kg")?.ScalarText} kg to {c.TryGet("range_km")?.ScalarText} km", "calibration.range_km");
                }

                break;
            case "interceptors":
                Add("burnout", $"{S("burnout_speed_km_s")} km/s", "burnout_speed_km_s");
                Add("intercept alt", $"{S("min_intercept_alt_km")}–{S("max_intercept_alt_km")} km", "max_intercept_alt_km");
                break;
            case "sensors":
                Add("type", S("type"), null);
                if (S("detection_range_km") is { } r)
                {
                    Add("range", $"{r} km at {S("reference_rcs_m2")} m²", "detection_range_km");
                }

                break;
            case "architectures":
                Add("year", S("year"), "year");
                Add("status", S("status"), null);
                Add("batteries", (n.TryGet("batteries")?.Items().Count ?? 0).ToString(CultureInfo.InvariantCulture), null);
                Add("sensors", (n.TryGet("sensors")?.Items().Count ?? 0).ToString(CultureInfo.InvariantCulture), null);
                break;
            case "threat-sets":
                Add("threats", (n.TryGet("threats")?.Items().Count ?? 0).ToString(CultureInfo.InvariantCulture), null);
                break;
        }

        return list;
    }
}
