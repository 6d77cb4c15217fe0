namespace Bulwark.Catalog;

/// <summary>
/// The unit a key's name carries (docs/catalog-format.md: units live in key names). Dimensionless quantities are named
/// for what they are.
/// </summary>
public static class Units
{
    private static readonly (string Suffix, string Unit)[] Suffixes =
    [
        ("_kg_m2", "kg/m²"), ("_m3_s2", "m³/s²"), ("_rad_s", "rad/s"), ("_km_s", "km/s"), ("_m_s", "m/s"), ("_m2", "m²"),
        ("_km", "km"), ("_kg", "kg"), ("_deg", "°"), ("_s", "s"), ("_m", "m"), ("_dbsm", "dBsm"),
        ("_count", "count"), ("_fraction", "fraction"),
    ];

    /// <summary>Names of dimensionless quantities, and what they are.</summary>
    private static readonly Dictionary<string, string> Dimensionless = new(StringComparer.Ordinal)
    {
        ["cd"] = "drag coefficient",
        ["mach"] = "Mach number",
        ["pk"] = "probability",
        ["j2"] = "J2",
        ["year"] = "year",
        ["joined_nato"] = "year",
        ["members_year"] = "year",
    };

    /// <summary>The unit of the number at <paramref name="path"/> ("stages[1].isp_vac_s" → "s"), or null when the key names none.</summary>
    public static string? Of(string path)
    {
        string key = LastKey(path);
        foreach (var (suffix, unit) in Suffixes)
        {
            if (key.EndsWith(suffix, StringComparison.Ordinal))
            {
                return unit;
            }
        }

        return Dimensionless.GetValueOrDefault(key);
    }

    /// <summary>The last key of a path, without list indices: "body.cd.mach[2]" → "mach".</summary>
    public static string LastKey(string path)
    {
        string p = path;
        while (p.EndsWith(']'))
        {
            p = p[..p.LastIndexOf('[')];
        }

        int dot = p.LastIndexOf('.');
        return dot < 0 ? p : p[(dot + 1)..];
    }
}
