using Bulwark.Numerics;
using Bulwark.Sensing;

namespace Bulwark.Catalog.Reading;

/// <summary>Reads sensor entries (docs/catalog-format.md) into <see cref="SensorSpec"/> records.</summary>
public static class SensorReader
{
    /// <summary>Reads a sensor entry (docs/catalog-format.md).</summary>
    public static SensorSpec Read(YamlNode node)
    {
        YamlNode type = node.Get("type");
        return type.String() switch
        {
            "radar" => ReadRadar(node),
            "space-ir" => ReadSpaceIr(node),
            string other => throw type.Error($"unknown sensor type '{other}'; expected radar or space-ir"),
        };
    }

    private static RadarSpec ReadRadar(YamlNode node)
    {
        node.OnlyKeys("id", "name", "type", "band", "detection_range_km", "reference_rcs_m2", "boresight_az_deg", "field_of_regard",
            "firm_track_s", "fire_control_s", "provenance", "uncertain", "notes");
        string band = node.Get("band").String();
        double range = node.Get("detection_range_km").Positive("a detection range in km");
        double rcs = node.Get("reference_rcs_m2").Positive("a reference radar cross-section in m²");
        double? boresight = node.TryGet("boresight_az_deg")?.Number(-360, 360, "an azimuth in degrees");
        YamlNode fov = node.Get("field_of_regard");
        fov.OnlyKeys("full_circle", "az_half_width_deg", "min_elev_deg", "max_elev_deg");
        double halfWidth;
        if (fov.TryGet("full_circle") is { } full)
        {
            if (full.String() != "true")
            {
                throw full.Error("expected true (or give az_half_width_deg instead)");
            }

            if (fov.Has("az_half_width_deg"))
            {
                throw fov.Get("az_half_width_deg").Error("give either full_circle or az_half_width_deg, not both");
            }

            halfWidth = 180;
        }
        else
        {
            halfWidth = fov.Get("az_half_width_deg").Number(0.1, 180, "a half-width in degrees from 0.1 to 180");
        }

        double minEl = fov.Get("min_elev_deg").Number(-5, 90, "an elevation in degrees from −5 to 90");
        double maxEl = fov.TryGet("max_elev_deg")?.Number(minEl, 90, "an elevation in degrees up to 90, above min_elev_deg") ?? 90;
        double firm = node.Get("firm_track_s").NonNegative("a track-formation time in seconds");
        YamlNode fc = node.Get("fire_control_s");
        double? fireControl = fc.IsNull ? null : fc.NonNegative("a fire-control track time in seconds (or null for early warning only)");
        return new RadarSpec(node.Get("id").String(), node.Get("name").String(), band, range * 1000, rcs, boresight * Angle.RadPerDeg,
            halfWidth * Angle.RadPerDeg, minEl * Angle.RadPerDeg, maxEl * Angle.RadPerDeg, firm, fireControl);
    }

    private static SpaceInfraredSpec ReadSpaceIr(YamlNode node)
    {
        node.OnlyKeys("id", "name", "type", "min_plume_alt_km", "latency_s", "provenance", "uncertain", "notes");
        double plume = node.Get("min_plume_alt_km").NonNegative("a plume altitude in km");
        double latency = node.Get("latency_s").NonNegative("a latency in seconds");
        return new SpaceInfraredSpec(node.Get("id").String(), node.Get("name").String(), plume * 1000, latency);
    }
}
