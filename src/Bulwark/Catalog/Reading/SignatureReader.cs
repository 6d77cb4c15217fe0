using Bulwark.Catalog.Reading;
using Bulwark.Sensing;

namespace Bulwark.Catalog.Reading;

/// <summary>Reads a missile entry's radar cross-sections: <c>rcs: { booster_m2, reentry_vehicle_m2 }</c>.</summary>
public static class SignatureReader
{
    /// <summary>The signature of a missile entry; a clear error if it has none.</summary>
    public static ThreatSignature Read(YamlNode missile)
    {
        YamlNode rcs = missile.TryGet("rcs") ?? throw missile.Error("missing key 'rcs': the radar cross-sections (booster_m2, reentry_vehicle_m2) radars see");
        rcs.OnlyKeys("booster_m2", "reentry_vehicle_m2");
        return new ThreatSignature(rcs.Get("booster_m2").Positive("a radar cross-section in m²"), rcs.Get("reentry_vehicle_m2").Positive("a radar cross-section in m²"));
    }
}
